/**
 * `hypersphere-lab train`: one training run on a CIFAR subset with prototypes from any method,
 * on TensorFlow.js's WebAssembly backend (its cpu backend where that cannot start). Progress on
 * stderr; the result on stdout (with --json, one JSON line, the last line of stdout). tfjs is
 * imported only here, on demand.
 */

import { performance } from 'node:perf_hooks';
import type * as TF from '@tensorflow/tfjs-core';
import { createCodebook } from '../core/math/codebook.ts';
import { runMethod } from '../core/methods/registry.ts';
import { separationMetrics } from '../core/metrics/separation.ts';
import { SelectionError } from '../data/classSpec.ts';
import { DataError } from '../data/errors.ts';
import { type CifarSubset, makeSubset } from '../data/subset.ts';
import type { TrainCheckpoint } from '../train/checkpoint.ts';
import { trainEpochs } from '../train/drive.ts';
import { coarseOfClasses } from '../train/experiment/runner.ts';
import { loadNodeTf } from '../train/node/nodeTf.ts';
import { createTrainer } from '../train/trainer.ts';
import type { EpochReport } from '../train/types.ts';
import { switchCpuToWasm } from '../train/wasmOnCpu.ts';
import { UsageError } from './args.ts';
import type { CliIO } from './cli.ts';
import { loadTrainAndTest } from './loadArchives.ts';
import { parseTrainArgs, type TrainCommand } from './trainArgs.ts';

/** The JSON line: the fields the issue names first, then what else a script may want. */
export interface TrainResult {
  readonly testAccuracy: number;
  readonly perClassAccuracy: readonly number[];
  readonly maxCosine: number;
  readonly epochs: number;
  readonly timeMs: number;
  readonly backend: string;
  readonly trainAccuracy: number;
  readonly method: string;
  readonly n: number;
  readonly mode: string;
  readonly classes: readonly string[];
  readonly labelling: string;
  readonly assignment: readonly number[];
  readonly featureMs: number | null;
}

/**
 * argv after the word `train`. Bad data and bad choices become UsageError (exit 2); a diverged
 * run stays a TrainingError (exit 3, see exitCodeFor in cli.ts).
 */
export async function runTrainCommand(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    return await train(parseTrainArgs(argv), io);
  } catch (e) {
    if (e instanceof DataError || e instanceof SelectionError) throw new UsageError(e.message);
    throw e;
  }
}

/** The subset `train` trains on (the first K classes, drawn with the run's seed). */
export async function loadTrainSubset(command: TrainCommand): Promise<CifarSubset> {
  const dataset = await loadTrainAndTest(command.train, command.test);
  const subset = makeSubset(dataset, {
    classes: command.classes === null ? { kind: 'all' } : { kind: 'first', count: command.classes },
    trainPerClass: command.perClass ?? 'all',
    testPerClass: 'all',
    // The data's, not the run's: every seed trains on the same images, as in an experiment.
    seed: 0,
  });
  if (subset.test.count === 0) {
    throw new UsageError(
      `${command.test ?? command.train} has no test images: give a test set with --test (e.g. test_batch.bin)`,
    );
  }
  return subset;
}

export interface TrainOutcome {
  readonly last: EpochReport;
  /** The trained weights and optimiser state. */
  readonly final: TrainCheckpoint;
  readonly maxCosine: number;
  readonly featureMs: number | null;
}

/** Makes the prototypes and trains on `subset` with whatever backend `tf` has active. */
export async function trainOnSubset(
  tf: typeof TF,
  command: TrainCommand,
  subset: CifarSubset,
  log: (line: string) => void,
): Promise<TrainOutcome> {
  const K = subset.classNames.length;
  // Checks N and n and whether the method can run there (InfeasibleError: exit 3).
  const made = runMethod({ method: command.method, N: K, n: command.n, seed: command.config.seed });
  const maxCosine = separationMetrics({
    codebook: createCodebook(K, command.n, made.codebook.data),
  }).maxCosine;
  log(
    `train: ${command.config.mode} mode, ${K} classes, ${subset.train.count} training and ${subset.test.count} test images, ` +
      `${command.method} prototypes in R^${command.n} (max cosine ${maxCosine.toFixed(4)}), ${command.labelling} labelling`,
  );
  const trainer = createTrainer(tf, {
    train: subset.train,
    test: subset.test,
    classCount: K,
    prototypes: { N: K, n: command.n, data: made.codebook.data },
    config: { ...command.config, labelling: command.labelling },
    coarseOfClass: coarseOfClasses(subset.train.labels, subset.train.coarseLabels, K),
  });
  let featureMs: number | null = null;
  let lastLine = 0;
  let assignment: Int32Array | null = null;
  try {
    const before = performance.now();
    const last = await trainEpochs(trainer, {
      onPrepare(p) {
        const now = performance.now();
        if (now - lastLine > 2000 || p.done === p.total) {
          lastLine = now;
          log(`features: ${p.done} of ${p.total} images`);
        }
      },
      onBatch(r) {
        // The first batch comes right after the features are ready.
        if (featureMs === null && command.config.mode === 'fast') {
          featureMs = performance.now() - before;
        }
        const now = performance.now();
        if (now - lastLine > 2000) {
          lastLine = now;
          log(
            `epoch ${r.epoch + 1}/${command.config.epochs}, batch ${r.batch + 1}/${r.batchesPerEpoch}: loss ${r.loss.toFixed(4)}, ${r.imagesPerSecond.toFixed(0)} images/s`,
          );
        }
      },
      onEpoch(r) {
        if (r.assignment && !sameAssignment(r.assignment, assignment)) {
          log(
            `${command.labelling}: classes -> prototypes [${Array.from(r.assignment).join(', ')}]`,
          );
        }
        assignment = r.assignment;
        log(
          `epoch ${r.epoch}: loss ${r.loss.toFixed(4)}, train accuracy ${pct(r.trainAccuracy)}, test accuracy ${pct(r.testAccuracy)}`,
        );
      },
    });
    if (last === null) throw new Error('training stopped before it finished');
    return { last, final: await trainer.checkpoint(), maxCosine, featureMs };
  } finally {
    trainer.dispose();
  }
}

async function train(command: TrainCommand, io: CliIO): Promise<number> {
  const started = performance.now();
  const log = (line: string) => io.stderr.write(`${line}\n`);
  const subset = await loadTrainSubset(command);
  const tf = await loadNodeTf();
  // tfjs's WebAssembly backend trains both modes several times faster than its JavaScript one.
  await switchCpuToWasm(tf);
  const { last, maxCosine, featureMs } = await trainOnSubset(tf, command, subset, log);
  const K = subset.classNames.length;
  const result: TrainResult = {
    testAccuracy: last.testAccuracy,
    perClassAccuracy: last.perClassAccuracy,
    maxCosine,
    epochs: last.epoch,
    timeMs: Math.round(performance.now() - started),
    backend: tf.getBackend(),
    trainAccuracy: last.trainAccuracy,
    method: command.method,
    n: command.n,
    mode: command.config.mode,
    classes: subset.classNames,
    labelling: command.labelling,
    assignment: Array.from(last.assignment ?? []),
    featureMs: featureMs === null ? null : Math.round(featureMs),
  };
  if (command.json) {
    io.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    io.stdout.write(
      `test accuracy ${pct(result.testAccuracy)} (${K} classes, ${result.epochs} epochs, ${(result.timeMs / 1000).toFixed(1)} s, ${result.backend})\n` +
        subset.classNames
          .map((name, k) => `  ${name.padEnd(16)} ${pct(result.perClassAccuracy[k])}\n`)
          .join(''),
    );
  }
  return 0;
}

function sameAssignment(a: Int32Array, b: Int32Array | null): boolean {
  return b !== null && a.length === b.length && a.every((p, k) => p === b[k]);
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}
