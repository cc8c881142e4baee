import { describe, expect, it } from 'vitest';
import { resultsToCsv } from './csv.ts';
import { makeRun } from './runFixture.ts';

describe('CSV export', () => {
  it('writes a header and one row per run, numbers as they read back', () => {
    const a = { ...makeRun('rm', 'identity', 0, 0.4375, 0), timeMs: 1234.5 };
    const b = {
      ...makeRun('lse', 'random', 2, 0.1, -0.11111111111111112),
      minAngleDeg: 96.37937686,
    };
    expect(resultsToCsv([a, b])).toBe(
      'method,labelling,seed,N,n,testAccuracy,trainAccuracy,maxCosine,minAngleDeg,meanCosine,epochs,timeMs\n' +
        'rm,identity,0,10,16,0.4375,1,0,90,0,1,1234.5\n' +
        'lse,random,2,10,16,0.1,1,-0.11111111111111112,96.37937686,0,1,1\n',
    );
  });

  it('quotes a cell with a comma or a quote', () => {
    const odd = makeRun('my,"method"', 'identity', 0, 0.5, 0);
    expect(resultsToCsv([odd]).split('\n')[1]).toBe(
      '"my,""method""",identity,0,10,16,0.5,1,0,90,0,1,1',
    );
  });
});
