import { describe, expect, it } from 'vitest';
import { DEFAULT_PANELS } from '../ui/export/embedCode.ts';
import { hideCss } from './hide.ts';
import { addressPairs, isEmbedKey, normaliseOrigin, parseEmbedOptions } from './options.ts';

const parse = (query: string, hash = '', embedded = false) =>
  parseEmbedOptions([...addressPairs(query), ...addressPairs(hash)], embedded);

describe('embed options', () => {
  it('is off without the embed flag, on with ?embed, #embed or embed=1, off with embed=0', () => {
    expect(parse('').embedded).toBe(false);
    expect(parse('?panels=scene').embedded).toBe(false);
    expect(parse('?embed').embedded).toBe(true);
    expect(parse('', '#method=lse&embed').embedded).toBe(true);
    expect(parse('?embed=1').embedded).toBe(true);
    expect(parse('?embed=0').embedded).toBe(false);
    // An element is embedded whatever its attributes say.
    expect(parseEmbedOptions([['embed', 'false']], true).embedded).toBe(true);
  });

  it('reads panels in the order given, and falls back to the default panels', () => {
    expect(parse('?embed').panels).toEqual(DEFAULT_PANELS);
    expect(parse('?embed&panels=metrics,scene,metrics').panels).toEqual(['metrics', 'scene']);
    const bad = parse('?embed&panels=scene,charts');
    expect(bad.panels).toEqual(['scene']);
    expect(bad.notices).toEqual([expect.stringMatching(/panels: "charts" is not a panel/)]);
    const none = parse('?embed&panels=');
    expect(none.panels).toEqual(DEFAULT_PANELS);
    expect(none.notices[0]).toMatch(/none usable; showing scene, metrics/);
  });

  it('collects hide flags (key_hide, hide=a,b), ignores _hide=0, and names unknown keys', () => {
    const o = parse('?embed&method_hide&N_hide=1&n_hide=0&hide=seed,opt.lr&nope_hide');
    expect(o.hidden).toEqual(['method', 'N', 'seed', 'opt.lr']);
    expect(o.notices).toEqual([expect.stringMatching(/^nope_hide: "nope" is not a setting/)]);
  });

  it('keeps only real origins (scheme, host, port), without duplicates', () => {
    expect(normaliseOrigin('https://a.org')).toBe('https://a.org');
    expect(normaliseOrigin('https://a.org/')).toBe('https://a.org');
    expect(normaliseOrigin('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(normaliseOrigin('https://a.org/path')).toBeNull();
    expect(normaliseOrigin('*')).toBeNull();
    expect(normaliseOrigin('javascript:alert(1)')).toBeNull();
    const o = parse(
      `?embed&origins=${encodeURIComponent('https://a.org, https://a.org/,*,http://b.net:81')}`,
    );
    expect(o.origins).toEqual(['https://a.org', 'http://b.net:81']);
    expect(o.notices).toEqual([expect.stringMatching(/origins: "\*" is not an origin/)]);
    expect(parse('?embed').origins).toEqual([]);
  });

  it('tells embed flags from settings', () => {
    for (const k of ['embed', 'panels', 'origins', 'hide', 'method_hide'])
      expect(isEmbedKey(k)).toBe(true);
    for (const k of ['method', 'N', 'opt.lr', 'show.grid']) expect(isEmbedKey(k)).toBe(false);
  });

  it('writes style rules that hide exactly the chosen controls inside its scope', () => {
    const css = hideCss(['N', 'opt.lr'], '[data-embed-scope="a"]');
    expect(css).toContain('[data-embed-scope="a"] .field:has(#N)');
    expect(css).toContain('[data-embed-scope="a"] :is(.field, .check):has(#param-lr)');
    expect(css).not.toContain('#method');
    expect(hideCss([], 'x')).toBe('');
  });
});
