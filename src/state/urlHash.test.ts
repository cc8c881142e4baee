import { describe, expect, it } from 'vitest';
import { LIMITS, METHODS } from '../core/methods/registry.ts';
import { DEFAULT_REQUEST, UI_MAX_N } from './defaults.ts';
import { methodSettings, SETTINGS } from './settings.ts';
import { parseHash, readSetting, serialiseHash } from './urlHash.ts';

const setting = (key: string) => {
  const s = SETTINGS.find((x) => x.key === key);
  if (!s) throw new Error(`no setting ${key}`);
  return s;
};

describe('settings declaration', () => {
  it('declares every key once, with the defaults of the issue', () => {
    const keys = SETTINGS.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    const empty = parseHash('');
    expect(serialiseHash(empty.values, empty.params)).toBe(
      'method=best&N=12&n=3&seed=0&view=s2&opt.steps=2000',
    );
    // The default request itself is checked in labStore.test.ts; a bare link gets its params.
    expect(empty.params).toEqual(DEFAULT_REQUEST.params);
    expect(empty.notices).toEqual([]);
  });

  it('offers every method, and every parameter of every method as opt.<flag>', () => {
    expect(setting('method')).toMatchObject({ options: METHODS.map((m) => m.id) });
    for (const m of METHODS) {
      const keys = methodSettings(m.id).map((s) => s.key);
      expect(keys).toEqual(m.params.map((p) => `opt.${p.flag}`));
      // No method parameter may shadow a page setting.
      for (const k of keys) expect(SETTINGS.some((s) => s.key === k)).toBe(false);
    }
    expect(setting('N')).toMatchObject({ min: LIMITS.N.min, max: UI_MAX_N });
  });
});

describe('URL hash', () => {
  it('reads and writes a full state, and round-trips it exactly', () => {
    const hash =
      '#method=lse&N=40&n=4&seed=7&view=s3&speed=25&show.rays=0&opt.steps=300&opt.lr=0.05&opt.t-start=2.5';
    const parsed = parseHash(hash);
    expect(parsed.notices).toEqual([]);
    expect(parsed.values).toMatchObject({
      method: 'lse',
      N: 40,
      n: 4,
      seed: 7,
      view: 's3',
      speed: 25,
      'show.rays': false,
      'show.labels': true,
    });
    expect(parsed.params).toEqual({ steps: 300, lr: 0.05, tStart: 2.5 });
    expect(`#${serialiseHash(parsed.values, parsed.params)}`).toBe(hash);
  });

  it('reads and writes the view settings of the scene panels', () => {
    const hash = '#method=lse&N=12&n=4&seed=0&view=s3&show.cells=0&contacts.tol=1.5&s3.proj=ortho';
    const parsed = parseHash(hash);
    expect(parsed.notices).toEqual([]);
    expect(parsed.values).toMatchObject({ 'contacts.tol': 1.5, 's3.proj': 'ortho' });
    expect(`#${serialiseHash(parsed.values, parsed.params)}`).toBe(hash);
    expect(parseHash('#contacts.tol=50').values['contacts.tol']).toBe(10);
  });

  it('writes numbers so that they read back bit for bit', () => {
    const lr = 0.1 + 0.2; // 0.30000000000000004
    const text = serialiseHash({ method: 'lse' }, { lr });
    expect(parseHash(text).params.lr).toBe(lr);
  });

  it('falls back to the default for values that are not valid, with a notice each', () => {
    const parsed = parseHash('#N=abc&n=-4&method=nope');
    expect(parsed.values).toMatchObject({ method: 'best', N: 12, n: 2, seed: 0, view: 's2' });
    expect(parsed.notices).toHaveLength(3);
    expect(parsed.notices.join('\n')).toMatch(
      /method: "nope" is not one of random, .*lse.*; using the default, best/,
    );
    expect(parsed.notices.join('\n')).toMatch(/N: "abc" is not a number; using the default, 12/);
    expect(parsed.notices.join('\n')).toMatch(/n: -4 is below the minimum; using 2/);
  });

  it('clamps numbers to their range and rounds where a whole number is needed', () => {
    expect(readSetting(setting('N'), '99999')).toEqual({
      value: UI_MAX_N,
      notice: `N: 99999 is above the maximum; using ${UI_MAX_N} (range 2 to ${UI_MAX_N}).`,
    });
    expect(readSetting(setting('N'), '7.6').value).toBe(8);
    expect(readSetting(setting('N'), '7.6').notice).toMatch(/rounded to 8/);
    expect(readSetting(setting('seed'), '-1').value).toBe(0);
    // Method parameters follow their ParamSpec: lse's momentum is at most 0.999.
    const parsed = parseHash('#method=lse&opt.momentum=2&opt.steps=12.5');
    expect(parsed.params).toEqual({ momentum: 0.999, steps: 13 });
    expect(parsed.notices).toHaveLength(2);
  });

  it('rejects what is not a plain decimal number', () => {
    for (const bad of ['', ' ', '0x10', 'Infinity', 'NaN', '1e999', '12abc', '1,5']) {
      const read = readSetting(setting('N'), bad);
      expect(read.value, bad).toBe(12);
      expect(read.notice, bad).toMatch(/is not a number/);
    }
    expect(readSetting(setting('N'), ' 12 ')).toEqual({ value: 12 });
    expect(readSetting(setting('speed'), '1e2')).toEqual({ value: 100 });
  });

  it('reads booleans and choices strictly, with a notice for anything else', () => {
    expect(readSetting(setting('show.grid'), 'false')).toEqual({ value: false });
    expect(readSetting(setting('show.grid'), 'maybe').value).toBe(true);
    expect(readSetting(setting('view'), 'proj')).toEqual({ value: 'proj' });
    expect(readSetting(setting('view'), 'S2').notice).toMatch(/not one of s2, s3, proj/);
    const rm = parseHash('#method=rm&opt.fit=sideways');
    expect(rm.params).toEqual({});
    expect(rm.notices[0]).toMatch(/^opt\.fit: "sideways" is not one of/);
  });

  it('ignores unknown keys, other methods\u2019 parameters and empty parts; the last repeat counts', () => {
    const parsed = parseHash('#&&zoom=3&opt.order=2&N=5&N=6&method=kasarla&');
    expect(parsed.notices).toEqual([]);
    expect(parsed.params).toEqual({});
    expect(parsed.values).toMatchObject({ method: 'kasarla', N: 6 });
  });

  it('decodes percent-encoding and survives broken encoding', () => {
    expect(parseHash('#%4E=20').values.N).toBe(20);
    const broken = parseHash('#N=%E0%A4%A');
    expect(broken.values.N).toBe(12);
    expect(broken.notices[0]).toMatch(/is not a number/);
  });

  it('leaves out settings and parameters at their default, but always writes the request and view', () => {
    const parsed = parseHash('#method=kasarla&N=4&speed=0&show.labels=1');
    expect(serialiseHash(parsed.values, parsed.params)).toBe(
      'method=kasarla&N=4&n=3&seed=0&view=s2',
    );
    expect(serialiseHash({ method: 'lse' }, { steps: 1000, lr: 0.5 })).toBe(
      'method=lse&N=12&n=3&seed=0&view=s2&opt.lr=0.5',
    );
  });
});

describe('the data subset in the hash', () => {
  it('reads, normalises and writes data.classes, data.train, data.test and data.seed', () => {
    const parsed = parseHash('#data.classes=Cat,%20dog&data.train=04&data.test=ALL&data.seed=7');
    expect(parsed.notices).toEqual([]);
    expect(parsed.values).toMatchObject({
      'data.classes': 'Cat,dog',
      'data.train': '4',
      'data.test': 'all',
      'data.seed': 7,
    });
    expect(serialiseHash(parsed.values, parsed.params)).toBe(
      'method=best&N=12&n=3&seed=0&view=s2&data.classes=Cat,dog&data.train=4&data.seed=7&opt.steps=2000',
    );
    const classes = setting('data.classes');
    expect(readSetting(classes, 'first:3')).toEqual({ value: 'first:3' });
    expect(readSetting(classes, '5')).toEqual({ value: 'first:5' });
    expect(readSetting(classes, 'superclass: trees vehicles_1')).toEqual({
      value: 'superclass:trees,vehicles_1',
    });
    expect(readSetting(classes, '')).toEqual({ value: 'all' });
    // Links written before commas and colons were kept as they are still read.
    expect(parseHash('#data.classes=cat%2Cdog').values['data.classes']).toBe('cat,dog');
    expect(parseHash('#data.classes=first%3A3').values['data.classes']).toBe('first:3');
    // Everything else is still escaped: a value cannot break out of its key.
    expect(serialiseHash({ ...parsed.values, 'data.classes': 'a&b=c d' })).toContain(
      'data.classes=a%26b%3Dc%20d',
    );
    // Left out at its default, like every other key.
    expect(serialiseHash(parseHash('#data.classes=all&data.train=all').values)).toBe(
      'method=best&N=12&n=3&seed=0&view=s2',
    );
  });

  it('falls back with a notice for a subset that cannot be read, and caps the counts', () => {
    expect(readSetting(setting('data.classes'), ',')).toEqual({
      value: 'all',
      notice:
        'data.classes: "," is not a class choice (all, first:K, names like cat,dog, or superclass:names); using the default, all.',
    });
    expect(readSetting(setting('data.classes'), 'first:0')).toEqual({
      value: 'all',
      notice: 'data.classes: "first:0" chooses no classes; using the default, all.',
    });
    expect(readSetting(setting('data.train'), '0')).toEqual({
      value: 'all',
      notice: 'data.train: "0" is not "all" or a whole number from 1 up; using the default, all.',
    });
    expect(readSetting(setting('data.test'), 'many')).toEqual({
      value: 'all',
      notice: 'data.test: "many" is not "all" or a whole number from 1 up; using the default, all.',
    });
    expect(readSetting(setting('data.train'), '2.5').value).toBe('all');
    expect(readSetting(setting('data.train'), '9000')).toEqual({
      value: '5000',
      notice: 'data.train: 9000 is above the maximum; using 5000 (range 1 to 5000, or all).',
    });
    expect(readSetting(setting('data.test'), '1001')).toEqual({
      value: '1000',
      notice: 'data.test: 1001 is above the maximum; using 1000 (range 1 to 1000, or all).',
    });
    expect(readSetting(setting('data.seed'), '4294967296')).toEqual({
      value: 4294967295,
      notice:
        'data.seed: 4294967296 is above the maximum; using 4294967295 (range 0 to 4294967295).',
    });
    expect(parseHash('#data.train=0&data.seed=x').notices).toEqual([
      'data.train: "0" is not "all" or a whole number from 1 up; using the default, all.',
      'data.seed: "x" is not a number; using the default, 0.',
    ]);
  });
});
