/**
 * `hypersphere-lab experiment`: loads the CIFAR files, draws the subset, runs every planned run
 * on TensorFlow.js's WebAssembly backend (its cpu backend where that cannot start) and prints
 * the runs and their summary. Progress lines go to stderr; with --json the last line of stdout is
 * the whole result as one JSON object.
 */

import { performance } from 'node:perf_hooks';
import { parseClassSpec, SelectionError } from '../data/classSpec.ts';
import { DataError } from '../data/errors.ts';
import { makeSubset } from '../data/subset.ts';
import { ExperimentSpecError, planRuns } from '../train/experiment/plan.ts';
import { coarseOfClasses, runExperiment } from '../train/experiment/runner.ts';
import { summarise } from '../train/experiment/stats.ts';
import type { RunResult, SummaryRow } from '../train/experiment/types.ts';
import { loadNodeTf } from '../train/node/nodeTf.ts';
import { computeFeatures, FEATURE_SEED } from '../train/pipelines/fastPipeline.ts';
import type { FastFeatures } from '../train/types.ts';
import { switchCpuToWasm } from '../train/wasmOnCpu.ts';
import { UsageError } from './args.ts';
import type { CliIO } from './cli.ts';
import { type ExperimentCommand, parseExperimentArgs } from './experimentArgs.ts';
import { type FeatureKey, readFeatureCache, writeFeatureCache } from './experimentFeatures.ts';
import { loadTrainAndTest } from './loadArchives.ts';

/** The JSON object the command prints (numbers as measured; NaN std becomes null). */
export function experimentJson(results: readonly RunResult[], summary: readonly SummaryRow[]) {
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    runs: results.map((r) => ({
      method: r.method,
      labelling: r.labelling,
      seed: r.seed,
      testAccuracy: r.testAccuracy,
      maxCosine: r.maxCosine,
      timeMs: Math.round(r.timeMs),
    })),
    summary: summary.map((s) => ({
      method: s.method,
      labelling: s.labelling,
      n: s.n,
      runs: s.runs,
      meanAccuracy: s.meanAccuracy,
      stdAccuracy: finite(s.stdAccuracy),
      meanMaxCosine: s.meanMaxCosine,
    })),
  };
}

/** A readable table of the summary. */
export function summaryTable(summary: readonly SummaryRow[]): string {
  const pct = (x: number) => (Number.isFinite(x) ? (100 * x).toFixed(2) : '-');
  const lines = ['method      labelling        n  runs  accuracy %  (std)   max cosine'];
  for (const s of summary) {
    lines.push(
      `${s.method.padEnd(12)}${s.labelling.padEnd(16)}${String(s.n).padStart(3)}${String(s.runs).padStart(6)}` +
        `${pct(s.meanAccuracy).padStart(12)}${`(${pct(s.stdAccuracy)})`.padStart(9)}${s.meanMaxCosine.toFixed(4).padStart(13)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Bad arguments, unreadable files and impossible selections are the caller's to fix: exit 2. */
export async function runExperimentCommand(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    return await experiment(argv, io);
  } catch (e) {
    if (e instanceof ExperimentSpecError || e instanceof DataError || e instanceof SelectionError) {
      throw new UsageError(e.message);
    }
    throw e;
  }
}

async function experiment(argv: readonly string[], io: CliIO): Promise<number> {
  const command: ExperimentCommand = parseExperimentArgs(argv);
  const plan = planRuns(command.spec);
  const log = (line: string) => io.stderr.write(`${line}\n`);
  const dataset = await loadTrainAndTest(command.train, command.test);
  const subset = makeSubset(dataset, {
    classes: parseClassSpec(command.classes),
    trainPerClass: command.trainPerClass,
    testPerClass: command.testPerClass,
    seed: 0,
  });
  const K = subset.classNames.length;
  log(
    `experiment: ${K} classes, ${subset.train.count} training and ${subset.test.count} test images, N = ${K}, n = ${command.spec.n}, ${plan.length} runs`,
  );
  const tf = await loadNodeTf();
  // tfjs's WebAssembly backend trains both modes several times faster than its JavaScript one.
  await switchCpuToWasm(tf);
  const started = performance.now();
  let lastLine = 0;
  let features: FastFeatures | null = null;
  if (command.featuresCache !== null && command.spec.config.mode === 'fast') {
    const key: FeatureKey = {
      source: `${command.train}|${command.test ?? ''}`,
      classes: command.classes,
      trainCount: subset.train.count,
      testCount: subset.test.count,
      seed: FEATURE_SEED,
    };
    features = readFeatureCache(command.featuresCache, key);
    if (features !== null) log(`features: read from ${command.featuresCache}`);
    else {
      features = await computeFeatures(tf, subset.train, subset.test, FEATURE_SEED, (p) => {
        const now = performance.now();
        if (now - lastLine < 5000) return;
        lastLine = now;
        log(`features: ${p.done} of ${p.total} images`);
      });
      if (features !== null) writeFeatureCache(command.featuresCache, key, features);
    }
  }
  const results = await runExperiment(
    tf,
    {
      train: subset.train,
      test: subset.test,
      classNames: subset.classNames,
      coarseOfClass: coarseOfClasses(subset.train.labels, subset.train.coarseLabels, K),
    },
    command.spec.n,
    plan,
    command.spec.labelling,
    {
      onProgress(p) {
        const now = performance.now();
        if (now - lastLine < 5000) return;
        lastLine = now;
        if (p.stage === 'features') log(`features: ${p.done} of ${p.total} images`);
        else log(`run ${p.index + 1}/${p.count} ${p.key}: ${Math.round(100 * p.fraction)}%`);
      },
      onResult(r) {
        log(
          `done ${r.key}: test accuracy ${(100 * r.testAccuracy).toFixed(2)}%, max cosine ${r.maxCosine.toFixed(4)}, ${(r.timeMs / 1000).toFixed(1)} s`,
        );
        if (r.leak) log(`${r.key}: ${r.leak}`);
      },
    },
    features,
  );
  log(
    `experiment: ${results.length} runs in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const summary = summarise(results);
  if (command.json) io.stdout.write(`${JSON.stringify(experimentJson(results, summary))}\n`);
  else io.stdout.write(summaryTable(summary));
  return 0;
}
