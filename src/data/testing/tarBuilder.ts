// Test support: writes small tar archives in memory (ustar headers, GNU long names, pax paths),
// so tests can make archives with any member names, including hostile ones.

export interface TarMember {
  readonly name: string;
  readonly data?: Uint8Array;
  /** '0' file (default), '5' directory, 'L' and 'x' are written automatically. */
  readonly type?: '0' | '5';
  /** Store a long or odd name as a pax `path` record instead of a GNU long-name record. */
  readonly pax?: boolean;
}

const BLOCK = 512;
const encoder = new TextEncoder();

function header(name: string, size: number, type: string): Uint8Array {
  const h = new Uint8Array(BLOCK);
  const put = (text: string, at: number, length: number) =>
    h.set(encoder.encode(text).subarray(0, length), at);
  const octal = (n: number, length: number) => `${n.toString(8).padStart(length - 1, '0')}\0`;
  put(name, 0, 100);
  put(octal(0o644, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(0, 12), 136, 12);
  put('        ', 148, 8);
  put(type, 156, 1);
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  let sum = 0;
  for (const b of h) sum += b;
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
  return h;
}

function padded(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(data.length / BLOCK) * BLOCK);
  out.set(data);
  return out;
}

function paxRecord(key: string, value: string): Uint8Array {
  const body = ` ${key}=${value}\n`;
  let length = encoder.encode(body).length + 1;
  while (String(length).length + encoder.encode(body).length !== length) length++;
  return encoder.encode(`${length}${body}`);
}

export function makeTar(members: readonly TarMember[]): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [];
  for (const m of members) {
    const data = m.data ?? new Uint8Array(0);
    const nameBytes = encoder.encode(m.name);
    let stored = m.name;
    if (m.pax) {
      const rec = paxRecord('path', m.name);
      parts.push(header('PaxHeader', rec.length, 'x'), padded(rec));
      stored = 'pax-name-placeholder';
    } else if (nameBytes.length > 100) {
      const long = new Uint8Array(nameBytes.length + 1);
      long.set(nameBytes);
      parts.push(header('././@LongLink', long.length, 'L'), padded(long));
      stored = m.name.slice(0, 100);
    }
    parts.push(header(stored, data.length, m.type ?? '0'), padded(data));
  }
  parts.push(new Uint8Array(2 * BLOCK));
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A ByteSource over bytes in memory, streamed in chunks of `chunk` bytes. */
export function memorySource(name: string, bytes: Uint8Array, chunk = 65536) {
  return {
    name,
    size: bytes.length,
    stream: () => {
      let at = 0;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (at >= bytes.length) {
            controller.close();
            return;
          }
          controller.enqueue(bytes.slice(at, at + chunk));
          at += chunk;
        },
      });
    },
  };
}

/** Synthetic records of `format` with the given labels; pixel bytes are a simple function of the index. */
export function makeRecords(
  labels: readonly number[],
  format: 'cifar10' | 'cifar100',
  coarse: readonly number[] = [],
): Uint8Array<ArrayBuffer> {
  const lb = format === 'cifar10' ? 1 : 2;
  const size = lb + 3072;
  const out = new Uint8Array(labels.length * size);
  labels.forEach((label, i) => {
    const at = i * size;
    if (lb === 2) {
      out[at] = coarse[i] ?? 0;
      out[at + 1] = label;
    } else out[at] = label;
    for (let p = 0; p < 3072; p++) out[at + lb + p] = (i * 7 + p) & 255;
  });
  return out;
}

/** Labels 0..9 repeated: `perClass` images of each CIFAR-10 class. */
export const cifar10Labels = (perClass: number) =>
  Array.from({ length: 10 * perClass }, (_, i) => i % 10);

/**
 * A CIFAR-10 archive's tar in the official layout: five training batches with `perBatch` images
 * of each class, and a test batch with `testPerClass`.
 */
export function makeCifar10Tar(perBatch: number, testPerClass: number): Uint8Array<ArrayBuffer> {
  const names = [1, 2, 3, 4, 5].map((b) => `data_batch_${b}.bin`).concat('test_batch.bin');
  return makeTar(
    names.map((m) => ({
      name: `cifar-10-batches-bin/${m}`,
      data: makeRecords(cifar10Labels(m === 'test_batch.bin' ? testPerClass : perBatch), 'cifar10'),
    })),
  );
}
