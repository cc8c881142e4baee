import { describe, expect, it } from 'vitest';
import {
  describeLabelling,
  isLabellingName,
  LABELLING_NAMES,
  parseLabellingName,
} from './labellingNames.ts';

describe('labelling names', () => {
  it('lists the seven labellings of issue 7 in menu order', () => {
    expect(LABELLING_NAMES).toEqual([
      'identity',
      'random',
      'hungarian',
      'hungarian-epoch',
      'sinkhorn',
      'autoshuffle',
      'structure',
    ]);
    for (const name of LABELLING_NAMES) expect(describeLabelling(name).length).toBeGreaterThan(10);
  });

  it('parses every valid name to itself', () => {
    for (const name of LABELLING_NAMES) expect(parseLabellingName(name)).toBe(name);
  });

  it('rejects unknown names, listing the valid ones', () => {
    expect(() => parseLabellingName('Hungarian')).toThrow(
      'unknown labelling "Hungarian" (allowed: identity, random, hungarian, hungarian-epoch, sinkhorn, autoshuffle, structure)',
    );
    expect(() => parseLabellingName('')).toThrow(RangeError);
    expect(isLabellingName('sinkhorn')).toBe(true);
    expect(isLabellingName('toString')).toBe(false);
  });
});
