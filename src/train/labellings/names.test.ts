import { describe, expect, it } from 'vitest';
import { isLabellingName, LABELLING_NAMES, LABELLINGS, parseLabellingName } from './registry.ts';

describe('labelling names', () => {
  it('lists every labelling once, in menu order, each with words for people', () => {
    expect(LABELLING_NAMES).toEqual([
      'identity',
      'random',
      'hungarian',
      'hungarian-epoch',
      'sinkhorn',
      'autoshuffle',
      'structure',
    ]);
    for (const l of LABELLINGS) {
      expect(l.label.length, l.id).toBeGreaterThan(3);
      expect(l.description.length, l.id).toBeGreaterThan(10);
      expect(l.description.length, l.id).toBeLessThanOrEqual(80); // one line of --help
    }
  });

  it('parses every valid name to itself', () => {
    for (const name of LABELLING_NAMES) expect(parseLabellingName(name)).toBe(name);
  });

  it('rejects unknown names, listing the valid ones', () => {
    expect(() => parseLabellingName('Hungarian')).toThrow(
      `unknown labelling "Hungarian" (allowed: ${LABELLING_NAMES.join(', ')})`,
    );
    expect(() => parseLabellingName('')).toThrow(RangeError);
    expect(isLabellingName('sinkhorn')).toBe(true);
    expect(isLabellingName('toString')).toBe(false);
  });
});
