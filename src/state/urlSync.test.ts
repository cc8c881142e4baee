import { describe, expect, it, vi } from 'vitest';
import { inProcessOptimiserJobs } from '../jobs/optimiserClient.ts';
import { createDataStore } from './dataStore.ts';
import { createLabStore } from './labStore.ts';
import { cifar10Archive, nodeLoader } from './testing/nodeData.ts';
import { createTrainStores } from './trainStore.ts';
import { applyHash, startUrlSync, stateHash, WRITE_DELAY_MS } from './urlSync.ts';

/** A train store of its own (its jobs are never started here). */
const { store: train } = createTrainStores();

/** Just enough of a window for the binding: location.hash, replaceState, hashchange. */
function fakeWindow(hash: string) {
  const listeners: (() => void)[] = [];
  const writes: string[] = [];
  const location = { pathname: '/', search: '', hash };
  const win = {
    location,
    history: {
      state: null,
      replaceState(_s: unknown, _t: string, url: string) {
        writes.push(url);
        location.hash = url.slice(url.indexOf('#'));
      },
    },
    addEventListener: (_type: string, f: () => void) => listeners.push(f),
    removeEventListener() {},
  };
  const typeHash = (h: string) => {
    location.hash = h;
    for (const f of listeners) f();
  };
  return { win: win as unknown as Window, writes, location, typeHash };
}

describe('URL sync', () => {
  it('starts from the hash, writes back the cleaned link, and reports the bad values', async () => {
    const store = createLabStore(inProcessOptimiserJobs());
    const { win, writes } = fakeWindow('#N=abc&n=-4&method=nope&view=proj');
    startUrlSync(store, win);
    await Promise.resolve();
    const s = store.getState();
    expect(s.request).toEqual({ method: 'best', N: 12, n: 2, seed: 0, params: { steps: 2000 } });
    expect(s.view).toBe('proj');
    expect(s.current).toMatchObject({ method: 'best', N: 12, n: 2 });
    expect(s.notices).toHaveLength(3);
    expect(writes).toEqual(['/#method=best&N=12&n=2&seed=0&view=proj&opt.steps=2000']);
  });

  it('rewrites the hash (gathered, replaceState only) when the request or view changes', async () => {
    vi.useFakeTimers();
    try {
      const store = createLabStore(inProcessOptimiserJobs());
      const { win, writes, location } = fakeWindow('#method=kasarla&N=4&n=3');
      startUrlSync(store, win);
      expect(store.getState().current?.metrics.maxCosine).toBeCloseTo(-1 / 3, 12);
      store.getState().setRequest({ method: 'orthoplex', N: 6 });
      store.getState().setView('s3');
      store.getState().setSpeed(20);
      expect(writes).toHaveLength(1);
      vi.advanceTimersByTime(WRITE_DELAY_MS + 1);
      expect(writes).toHaveLength(2);
      expect(location.hash).toBe('#method=orthoplex&N=6&n=3&seed=0&view=s3&speed=20');
      store.getState().setRequest({ method: 'lse', params: { steps: 10 } });
      vi.advanceTimersByTime(WRITE_DELAY_MS + 1);
      expect(location.hash).toBe('#method=lse&N=6&n=3&seed=0&view=s3&speed=20&opt.steps=10');
    } finally {
      vi.useRealTimers();
    }
  });

  it('follows a hash edited by hand, remaking the prototypes only when the request changed', () => {
    const store = createLabStore(inProcessOptimiserJobs());
    const { win, typeHash } = fakeWindow('#method=kasarla&N=4&n=3');
    startUrlSync(store, win);
    const first = store.getState().current;
    typeHash('#method=kasarla&N=4&n=3&view=proj');
    expect(store.getState().view).toBe('proj');
    expect(store.getState().current).toBe(first);
    typeHash('#method=orthoplex&N=6&n=3&N=6');
    expect(store.getState().current?.metrics.maxCosine).toBe(0);
    expect(store.getState().view).toBe('s2');
  });
});

describe('lists in the hash: the 4D rotation and the coordinate triple', () => {
  it('writes a rotation and a triple, and a link restores them', async () => {
    const first = createLabStore(inProcessOptimiserJobs());
    first.getState().rotate4('xw', 0.7);
    first.getState().setProjection({ axes: 'coords', triple: [2, 0, 1] });
    const hash = stateHash(first.getState());
    expect(hash).toMatch(/s3\.rot=/);
    expect(hash).toMatch(/proj\.coords=2,0,1/);
    const second = createLabStore(inProcessOptimiserJobs());
    applyHash(second, `#${hash}`);
    expect(second.getState().projTriple).toEqual([2, 0, 1]);
    const a = first.getState().rotation4;
    const b = second.getState().rotation4;
    for (let i = 0; i < 16; i++) expect(b[i]).toBeCloseTo(a[i], 14);
  });

  it('snaps a rounded rotation back to a rotation and rejects malformed lists with a notice', () => {
    const store = createLabStore(inProcessOptimiserJobs());
    // A rotation by 0.5 rad in the xw plane, written with 3 decimals.
    const c = Math.cos(0.5).toFixed(3);
    const sn = Math.sin(0.5).toFixed(3);
    const rounded = [c, 0, 0, `-${sn}`, 0, 1, 0, 0, 0, 0, 1, 0, sn, 0, 0, c].join(',');
    applyHash(store, `#method=kasarla&N=4&n=4&s3.rot=${rounded}`);
    const m = store.getState().rotation4;
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) {
        let dot = 0;
        for (let k = 0; k < 4; k++) dot += m[i * 4 + k] * m[j * 4 + k];
        expect(dot).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
    applyHash(store, '#method=kasarla&N=4&n=4&s3.rot=1,2,3&proj.coords=a,b,c');
    expect(store.getState().rotation4).toEqual(
      Array.from({ length: 16 }, (_, i) => (i % 5 === 0 ? 1 : 0)),
    );
    expect(store.getState().projTriple).toEqual([0, 1, 2]);
    expect(store.getState().notices.join(' ')).toMatch(
      /s3\.rot: .* not 16 comma-separated numbers/,
    );
  });
});

describe('the data subset in the link', () => {
  const labAndData = () => ({
    lab: createLabStore(inProcessOptimiserJobs()),
    data: createDataStore(nodeLoader),
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, WRITE_DELAY_MS + 30));

  it('writes the chosen subset and a link gives it back', () => {
    const a = labAndData();
    a.data.getState().setSubsetFields({ classes: 'ship, cat', trainPerClass: '20', seed: '3' });
    const hash = stateHash(a.lab.getState(), train.getState().settings, a.data);
    expect(hash).toBe(
      'method=best&N=12&n=3&seed=0&view=s2&data.classes=ship,cat&data.train=20&data.seed=3&opt.steps=2000',
    );
    // Without a data store the link is the lab's alone, as before.
    expect(stateHash(a.lab.getState())).toBe('method=best&N=12&n=3&seed=0&view=s2&opt.steps=2000');
    const b = labAndData();
    applyHash(b.lab, `#${hash}`, train, b.data);
    expect(b.data.getState().fields).toEqual({
      classes: 'ship,cat',
      trainPerClass: '20',
      testPerClass: 'all',
      seed: '3',
    });
    expect(b.data.getState().fieldsChosen).toBe(true);
    expect(stateHash(b.lab.getState(), train.getState().settings, b.data)).toBe(hash);
  });

  it('draws the link\u2019s subset from data loaded after it was opened', async () => {
    const { lab, data } = labAndData();
    const { win, location } = fakeWindow('#data.classes=cat,dog&data.train=4&data.test=2');
    const stop = startUrlSync(lab, win, train, data);
    try {
      await data.getState().loadFiles([cifar10Archive], []);
      const s = data.getState();
      expect(s.subset?.classNames).toEqual(['cat', 'dog']);
      expect(s.subset?.train.count).toBe(8);
      expect(s.subset?.test.count).toBe(4);
      expect(s.loadNote).toBeNull();
      await settle();
      expect(location.hash).toBe(
        '#method=best&N=12&n=3&seed=0&view=s2&data.classes=cat,dog&data.train=4&data.test=2&opt.steps=2000',
      );
    } finally {
      stop();
    }
  });

  it('falls back when the link\u2019s subset does not fit, says so, and drops it from the link', async () => {
    const { lab, data } = labAndData();
    const { win, location } = fakeWindow('#data.classes=cat&data.train=11');
    const stop = startUrlSync(lab, win, train, data);
    try {
      expect(location.hash).toMatch(/data\.train=11/);
      await data.getState().loadFiles([cifar10Archive], []);
      expect(data.getState().loadNote).toMatch(
        /^The subset you chose \(classes cat, 11 training .*\) does not fit the data just loaded: the class "cat" has only 10 training images/,
      );
      expect(data.getState().subset?.train.count).toBe(100);
      await settle();
      expect(location.hash).toBe('#method=best&N=12&n=3&seed=0&view=s2&opt.steps=2000');
    } finally {
      stop();
    }
  });

  it('rewrites the hash when the subset fields change, and follows a hash typed by hand', async () => {
    vi.useFakeTimers();
    const { lab, data } = labAndData();
    const { win, writes, location, typeHash } = fakeWindow('#method=kasarla&N=4&n=3');
    const stop = startUrlSync(lab, win, train, data);
    try {
      expect(writes).toHaveLength(1);
      data.getState().setSubsetFields({ classes: 'first:3' });
      data.getState().setSubsetFields({ trainPerClass: '20' });
      vi.advanceTimersByTime(WRITE_DELAY_MS + 1);
      expect(writes).toHaveLength(2);
      expect(location.hash).toBe(
        '#method=kasarla&N=4&n=3&seed=0&view=s2&data.classes=first:3&data.train=20',
      );
      // An edit of another key leaves the subset fields as they are (not set again).
      const fields = data.getState().fields;
      typeHash('#method=kasarla&N=4&n=3&seed=0&view=s2&data.classes=first:3&data.train=20&N=5');
      expect(data.getState().fields).toBe(fields);
      typeHash('#method=kasarla&N=4&n=3&data.test=abc');
      expect(data.getState().fields).toEqual({
        classes: 'all',
        trainPerClass: 'all',
        testPerClass: 'all',
        seed: '0',
      });
      expect(lab.getState().notices).toEqual([
        'data.test: "abc" is not "all" or a whole number from 1 up; using the default, all.',
      ]);
      expect(location.hash).toBe('#method=kasarla&N=4&n=3&seed=0&view=s2');
    } finally {
      stop();
      vi.useRealTimers();
    }
  });
});
