import type * as TF from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TrainCheckpoint } from '../train/checkpoint.ts';
import { planRuns } from '../train/experiment/plan.ts';
import { type ExperimentData, runExperiment } from '../train/experiment/runner.ts';
import type { RunResult } from '../train/experiment/types.ts';
import { DEFAULT_LABELLING_OPTIONS } from '../train/labellings/options.ts';
import { loadNodeTf } from '../train/node/nodeTf.ts';
import { tinyInput } from '../train/testing.ts';
import type { FastFeatures } from '../train/types.ts';
import { createExperimentHost } from './experimentHost.ts';
import type { FromExperimentWorker } from './experimentProtocol.ts';

let tf: typeof TF;
beforeAll(async () => {
  tf = await loadNodeTf();
}, 120_000);

const tiny = tinyInput();
const data: ExperimentData = {
  train: tiny.train,
  test: tiny.test,
  classNames: ['a', 'b', 'c'],
  coarseOfClass: null,
};
const plan = planRuns({
  title: 'lost device',
  n: 2,
  methods: ['kasarla'],
  labellings: ['identity', 'sinkhorn'],
  seeds: 1,
  config: { ...tiny.config, epochs: 3 },
  labelling: DEFAULT_LABELLING_OPTIONS,
});

/** Runs the plan through the host; `loseAt` loses the device once a run is that far along. */
async function host(loseAt: { key: string; fraction: number } | null, features?: FastFeatures) {
  const posted: FromExperimentWorker[] = [];
  let lose: ((detail: string) => void) | null = null;
  let clock = 0;
  const worker = createExperimentHost({
    tf,
    now: () => (clock += 1000),
    selectBackend: async () => 'webgpu',
    selectCpu: async () => 'cpu',
    watchDevice: (backend, onLost) => {
      lose = backend === 'webgpu' ? onLost : null;
      return () => {
        lose = null;
      };
    },
    post(message) {
      posted.push(message);
      const p = message.type === 'progress' ? message.progress : null;
      if (loseAt && p?.stage === 'run' && p.key === loseAt.key && p.fraction > loseAt.fraction) {
        lose?.('destroyed on purpose');
      }
    },
  });
  await worker.handle({
    type: 'start',
    jobId: 1,
    data,
    n: 2,
    runs: plan,
    labelling: DEFAULT_LABELLING_OPTIONS,
    ...(features ? { features } : {}),
  });
  const results = posted.flatMap((m) => (m.type === 'result' ? [m.result] : []));
  return { posted, results };
}

const close = (a: RunResult, b: RunResult) => {
  expect(a.key).toBe(b.key);
  expect(Math.abs(a.testAccuracy - b.testAccuracy)).toBeLessThan(1e-5);
  expect(Math.abs(a.trainAccuracy - b.trainAccuracy)).toBeLessThan(1e-5);
  expect(a.assignment).toEqual(b.assignment);
  expect(a.epochs).toBe(b.epochs);
};

describe('experiment host', { timeout: 300_000 }, () => {
  it('goes on after a lost device, on the CPU from the run’s last epoch, and ends as if never interrupted', async () => {
    const straight = await host(null);
    expect(straight.results.map((r) => r.key)).toEqual(plan.map((r) => r.key));
    expect(straight.posted.at(-1)).toMatchObject({ type: 'done' });

    // Lost during the second epoch of the learned labelling's run (its checkpoint is epoch 1).
    const cut = await host({ key: 'kasarla|sinkhorn|0', fraction: 0.4 });
    expect(cut.posted.at(-1)).toMatchObject({ type: 'done' });
    const status = cut.posted.find((m) => m.type === 'status');
    expect(status).toMatchObject({
      text: 'The WebGPU device was lost (destroyed on purpose), so the runs go on on the CPU, from epoch 1 of run kasarla|sinkhorn|0.',
    });
    expect(
      cut.posted
        .filter((m) => m.type === 'backend')
        .map((m) => (m.type === 'backend' ? m.name : '')),
    ).toEqual(['webgpu', 'cpu']);
    expect(cut.results).toHaveLength(2);
    for (const [i, r] of cut.results.entries()) close(r, straight.results[i]);
    expect(cut.results.map((r) => r.leak ?? null)).toEqual([null, null]);
  });

  it('reuses features handed to it: no feature pass, and the same results', async () => {
    const first = await host(null);
    const sent = first.posted.flatMap((m) => (m.type === 'features' ? [m.features] : []));
    expect(sent).toHaveLength(1);
    const again = await host(null, sent[0]);
    const featureWork = again.posted.filter(
      (m) => m.type === 'features' || (m.type === 'progress' && m.progress.stage === 'features'),
    );
    expect(featureWork).toEqual([]);
    expect(again.results).toHaveLength(first.results.length);
    for (const [i, r] of again.results.entries()) close(r, first.results[i]);
  });

  it('a run restored from its checkpoint ends with the uninterrupted weights (within 1e-5)', async () => {
    const saved = new Map<string, TrainCheckpoint>();
    const finals = new Map<string, TrainCheckpoint>();
    await runExperiment(tf, data, 2, plan, DEFAULT_LABELLING_OPTIONS, {
      onCheckpoint: (key, c, final) => {
        if (final) finals.set(key, c);
        else if (c.epoch === 1) saved.set(key, c);
      },
    });
    for (const run of plan) {
      let resumed: TrainCheckpoint | null = null;
      await runExperiment(
        tf,
        data,
        2,
        [run],
        DEFAULT_LABELLING_OPTIONS,
        {
          onCheckpoint: (_key, c, final) => {
            if (final) resumed = c;
          },
        },
        null,
        saved.get(run.key),
      );
      const a = (resumed as TrainCheckpoint | null)?.weights ?? [];
      const b = finals.get(run.key)?.weights ?? [];
      expect(a.length).toBe(b.length);
      expect(a.length).toBeGreaterThan(0);
      a.forEach((w, i) => {
        w.values.forEach((x, j) => {
          expect(Math.abs(x - b[i].values[j])).toBeLessThan(1e-5);
        });
      });
    }
  });
});
