/**
 * `hypersphere-lab train`: one training run on a CIFAR subset with prototypes from any method,
 * on TensorFlow.js's WebAssembly backend (its cpu backend where that cannot start). Progress on
 * stderr; the result on stdout (with --json, one JSON line, the last line of stdout). tfjs is
 * imported only here, on demand.
 */

import { performance } from 'node:perf_hooks';
import { createCodebook } from '../core/math/codebook.ts';
import { runMethod } from '../core/methods/registry.ts';
import { separationMetrics } from '../core/metrics/separation.ts';
import { SelectionError } from '../data/classSpec.ts';
import { DataError } from '../data/errors.ts';
import { makeSubset } from '../data/subset.ts';
import { initialAssignment, trainWithLabelling } from '../train/labelling.ts';
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

async function train(command: TrainCommand, io: CliIO): Promise<number> {
  const started = performance.now();
  const log = (line: string) => io.stderr.write(`${line}\n`);
  const dataset = await loadTrainAndTest(command.train, command.test);
  const subset = makeSubset(dataset, {
    classes: command.classes === null ? { kind: 'all' } : { kind: 'first', count: command.classes },
    trainPerClass: command.perClass ?? 'all',
    testPerClass: 'all',
    seed: command.config.seed,
  });
  const K = subset.classNames.length;
  if (subset.test.count === 0) {
    throw new UsageError(
      `${command.test ?? command.train} has no test images: give a test set with --test (e.g. test_batch.bin)`,
    );
  }
  // Checks N and n and whether the method can run there (InfeasibleError: exit 3).
  const made = runMethod({ method: command.method, N: K, n: command.n, seed: command.config.seed });
  const prototypes = { N: K, n: command.n, data: made.codebook.data };
  const maxCosine = separationMetrics({
    codebook: createCodebook(K, command.n, made.codebook.data),
  }).maxCosine;
  log(
    `train: ${command.config.mode} mode, ${K} classes, ${subset.train.count} training and ${subset.test.count} test images, ` +
      `${command.method} prototypes in R^${command.n} (max cosine ${maxCosine.toFixed(4)}), ${command.labelling} labelling`,
  );
  const tf = await loadNodeTf();
  // tfjs's WebAssembly backend trains both modes several times faster than its JavaScript one.
  await switchCpuToWasm(tf);
  const input = {
    train: subset.train,
    test: subset.test,
    classCount: K,
    prototypes,
    assignment: initialAssignment(command.labelling, K, K, command.config.seed),
    config: command.config,
  };
  const trainer = createTrainer(tf, input);
  let featureMs: number | null = null;
  let last: EpochReport;
  let lastLine = 0;
  try {
    const before = performance.now();
    last = await trainWithLabelling(trainer, input, command.labelling, {
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
      onRelabel(assignment, score) {
        log(
          `hungarian: classes -> prototypes [${Array.from(assignment).join(', ')}] (sum of cosines ${score.toFixed(3)})`,
        );
      },
      onEpoch(r) {
        log(
          `epoch ${r.epoch}: loss ${r.loss.toFixed(4)}, train accuracy ${pct(r.trainAccuracy)}, test accuracy ${pct(r.testAccuracy)}`,
        );
      },
    });
  } finally {
    trainer.dispose();
  }
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
    assignment: Array.from(trainer.assignment),
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

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}
