/** Fixed-point text without a negative zero: a cosine of -1e-17 reads "0.0000", not "-0.0000". */
export function fixed(x: number, digits: number): string {
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}
