import { describe, expect, it } from 'vitest';
import { inProcessOptimiserJobs } from '../jobs/optimiserClient.ts';
import { createDataStore } from '../state/dataStore.ts';
import { createLabStore } from '../state/labStore.ts';
import { cifar10Archive, nodeLoader } from '../state/testing/nodeData.ts';
import { createTrainStores } from '../state/trainStore.ts';
import { applyHash, stateHash } from '../state/urlSync.ts';
import { applyCommand, type EmbedCommand, isLabMessage, parseCommand } from './commands.ts';

async function store(hash = 'method=kasarla&N=4&n=3') {
  const s = createLabStore(inProcessOptimiserJobs());
  applyHash(s, hash);
  await Promise.resolve();
  return s;
}

function command(data: { type: string }): EmbedCommand {
  const c = parseCommand(data);
  if ('error' in c) throw new Error(c.error);
  return c;
}

describe('embed commands', () => {
  it('sets settings and method parameters, and answers with the new hash', async () => {
    const s = await store();
    const out = applyCommand(
      s,
      command({
        type: 'hypersphere-lab:set',
        settings: { method: 'orthoplex', N: 6, 'show.grid': false },
      } as never),
    );
    expect(out).toEqual({ ok: true, hash: 'method=orthoplex&N=6&n=3&seed=0&view=s2&show.grid=0' });
    expect(s.getState().current?.metrics.maxCosine).toBe(0);
    applyCommand(
      s,
      command({
        type: 'hypersphere-lab:set',
        settings: { method: 'lse', 'opt.lr': 0.05 },
      } as never),
    );
    expect(s.getState().request.params).toEqual({ lr: 0.05 });
  });

  it('changes only the settings it names: training settings and the subset stay', async () => {
    const s = await store();
    const { store: train } = createTrainStores(() => {
      throw new Error('no training in this test');
    });
    const data = createDataStore(nodeLoader);
    await data.getState().loadFiles([cifar10Archive], []);
    const stores = { train, data };
    const set = (settings: Record<string, string | number>) =>
      applyCommand(s, command({ type: 'hypersphere-lab:set', settings } as never), stores);
    expect(set({ 'train.epochs': 7, 'data.classes': 'cat,dog', 'data.train': 4 })).toMatchObject({
      ok: true,
    });
    expect(data.getState().subset?.classNames).toEqual(['cat', 'dog']);
    expect(data.getState().subset?.train.count).toBe(8);
    const out = set({ N: 5 });
    expect(out).toEqual({
      ok: true,
      hash: 'method=kasarla&N=5&n=3&seed=0&view=s2&data.classes=cat,dog&data.train=4&train.epochs=7',
    });
    expect(train.getState().settings.epochs).toBe(7);
    expect(data.getState().subset?.train.count).toBe(8);
    expect(set({ 'data.train': 'many' })).toMatchObject({ ok: false });
    expect(data.getState().subset?.train.count).toBe(8);
  });

  it('refuses a command with any unusable value and changes nothing', async () => {
    const s = await store();
    const before = stateHash(s.getState());
    const out = applyCommand(
      s,
      command({ type: 'hypersphere-lab:set', settings: { N: 5, n: 99999 } } as never),
    );
    expect(out.ok).toBe(false);
    expect(!out.ok && out.error).toMatch(/n: 99999 is above the maximum/);
    expect(stateHash(s.getState())).toBe(before);
    const bad = applyCommand(s, command({ type: 'hypersphere-lab:set', hash: 'N=abc' } as never));
    expect(!bad.ok && bad.error).toMatch(/N: "abc" is not a number/);
    expect(stateHash(s.getState())).toBe(before);
    expect(
      applyCommand(s, command({ type: 'hypersphere-lab:set', settings: { 'opt.lr': 1 } } as never)),
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/opt.lr: not a setting .* kasarla/),
    });
  });

  it('checks the shape of messages', () => {
    expect(isLabMessage({ type: 'hypersphere-lab:run' })).toBe(true);
    expect(isLabMessage({ type: 'other' })).toBe(false);
    expect(isLabMessage('hypersphere-lab:run')).toBe(false);
    expect(parseCommand({ type: 'hypersphere-lab:jump' })).toEqual({
      error: expect.stringMatching(/unknown command "hypersphere-lab:jump"/),
    });
    expect(parseCommand({ type: 'hypersphere-lab:set' })).toEqual({
      error: expect.stringMatching(/exactly one of "settings" and "hash"/),
    });
    expect(parseCommand({ type: 'hypersphere-lab:set', settings: { N: [1] } } as never)).toEqual({
      error: expect.stringMatching(/value of "N" must be/),
    });
  });

  it('runs and pauses; get only answers', async () => {
    const s = await store();
    const hash = stateHash(s.getState());
    expect(applyCommand(s, { type: 'hypersphere-lab:get' })).toEqual({ ok: true, hash });
    expect(applyCommand(s, { type: 'hypersphere-lab:pause' })).toEqual({ ok: true, hash });
    expect(applyCommand(s, { type: 'hypersphere-lab:run' })).toEqual({ ok: true, hash });
    expect(s.getState().current?.method).toBe('kasarla');
  });
});
