// The separation sweep of issue 7: one model per prototype method at (N, n) = (10, 16) on the
// CIFAR-10 subset, fast mode, identical budgets. node bin/run-ts.mjs bench/experiment.ts [ARCHIVE]
// [--seeds S] [--epochs E] [--head linear|mlp] [--methods a,b,...] (default: 1 seed, 10 epochs,
// the linear head, 8 methods). Prints the feature time, one line a run, the
// summary table and the total wall time against the 10-minute goal. CPU time is printed too: it
// varies less than wall time on a busy machine.

import { parseArgs } from 'node:util';
import { summaryTable } from '../src/cli/experiment.ts';
import { planRuns } from '../src/train/experiment/plan.ts';
import { coarseOfClasses, runExperiment } from '../src/train/experiment/runner.ts';
import { summarise } from '../src/train/experiment/stats.ts';
import { DEFAULT_LABELLING_OPTIONS } from '../src/train/labellings/options.ts';
import { loadNodeTf } from '../src/train/node/nodeTf.ts';
import { computeFeatures, FEATURE_SEED } from '../src/train/pipelines/fastPipeline.ts';
import { DEFAULT_TRAIN_CONFIG } from '../src/train/types.ts';
import { switchCpuToWasm } from '../src/train/wasmOnCpu.ts';
import { cifar10Archive, wholeSubset } from './lib/archive.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seeds: { type: 'string', default: '1' },
    epochs: { type: 'string', default: '10' },
    head: { type: 'string', default: 'linear' },
    methods: { type: 'string', default: 'random,onehot,orthoplex,kasarla,mettes,lse,rm,bch' },
  },
});
const { path, present } = cifar10Archive(positionals[0]);
if (!present) {
  console.error(`no archive at ${path}: pass one, or set CIFAR10_ARCHIVE`);
  process.exit(1);
}
const wallStart = performance.now();
const cpuStart = process.cpuUsage();
const subset = await wholeSubset(path);
const K = subset.classNames.length;
const spec = {
  title: 'bench sweep',
  n: 16,
  methods: values.methods.split(','),
  labellings: ['identity' as const],
  seeds: Number(values.seeds),
  config: {
    ...DEFAULT_TRAIN_CONFIG,
    mode: 'fast' as const,
    epochs: Number(values.epochs),
    hiddenUnits: values.head === 'mlp' ? (DEFAULT_TRAIN_CONFIG.hiddenUnits ?? 256) : 0,
  },
  labelling: DEFAULT_LABELLING_OPTIONS,
};
const plan = planRuns(spec);
console.log(
  `sweep: N = ${K}, n = 16, ${spec.methods.length} methods x ${spec.seeds} seeds = ${plan.length} runs, ${spec.config.epochs} epochs, ${values.head} head, ${subset.train.count} / ${subset.test.count} images`,
);
const tf = await loadNodeTf();
// As the CLI's experiment command does: the runs train on tfjs's WebAssembly backend.
await switchCpuToWasm(tf);
const featureStart = performance.now();
const features = await computeFeatures(tf, subset.train, subset.test, FEATURE_SEED);
console.log(`features: ${((performance.now() - featureStart) / 1000).toFixed(1)} s`);
const results = await runExperiment(
  tf,
  {
    train: subset.train,
    test: subset.test,
    classNames: subset.classNames,
    coarseOfClass: coarseOfClasses(subset.train.labels, subset.train.coarseLabels, K),
  },
  16,
  plan,
  DEFAULT_LABELLING_OPTIONS,
  {
    onResult: (r) =>
      console.log(
        `${r.key.padEnd(24)} accuracy ${(100 * r.testAccuracy).toFixed(2)}%  max cosine ${r.maxCosine.toFixed(4)}  ${(r.timeMs / 1000).toFixed(1)} s`,
      ),
  },
  features,
);
process.stdout.write(summaryTable(summarise(results)));
const wall = (performance.now() - wallStart) / 1000;
const cpu = process.cpuUsage(cpuStart);
console.log(
  `total: ${wall.toFixed(1)} s wall (${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU); goal under 600 s: ${wall < 600 ? 'met' : 'NOT met'}`,
);
