import type { CifarBatch } from './dataset.ts';
import { DataProblem, formatCount } from './errors.ts';
import { type CifarFormat, FORMATS, PIXELS_PER_IMAGE } from './formats.ts';
import type { EntrySink } from './tar.ts';

/**
 * Parses official CIFAR records as bytes arrive, into arrays allocated once from the known byte
 * length (no growing, no second copy). Labels are checked as they are read.
 */
export class RecordParser implements EntrySink {
  readonly count: number;
  private readonly labels: Uint8Array;
  private readonly coarse: Uint8Array | null;
  private readonly pixels: Uint8Array;
  private record = 0;
  private inRecord = 0;
  private done = false;

  constructor(
    readonly format: CifarFormat,
    readonly byteLength: number,
  ) {
    checkRecordSize(format, byteLength);
    this.count = byteLength / FORMATS[format].recordSize;
    this.labels = new Uint8Array(this.count);
    this.coarse = format === 'cifar100' ? new Uint8Array(this.count) : null;
    this.pixels = new Uint8Array(this.count * PIXELS_PER_IMAGE);
  }

  write(chunk: Uint8Array): void {
    const info = FORMATS[this.format];
    const { labelBytes, recordSize } = info;
    let pos = 0;
    while (pos < chunk.length) {
      if (this.record >= this.count) {
        throw new DataProblem(
          `has more than the ${formatCount(this.byteLength)} bytes its size says`,
        );
      }
      if (this.inRecord < labelBytes) {
        const value = chunk[pos++];
        if (labelBytes === 2 && this.inRecord === 0) {
          if (value >= info.coarseClasses)
            throw this.badLabel('superclass label', value, info.coarseClasses);
          (this.coarse as Uint8Array)[this.record] = value;
        } else {
          if (value >= info.classes) throw this.badLabel('label', value, info.classes);
          this.labels[this.record] = value;
        }
        this.inRecord++;
      } else {
        const at = this.inRecord - labelBytes;
        const n = Math.min(PIXELS_PER_IMAGE - at, chunk.length - pos);
        this.pixels.set(chunk.subarray(pos, pos + n), this.record * PIXELS_PER_IMAGE + at);
        pos += n;
        this.inRecord += n;
        if (this.inRecord === recordSize) {
          this.inRecord = 0;
          this.record++;
        }
      }
    }
  }

  end(): void {
    if (this.record !== this.count || this.inRecord !== 0) {
      const got = this.record * FORMATS[this.format].recordSize + this.inRecord;
      throw new DataProblem(
        `is cut off: it ends after ${formatCount(got)} of its ${formatCount(this.byteLength)} bytes`,
      );
    }
    this.done = true;
  }

  /** The parsed records; only after end(). */
  batch(source: string): CifarBatch {
    if (!this.done) throw new Error('RecordParser.batch() before end()');
    return {
      source,
      count: this.count,
      labels: this.labels,
      coarseLabels: this.coarse,
      pixels: this.pixels,
    };
  }

  private badLabel(what: string, value: number, limit: number): DataProblem {
    const title = FORMATS[this.format].title;
    const other = this.format === 'cifar10' ? 'CIFAR-100' : 'CIFAR-10';
    return new DataProblem(
      `has ${what} ${value} at image ${this.record + 1}, but ${title} ${what}s go from 0 to ${limit - 1}: ` +
        `the file is damaged, or it is not a ${title} file (a ${other} file read as ${title}?)`,
    );
  }
}

/** Throws a DataProblem unless `byteLength` is a positive whole number of records of `format`. */
export function checkRecordSize(format: CifarFormat, byteLength: number): void {
  const { recordSize, title } = FORMATS[format];
  if (byteLength === 0) throw new DataProblem('is empty (0 bytes)');
  if (byteLength % recordSize !== 0) {
    const whole = Math.floor(byteLength / recordSize);
    throw new DataProblem(
      `is ${formatCount(byteLength)} bytes, which is not a whole number of ${recordSize}-byte ` +
        `${title} records (${formatCount(whole)} records would be ${formatCount(whole * recordSize)} bytes): ` +
        `the file is cut off, or it is not a ${title} batch`,
    );
  }
}
