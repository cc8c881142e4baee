/**
 * `--features-cache FILE` of `hypersphere-lab experiment`: the fast mode's features take most of
 * an experiment's time on a CPU, and they depend only on the images and the feature seed, so a
 * second experiment on the same subset (another head, more labellings) can reuse them. The file
 * holds a JSON header (what the features were computed from) and the two Float32 arrays; a
 * header that does not match means the file is ignored and rewritten.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { FastFeatures } from '../train/types.ts';

export interface FeatureKey {
  readonly source: string;
  readonly classes: string;
  readonly trainCount: number;
  readonly testCount: number;
  readonly seed: number;
}

export function readFeatureCache(path: string, key: FeatureKey): FastFeatures | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return null;
  }
  const headerLength = bytes.readUInt32LE(0);
  const header = JSON.parse(bytes.subarray(4, 4 + headerLength).toString('utf8'));
  if (JSON.stringify(header.key) !== JSON.stringify(key)) return null;
  const { width } = header as { width: number };
  const start = 4 + headerLength;
  const floats = new Float32Array(
    bytes.buffer.slice(bytes.byteOffset + start, bytes.byteOffset + bytes.length),
  );
  const trainLength = key.trainCount * width;
  if (floats.length !== trainLength + key.testCount * width) return null;
  return {
    width,
    train: floats.slice(0, trainLength),
    test: floats.slice(trainLength),
    seed: key.seed,
    timeMs: 0,
  };
}

export function writeFeatureCache(path: string, key: FeatureKey, features: FastFeatures): void {
  // Padded to a multiple of 4 bytes so the floats can be viewed in place when read.
  let header = JSON.stringify({ key, width: features.width });
  while ((4 + Buffer.byteLength(header)) % 4 !== 0) header += ' ';
  const head = Buffer.alloc(4);
  head.writeUInt32LE(Buffer.byteLength(header), 0);
  writeFileSync(
    path,
    Buffer.concat([
      head,
      Buffer.from(header, 'utf8'),
      Buffer.from(features.train.buffer, features.train.byteOffset, features.train.byteLength),
      Buffer.from(features.test.buffer, features.test.byteOffset, features.test.byteLength),
    ]),
  );
}
