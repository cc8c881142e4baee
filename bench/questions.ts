// The talk's two questions as the app's buttons queue them (src/train/experiment/questions.ts),
// run in Node on tfjs's WebAssembly backend, with the sentence the app shows:
//   node bin/run-ts.mjs bench/questions.ts [--n16 16] [--n3 3] [--n64 64]
// "Does separation matter?" on the CIFAR-10 subset at n = 16 and n = 3; "Does the labelling
// matter?" with RM codes at n = 64 on the CIFAR-100 subset ($CIFAR10_ARCHIVE, $CIFAR100_ARCHIVE,
// default ../shared/data). Prints each run, the total time (features included) against the
// issue's targets (90 s, 90 s, 120 s), and whether Hungarian beats dataset order by more than
// the seed spread.
import { existsSync } from 'node:fs';
import { methodLabel } from '../src/core/methods/registry.ts';
import { CIFAR10, CIFAR100 } from '../src/data/testing/archives.ts';
import { planRuns } from '../src/train/experiment/plan.ts';
import { labellingQuestion, separationQuestion } from '../src/train/experiment/questions.ts';
import { opposedPair } from '../src/train/experiment/relabelViews.ts';
import { coarseOfClasses, runExperiment } from '../src/train/experiment/runner.ts';
import { mean, sampleStd } from '../src/train/experiment/stats.ts';
import type { ExperimentSpec, RunResult } from '../src/train/experiment/types.ts';
import { labellingVerdict, separationVerdict } from '../src/train/experiment/verdict.ts';
import { labellingLabel } from '../src/train/labellings/registry.ts';
import { loadNodeTf } from '../src/train/node/nodeTf.ts';
import { switchCpuToWasm } from '../src/train/wasmOnCpu.ts';
import { wholeSubset } from './lib/archive.ts';

const tf = await loadNodeTf();
await switchCpuToWasm(tf);

async function ask(path: string, spec: (K: number) => ExperimentSpec, target: number) {
  const wall = performance.now();
  const subset = await wholeSubset(path);
  const K = subset.classNames.length;
  const s = spec(K);
  const coarse = coarseOfClasses(subset.train.labels, subset.train.coarseLabels, K);
  const data = {
    train: subset.train,
    test: subset.test,
    classNames: subset.classNames,
    coarseOfClass: coarse,
  };
  console.log(
    `\n${s.title}: ${planRuns(s).length} runs, ${subset.train.count} / ${subset.test.count} images`,
  );
  const results = await runExperiment(tf, data, s.n, planRuns(s), s.labelling, {
    onResult: (r) =>
      console.log(
        `  ${r.method} ${r.labelling} seed ${r.seed}: ${(100 * r.testAccuracy).toFixed(1)} %, ${(r.timeMs / 1000).toFixed(1)} s`,
      ),
  });
  const seconds = (performance.now() - wall) / 1000;
  const verdict =
    s.question === 'separation'
      ? separationVerdict(results, methodLabel)
      : labellingVerdict(results, labellingLabel);
  console.log(`  ${verdict?.sentence}`);
  console.log(
    `  total ${seconds.toFixed(1)} s (features included; target ${target} s: ${seconds <= target ? 'met' : 'NOT met'})`,
  );
  return { results, coarse, names: subset.classNames };
}

if (existsSync(CIFAR10.path)) {
  await ask(CIFAR10.path, (K) => separationQuestion(K, 16), 90);
  await ask(CIFAR10.path, (K) => separationQuestion(K, 3), 90);
} else console.log(`no CIFAR-10 archive at ${CIFAR10.path}: separation skipped`);
if (existsSync(CIFAR100.path)) {
  const { results, coarse, names } = await ask(
    CIFAR100.path,
    () => labellingQuestion('rm', 100, 64),
    120,
  );
  const accuracies = (l: string) =>
    results.filter((r: RunResult) => r.labelling === l).map((r) => r.testAccuracy);
  const [h, i] = [accuracies('hungarian'), accuracies('identity')];
  const gap = mean(h) - mean(i);
  const spread = Math.max(sampleStd(h), sampleStd(i));
  console.log(
    `  Hungarian - dataset order: ${(100 * gap).toFixed(1)} points; larger seed spread ${(100 * spread).toFixed(1)} points: ${gap > spread ? 'beyond' : 'NOT beyond'}`,
  );
  const base = results.find((r) => r.labelling === 'identity');
  const other = results.find((r) => r.labelling === 'hungarian' && r.seed === base?.seed);
  const pair = base && other ? opposedPair(base, other, coarse) : null;
  if (pair)
    console.log(
      `  ${names[pair.a]} / ${names[pair.b]}: cosine ${pair.before.toFixed(2)} in dataset order, ${pair.after.toFixed(2)} after Hungarian`,
    );
} else console.log(`no CIFAR-100 archive at ${CIFAR100.path}: labelling skipped`);
