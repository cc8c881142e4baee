import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type * as TF from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCifar10Tar } from '../data/testing/tarBuilder.ts';
import type { TrainCheckpoint } from '../train/checkpoint.ts';
import { planRuns } from '../train/experiment/plan.ts';
import { runExperiment } from '../train/experiment/runner.ts';
import { DEFAULT_LABELLING_OPTIONS } from '../train/labellings/options.ts';
import { loadNodeTf } from '../train/node/nodeTf.ts';
import { loadTrainSubset, trainOnSubset } from './train.ts';
import { parseTrainArgs } from './trainArgs.ts';

/**
 * `hypersphere-lab train` and an identity run of an experiment are the same training run: with
 * the same data, method, seed, epochs and mode they end at the same bits, on the cpu backend.
 */
let dir: string;
let archive: string;
let tf: typeof TF;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'same-engine-'));
  archive = join(dir, 'cifar-10-binary.tar.gz');
  writeFileSync(archive, gzipSync(makeCifar10Tar(2, 3)));
  tf = await loadNodeTf();
}, 120_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const bits = (c: TrainCheckpoint) =>
  c.weights.map((w) => Array.from(new Uint32Array(w.values.buffer.slice(0))));

describe('one training engine', { timeout: 300_000 }, () => {
  it.each(['fast', 'cnn'] as const)(
    '%s mode: train and an identity experiment run give the same accuracy and weights, bit for bit',
    async (mode) => {
      const command = parseTrainArgs(
        `--train ${archive} --method kasarla -n 3 --classes 3 --epochs 2 --seed 2 --batch 4 --mode ${mode}`.split(
          ' ',
        ),
      );
      const subset = await loadTrainSubset(command);
      const cli = await trainOnSubset(tf, command, subset, () => {});

      let final: TrainCheckpoint | null = null;
      const spec = {
        title: 'same engine',
        n: 3,
        methods: ['kasarla'],
        labellings: ['identity' as const],
        seeds: 3,
        config: command.config,
        labelling: DEFAULT_LABELLING_OPTIONS,
      };
      const seed2 = planRuns(spec).filter((r) => r.seed === 2);
      const data = {
        train: subset.train,
        test: subset.test,
        classNames: subset.classNames,
        coarseOfClass: null,
      };
      const [result] = await runExperiment(tf, data, 3, seed2, DEFAULT_LABELLING_OPTIONS, {
        onCheckpoint: (_key, c, last) => {
          if (last) final = c;
        },
      });
      expect(result.testAccuracy).toBe(cli.last.testAccuracy);
      expect(result.trainAccuracy).toBe(cli.last.trainAccuracy);
      expect(result.epochs).toBe(2);
      expect(final).not.toBeNull();
      expect(bits(final as unknown as TrainCheckpoint)).toEqual(bits(cli.final));
      expect((final as unknown as TrainCheckpoint).iterations).toBe(cli.final.iterations);
    },
  );
});
