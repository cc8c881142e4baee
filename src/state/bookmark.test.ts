import { describe, expect, it } from 'vitest';
import { inProcessOptimiserJobs } from '../jobs/optimiserClient.ts';
import {
  BOOKMARK_KIND,
  BOOKMARK_VERSION,
  bookmarkText,
  makeBookmark,
  migrateBookmark,
  readBookmark,
} from './bookmark.ts';
import { createDataStore } from './dataStore.ts';
import { dataValues } from './dataUrl.ts';
import { createLabStore } from './labStore.ts';
import { nodeLoader } from './testing/nodeData.ts';
import { createTrainStores, DEFAULT_TRAIN_SETTINGS } from './trainStore.ts';
import { applyHash, currentValues, stateHash } from './urlSync.ts';

/** A train store of its own (its jobs are never started here). */
const { store: train } = createTrainStores();

/** A store showing the state of `hash`, its prototypes made in-process. */
async function storeAt(hash: string) {
  const store = createLabStore(inProcessOptimiserJobs());
  applyHash(store, hash);
  await Promise.resolve();
  return store;
}

function read(text: string) {
  const r = readBookmark(text);
  if (!r.ok) throw new Error(`expected a valid bookmark: ${r.error}`);
  return r;
}

function refusal(value: unknown): string {
  const r = readBookmark(typeof value === 'string' ? value : JSON.stringify(value));
  if (r.ok) throw new Error('expected the bookmark to be refused');
  return r.error;
}

describe('bookmark codec', () => {
  it('round-trips a state: settings, method parameters, view and the prototypes on screen', async () => {
    const hash = 'method=mettes&N=7&n=4&seed=3&view=s3&show.grid=0&s3.proj=ortho&opt.steps=40';
    const store = await storeAt(hash);
    const bookmark = makeBookmark(store.getState(), new Date(Date.UTC(2025, 0, 2)));
    expect(bookmark).toMatchObject({ kind: BOOKMARK_KIND, version: BOOKMARK_VERSION });
    expect(bookmark.savedAt).toBe('2025-01-02T00:00:00.000Z');
    expect(bookmark.settings).toMatchObject({ method: 'mettes', N: 7, n: 4, 'opt.steps': 40 });
    expect(bookmark.prototypes?.data).toHaveLength(28);

    const back = read(bookmarkText(bookmark));
    expect(back.hash).toBe(stateHash(store.getState()));
    expect(back.bookmark).toEqual(bookmark);
    // A fresh store loaded from it shows the same state and bit-identical prototypes.
    const fresh = await storeAt(back.hash);
    expect(stateHash(fresh.getState())).toBe(stateHash(store.getState()));
    expect(Array.from(fresh.getState().current?.codebook.data ?? [])).toEqual(
      bookmark.prototypes?.data,
    );
  });

  it('keeps the chosen data subset, and a loaded bookmark chooses it again', async () => {
    const store = await storeAt('method=kasarla&N=4&n=3');
    const data = createDataStore(nodeLoader);
    data.getState().setSubsetFields({ classes: 'cat,dog', trainPerClass: '4' });
    const bookmark = makeBookmark(store.getState(), undefined, dataValues(data.getState()));
    expect(bookmark.settings).toMatchObject({ 'data.classes': 'cat,dog', 'data.train': '4' });
    const back = read(bookmarkText(bookmark));
    expect(back.hash).toBe(
      'method=kasarla&N=4&n=3&seed=0&view=s2&data.classes=cat,dog&data.train=4',
    );
    const other = createDataStore(nodeLoader);
    applyHash(store, back.hash, train, other);
    expect(other.getState().fields).toMatchObject({ classes: 'cat,dog', trainPerClass: '4' });
  });

  it('keeps the training settings, and a loaded bookmark sets them again', async () => {
    const store = await storeAt('method=kasarla&N=4&n=3');
    train.getState().setSettings({ epochs: 7, learningRate: 0.01 });
    try {
      const values = currentValues(store.getState(), train.getState().settings);
      const bookmark = makeBookmark(store.getState(), undefined, values);
      expect(bookmark.settings).toMatchObject({ 'train.epochs': 7, 'train.lr': 0.01 });
      const back = read(bookmarkText(bookmark));
      expect(back.hash).toMatch(/&train\.epochs=7&train\.lr=0\.01/);
      train.getState().setSettings(DEFAULT_TRAIN_SETTINGS);
      applyHash(store, back.hash, train);
      expect(train.getState().settings).toMatchObject({ epochs: 7, learningRate: 0.01 });
    } finally {
      train.getState().setSettings(DEFAULT_TRAIN_SETTINGS);
    }
  });

  it('migrates a version-0 bookmark (a hash, or settings, and no version)', () => {
    const fromHash = read(JSON.stringify({ hash: '#method=kasarla&N=4&n=3' }));
    expect(fromHash.hash).toBe('method=kasarla&N=4&n=3&seed=0&view=s2');
    expect(fromHash.bookmark.version).toBe(BOOKMARK_VERSION);
    const fromSettings = read(JSON.stringify({ settings: { method: 'orthoplex', N: '6' } }));
    expect(fromSettings.hash).toBe('method=orthoplex&N=6&n=3&seed=0&view=s2');
    expect(migrateBookmark({ version: 0, hash: 'N=5' })).toMatchObject({
      kind: BOOKMARK_KIND,
      version: BOOKMARK_VERSION,
      settings: { N: '5' },
    });
  });

  it('refuses bad bookmarks with a message that says what is wrong', () => {
    expect(refusal('{not json')).toMatch(/not a bookmark: it is not JSON/);
    expect(refusal([1, 2])).toMatch(/no JSON object/);
    expect(refusal({ kind: 'something-else', version: 1, settings: {} })).toMatch(
      /not a Hypersphere Lab bookmark/,
    );
    expect(refusal({ kind: BOOKMARK_KIND, version: 7, settings: {} })).toMatch(
      /newer Hypersphere Lab \(bookmark version 7/,
    );
    expect(refusal({ kind: BOOKMARK_KIND, version: 1.5, settings: {} })).toMatch(
      /not a whole number/,
    );
    expect(refusal({ title: 'x' })).toMatch(/neither settings nor a hash/);
    // Unlike a link, a bookmark is not silently repaired.
    expect(refusal({ settings: { N: 'abc' } })).toMatch(/N: "abc" is not a number/);
    expect(refusal({ settings: { n: 99999 } })).toMatch(/n: 99999 is above the maximum/);
    expect(refusal({ settings: { method: 'nope' } })).toMatch(/method: "nope" is not one of/);
    expect(refusal({ settings: { method: 'kasarla', 'opt.lr': 0.1 } })).toMatch(
      /"opt.lr" is not a setting of the lab or of the method kasarla/,
    );
    expect(refusal({ settings: { N: { x: 1 } } })).toMatch(/N: .* is not a value/);
    expect(
      refusal({ settings: { N: 2 }, prototypes: { method: 'x', N: 2, n: 2, data: [1, 0, 0] } }),
    ).toMatch(/"data" must list N x n = 4 numbers/);
    expect(refusal({ settings: {}, prototypes: { method: 'x', N: 1, n: 1, data: ['1'] } })).toMatch(
      /not a finite number/,
    );
    for (const bad of ['{not json', '{"settings": {"N": "abc"}}']) {
      expect(refusal(bad)).toMatch(/\.$/);
    }
  });
});
