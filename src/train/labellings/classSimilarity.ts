/**
 * Class similarity for the `structure` labelling, from data: the cosine between class means of
 * feature rows, with the mean off-diagonal value subtracted so that "more similar than usual"
 * is positive and "less similar" negative (otherwise every pair pulls its prototypes together).
 */
export function classSimilarity(
  rows: Float32Array | Float64Array,
  width: number,
  labels: ArrayLike<number>,
  classes: number,
): Float64Array {
  const means = new Float64Array(classes * width);
  const counts = new Float64Array(classes);
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    counts[y]++;
    for (let d = 0; d < width; d++) means[y * width + d] += rows[i * width + d];
  }
  const norms = new Float64Array(classes);
  for (let k = 0; k < classes; k++) {
    let s = 0;
    for (let d = 0; d < width; d++) {
      means[k * width + d] /= Math.max(counts[k], 1);
      s += means[k * width + d] ** 2;
    }
    norms[k] = Math.sqrt(s) || 1;
  }
  const S = new Float64Array(classes * classes);
  let offSum = 0;
  for (let i = 0; i < classes; i++) {
    for (let j = 0; j < classes; j++) {
      let dot = 0;
      for (let d = 0; d < width; d++) dot += means[i * width + d] * means[j * width + d];
      S[i * classes + j] = dot / (norms[i] * norms[j]);
      if (i !== j) offSum += S[i * classes + j];
    }
  }
  const offMean = classes > 1 ? offSum / (classes * (classes - 1)) : 0;
  for (let i = 0; i < classes; i++) {
    for (let j = 0; j < classes; j++) if (i !== j) S[i * classes + j] -= offMean;
  }
  return S;
}

/** Pixels (count x 3072 bytes) as rows centred on the overall mean, for modes without features. */
export function centredPixels(pixels: Uint8Array, count: number): Float32Array {
  const width = 3072;
  const mean = new Float64Array(width);
  for (let i = 0; i < count; i++) for (let d = 0; d < width; d++) mean[d] += pixels[i * width + d];
  for (let d = 0; d < width; d++) mean[d] /= Math.max(count, 1);
  const out = new Float32Array(count * width);
  for (let i = 0; i < count; i++) {
    for (let d = 0; d < width; d++) out[i * width + d] = (pixels[i * width + d] - mean[d]) / 255;
  }
  return out;
}
