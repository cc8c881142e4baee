/**
 * A good pole for the stereographic view of S^3: the sampled point farthest (in angle) from every
 * prototype, so no prototype is sent near infinity.
 */
export function emptiestDirection(
  data: ArrayLike<number>,
  N: number,
  n: number,
  samples = 4000,
): number[] {
  let best: number[] = [0, 0, 0, 1].slice(0, n);
  let bestCos = Infinity;
  let s = 0x2545f491;
  const rnd = () => {
    s = (Math.imul(s ^ (s >>> 13), 0x5bd1e995) + 0x6b43a9b5) >>> 0;
    return s / 2 ** 32;
  };
  for (let t = 0; t < samples; t++) {
    // A uniform point of S^{n-1}: normalised Gaussian (Box-Muller).
    const v: number[] = [];
    for (let k = 0; k < n; k++) {
      v.push(Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd()));
    }
    const l = Math.hypot(...v);
    for (let k = 0; k < n; k++) v[k] /= l;
    let worst = -Infinity;
    for (let i = 0; i < N && worst < bestCos; i++) {
      let d = 0;
      for (let k = 0; k < n; k++) d += v[k] * data[i * n + k];
      if (d > worst) worst = d;
    }
    if (worst < bestCos) {
      bestCos = worst;
      best = v;
    }
  }
  return best;
}
