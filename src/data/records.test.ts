import { describe, expect, it } from 'vitest';
import { detectBinFormat } from './detectFormat.ts';
import { DataProblem } from './errors.ts';
import { RecordParser } from './records.ts';
import { makeRecords } from './testing/tarBuilder.ts';

function parse(bytes: Uint8Array, format: 'cifar10' | 'cifar100', chunk: number) {
  const parser = new RecordParser(format, bytes.length);
  for (let at = 0; at < bytes.length; at += chunk) parser.write(bytes.subarray(at, at + chunk));
  parser.end();
  return parser.batch('test');
}

describe('RecordParser', () => {
  it.each([1, 100, 3073, 3074, 10000])('reads CIFAR-10 records in chunks of %i bytes', (chunk) => {
    const raw = makeRecords([3, 0, 9, 5], 'cifar10');
    const batch = parse(raw, 'cifar10', chunk);
    expect(batch.count).toBe(4);
    expect([...batch.labels]).toEqual([3, 0, 9, 5]);
    expect(batch.coarseLabels).toBeNull();
    for (let i = 0; i < 4; i++) {
      expect(batch.pixels.subarray(i * 3072, (i + 1) * 3072)).toEqual(
        raw.subarray(i * 3073 + 1, (i + 1) * 3073),
      );
    }
  });

  it.each([1, 3074, 5000])(
    'reads CIFAR-100 records (coarse, fine) in chunks of %i bytes',
    (chunk) => {
      const raw = makeRecords([99, 0, 42], 'cifar100', [19, 4, 0]);
      const batch = parse(raw, 'cifar100', chunk);
      expect([...batch.labels]).toEqual([99, 0, 42]);
      expect([...(batch.coarseLabels ?? [])]).toEqual([19, 4, 0]);
      expect(batch.pixels.subarray(2 * 3072)).toEqual(raw.subarray(2 * 3074 + 2));
    },
  );

  it('refuses labels out of range, saying which image', () => {
    expect(() => parse(makeRecords([1, 10], 'cifar10'), 'cifar10', 999)).toThrow(
      /has label 10 at image 2, but CIFAR-10 labels go from 0 to 9/,
    );
    expect(() => parse(makeRecords([100], 'cifar100', [1]), 'cifar100', 999)).toThrow(
      /has label 100 at image 1, but CIFAR-100 labels go from 0 to 99/,
    );
    expect(() => parse(makeRecords([5], 'cifar100', [20]), 'cifar100', 999)).toThrow(
      /superclass label 20 at image 1, but CIFAR-100 superclass labels go from 0 to 19/,
    );
  });

  it('refuses a size that is not a whole number of records', () => {
    expect(() => new RecordParser('cifar10', 3074)).toThrow(
      /3,074 bytes, which is not a whole number of 3073-byte CIFAR-10 records/,
    );
    expect(() => new RecordParser('cifar100', 0)).toThrow(/is empty/);
  });

  it('notices when the bytes stop early or go on too long', () => {
    const raw = makeRecords([1, 2], 'cifar10');
    const short = new RecordParser('cifar10', raw.length);
    short.write(raw.subarray(0, 4000));
    expect(() => short.end()).toThrow(/is cut off: it ends after 4,000 of its 6,146 bytes/);
    const long = new RecordParser('cifar10', 3073);
    expect(() => long.write(raw)).toThrow(/has more than the 3,073 bytes/);
  });
});

describe('detectBinFormat', () => {
  const both = 3073 * 3074;
  it('goes by official name when the size fits', () => {
    expect(detectBinFormat('data_batch_3.bin', 3073 * 10)).toBe('cifar10');
    expect(detectBinFormat('test_batch.bin', 3073 * 10)).toBe('cifar10');
    expect(detectBinFormat('train.bin', 3074 * 10)).toBe('cifar100');
    expect(detectBinFormat('test.bin', both)).toBe('cifar100');
  });

  it('goes by size when the name does not tell', () => {
    expect(detectBinFormat('mine.bin', 3073 * 7)).toBe('cifar10');
    expect(detectBinFormat('mine.bin', 3074 * 7)).toBe('cifar100');
  });

  it('asks the user when both record sizes fit and the name does not tell', () => {
    expect(() => detectBinFormat('mine.bin', both)).toThrow(
      /choose the format .*--format cifar10\|cifar100/,
    );
    expect(detectBinFormat('mine.bin', both, 'cifar10')).toBe('cifar10');
    expect(detectBinFormat('mine.bin', both, 'cifar100')).toBe('cifar100');
  });

  it('refuses sizes that fit neither, or not the named format', () => {
    expect(() => detectBinFormat('mine.bin', 3073 * 7 + 1)).toThrow(
      /not a whole number of CIFAR records/,
    );
    expect(() => detectBinFormat('data_batch_1.bin', 3074 * 10)).toThrow(
      /named like a CIFAR-10 file, but its size, 30,740 bytes, .* \(it would fit CIFAR-100 records/,
    );
    expect(() => detectBinFormat('train.bin', 3074 * 10 - 5)).toThrow(DataProblem);
    expect(() => detectBinFormat('mine.bin', 3073 * 7, 'cifar100')).toThrow(
      /3074-byte CIFAR-100 records/,
    );
    expect(() => detectBinFormat('mine.bin', 0)).toThrow(/is empty/);
  });
});
