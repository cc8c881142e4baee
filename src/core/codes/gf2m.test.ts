import { describe, expect, it } from 'vitest';
import {
  add,
  alphaPower,
  createField,
  cyclotomicCosets,
  inverse,
  isPrimitivePolynomial,
  MAX_FIELD_DEGREE,
  MIN_FIELD_DEGREE,
  minimalPolynomial,
  mul,
  PRIMITIVE_POLYNOMIALS,
  polyMulGF2,
  polyToMask,
  pow,
} from './gf2m.ts';

/** p(x) evaluated at a field element (Horner). */
function evaluate(field: ReturnType<typeof createField>, p: Uint8Array, x: number): number {
  let v = 0;
  for (let i = p.length - 1; i >= 0; i--) v = mul(field, v, x) ^ p[i];
  return v;
}

describe('GF(2^m)', () => {
  it('has a primitive polynomial of degree m for every m = 2..16: alpha has order exactly 2^m - 1', () => {
    for (let m = MIN_FIELD_DEGREE; m <= MAX_FIELD_DEGREE; m++) {
      const p = PRIMITIVE_POLYNOMIALS[m];
      expect(p >>> m).toBe(1);
      expect(isPrimitivePolynomial(p, m)).toBe(true);
      const f = createField(m);
      expect(f.order).toBe(2 ** m - 1);
      // Every nonzero element appears once among alpha^0..alpha^(order-1): order is exact.
      expect(new Set(f.exp.subarray(0, f.order)).size).toBe(f.order);
      expect(mul(f, alphaPower(f, f.order - 1), 2)).toBe(1);
    }
  });

  it('rejects irreducible but non-primitive and reducible polynomials', () => {
    expect(isPrimitivePolynomial(0b11111, 4)).toBe(false); // x^4+x^3+x^2+x+1: alpha has order 5
    expect(isPrimitivePolynomial(0b10101, 4)).toBe(false); // (x^2+x+1)^2
    expect(isPrimitivePolynomial(0b10011, 4)).toBe(true); // x^4+x+1
  });

  it('satisfies the field axioms (exhaustively for m = 4, on samples for m = 8, 13)', () => {
    const f4 = createField(4);
    for (let a = 0; a < 16; a++) {
      expect(mul(f4, a, 1)).toBe(a);
      if (a) expect(mul(f4, a, inverse(f4, a))).toBe(1);
      for (let b = 0; b < 16; b++) {
        expect(mul(f4, a, b)).toBe(mul(f4, b, a));
        for (let c = 0; c < 16; c++) {
          expect(mul(f4, mul(f4, a, b), c)).toBe(mul(f4, a, mul(f4, b, c)));
          expect(mul(f4, a, add(b, c))).toBe(add(mul(f4, a, b), mul(f4, a, c)));
        }
      }
    }
    for (const m of [8, 13]) {
      const f = createField(m);
      let s = 12345;
      const next = () => {
        s = (Math.imul(s, 1103515245) + 12345) >>> 0;
        return s % f.size;
      };
      for (let t = 0; t < 300; t++) {
        const [a, b, c] = [next(), next(), next()];
        expect(mul(f, mul(f, a, b), c)).toBe(mul(f, a, mul(f, b, c)));
        expect(mul(f, a, b ^ c)).toBe(mul(f, a, b) ^ mul(f, a, c));
        if (a) expect(mul(f, a, inverse(f, a))).toBe(1);
        let r = 1;
        for (let e = 0; e < 5; e++) r = mul(f, r, a);
        expect(pow(f, a, 5)).toBe(r);
        if (a) expect(pow(f, a, -1)).toBe(inverse(f, a));
        if (a) expect(pow(f, a, f.order)).toBe(1); // Fermat: a^(2^m - 1) = 1
      }
    }
  });

  it('splits 0..2^m-2 into cyclotomic cosets of the known sizes', () => {
    expect(cyclotomicCosets(4)).toEqual([
      [0],
      [1, 2, 4, 8],
      [3, 6, 12, 9],
      [5, 10],
      [7, 14, 13, 11],
    ]);
    const sizes6 = cyclotomicCosets(6).map((c) => c.length);
    expect(sizes6.filter((x) => x === 6)).toHaveLength(9);
    expect(sizes6.filter((x) => x === 3)).toHaveLength(2); // {9,18,36}, {27,54,45}
    expect(sizes6.filter((x) => x === 2)).toHaveLength(1); // {21,42}
    expect(cyclotomicCosets(5)).toHaveLength(7); // {0} and six cosets of size 5 (31 is prime)
    for (let m = 2; m <= 12; m++) {
      const cosets = cyclotomicCosets(m);
      expect(cosets.reduce((s, c) => s + c.length, 0)).toBe(2 ** m - 1);
      for (const c of cosets) expect(m % c.length).toBe(0); // sizes divide m
    }
  });

  it('gives the primitive polynomial as the minimal polynomial of alpha', () => {
    for (let m = MIN_FIELD_DEGREE; m <= MAX_FIELD_DEGREE; m++) {
      expect(polyToMask(minimalPolynomial(createField(m), 1))).toBe(PRIMITIVE_POLYNOMIALS[m]);
    }
  });

  it('gives the textbook minimal polynomials over x^4 + x + 1, each vanishing on its coset', () => {
    const f = createField(4);
    expect(polyToMask(minimalPolynomial(f, 3))).toBe(0b11111); // 1 + x + x^2 + x^3 + x^4
    expect(polyToMask(minimalPolynomial(f, 5))).toBe(0b111); // 1 + x + x^2
    expect(polyToMask(minimalPolynomial(f, 7))).toBe(0b11001); // 1 + x^3 + x^4
    const f8 = createField(8);
    for (const j of [1, 3, 5, 17, 51, 85]) {
      const p = minimalPolynomial(f8, j);
      expect(evaluate(f8, p, alphaPower(f8, j))).toBe(0);
      expect(evaluate(f8, p, alphaPower(f8, 2 * j))).toBe(0);
    }
  });

  it('multiplies polynomials over GF(2)', () => {
    expect(Array.from(polyMulGF2(Uint8Array.of(1, 1), Uint8Array.of(1, 1)))).toEqual([1, 0, 1]);
    // (1 + x)(1 + x + x^2) = 1 + x^3
    expect(Array.from(polyMulGF2(Uint8Array.of(1, 1), Uint8Array.of(1, 1, 1)))).toEqual([
      1, 0, 0, 1,
    ]);
  });
});
