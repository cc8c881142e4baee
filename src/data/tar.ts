import { DataProblem, formatCount } from './errors.ts';

/**
 * A streaming reader for tar archives (POSIX ustar, GNU and pax), fed chunk by chunk: it keeps one
 * 512-byte header at a time and hands member bodies straight to the sink the caller chooses, so
 * an archive never has to fit in memory. It never touches a file system: member names are only
 * reported, and `isSafeMemberName` tells the caller which ones could escape a target folder.
 */

export interface TarEntry {
  /** The member's path inside the archive, as stored (after GNU long-name and pax records). */
  readonly name: string;
  readonly size: number;
  readonly kind: 'file' | 'directory' | 'other';
}

export interface EntrySink {
  write(chunk: Uint8Array): void;
  end(): void;
}

/** Decides what to do with a member: a sink to receive its bytes, or null to skip them. */
export type EntryHandler = (entry: TarEntry) => EntrySink | null;

const BLOCK = 512;
/** Long names and pax records are tiny; anything bigger is a damaged or hostile archive. */
const META_LIMIT = 1 << 20;

type Mode = 'header' | 'body' | 'padding' | 'end';

export class TarReader {
  private readonly header = new Uint8Array(BLOCK);
  private headerFill = 0;
  private mode: Mode = 'header';
  private remaining = 0;
  private padding = 0;
  private entry: TarEntry | null = null;
  private sink: EntrySink | null = null;
  private meta: { kind: 'longName' | 'pax'; bytes: Uint8Array; fill: number } | null = null;
  private nextName: string | null = null;
  private headers = 0;
  private offset = 0;

  constructor(private readonly onEntry: EntryHandler) {}

  /** True once the end-of-archive marker (a zero block) has been read. */
  get ended(): boolean {
    return this.mode === 'end';
  }

  push(chunk: Uint8Array): void {
    let pos = 0;
    while (pos < chunk.length) {
      if (this.mode === 'end') return;
      const available = chunk.length - pos;
      if (this.mode === 'header') {
        const n = Math.min(BLOCK - this.headerFill, available);
        this.header.set(chunk.subarray(pos, pos + n), this.headerFill);
        this.headerFill += n;
        pos += n;
        this.offset += n;
        if (this.headerFill === BLOCK) {
          this.headerFill = 0;
          this.readHeader();
        }
      } else if (this.mode === 'body') {
        const n = Math.min(this.remaining, available);
        const part = chunk.subarray(pos, pos + n);
        if (this.meta) {
          this.meta.bytes.set(part, this.meta.fill);
          this.meta.fill += n;
        } else {
          this.sink?.write(part);
        }
        this.remaining -= n;
        pos += n;
        this.offset += n;
        if (this.remaining === 0) this.finishBody();
      } else {
        const n = Math.min(this.padding, available);
        this.padding -= n;
        pos += n;
        this.offset += n;
        if (this.padding === 0) this.mode = 'header';
      }
    }
  }

  /** Call when the input ends: throws if it ended in the middle of a member. */
  finish(): void {
    if (this.mode === 'end' || this.mode === 'padding') return;
    if (this.mode === 'header' && this.headerFill === 0) {
      if (this.headers === 0) throw new DataProblem('is empty: it holds no tar archive');
      return;
    }
    if (this.mode === 'header') {
      throw new DataProblem('is cut off: the archive ends in the middle of a member header');
    }
    const name = this.entry?.name ?? 'a long file name';
    const size = this.entry?.size ?? 0;
    throw new DataProblem(
      `is cut off: the archive ends inside ${name}, after ${formatCount(size - this.remaining)} of its ${formatCount(size)} bytes`,
    );
  }

  private readHeader(): void {
    const h = this.header;
    if (h.every((b) => b === 0)) {
      if (this.headers === 0)
        throw new DataProblem('is not a tar archive (it starts with an empty block)');
      this.mode = 'end';
      return;
    }
    if (!checksumOk(h)) {
      throw new DataProblem(
        this.headers === 0
          ? 'is not a tar archive (its first block is not a tar header)'
          : `is damaged: the tar header at byte ${this.offset - BLOCK} is not valid`,
      );
    }
    this.headers++;
    const type = String.fromCharCode(h[156]);
    const size = readNumber(h.subarray(124, 136));
    if (size < 0)
      throw new DataProblem(
        `is damaged: the member size in the tar header at byte ${this.offset - BLOCK} is not a number`,
      );
    this.remaining = size;
    this.padding = (BLOCK - (size % BLOCK)) % BLOCK;

    if (type === 'L' || type === 'x') {
      if (size > META_LIMIT) throw new DataProblem('is damaged: a member name record is too long');
      this.meta = { kind: type === 'L' ? 'longName' : 'pax', bytes: new Uint8Array(size), fill: 0 };
      this.entry = null;
      this.sink = null;
    } else {
      const name = this.nextName ?? headerName(h);
      this.nextName = null;
      const kind =
        type === '0' || type === '\0' || type === '7'
          ? 'file'
          : type === '5'
            ? 'directory'
            : 'other';
      this.entry = { name, size, kind };
      this.meta = null;
      this.sink = this.onEntry(this.entry);
    }
    if (size === 0) this.finishBody();
    else this.mode = 'body';
  }

  private finishBody(): void {
    if (this.meta) {
      const bytes = this.meta.bytes;
      if (this.meta.kind === 'longName') this.nextName = cString(bytes);
      else this.nextName = paxPath(bytes) ?? this.nextName;
      this.meta = null;
    } else {
      this.sink?.end();
      this.sink = null;
    }
    this.mode = this.padding > 0 ? 'padding' : 'header';
  }
}

/** False for names that could leave a folder they were extracted into: absolute, `..`, drive letters. */
export function isSafeMemberName(name: string): boolean {
  if (name.length === 0 || name.includes('\0')) return false;
  if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name)) return false;
  return !name.split(/[\\/]/).some((part) => part === '..');
}

/** The last part of a member path: `cifar-10-batches-bin/data_batch_1.bin` -> `data_batch_1.bin`. */
export function baseName(name: string): string {
  const parts = name.split('/').filter((p) => p.length > 0);
  return parts[parts.length - 1] ?? '';
}

function checksumOk(h: Uint8Array): boolean {
  const stored = readNumber(h.subarray(148, 156));
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i];
  return stored === sum;
}

/** Octal text (NUL or space terminated), or GNU base-256 when the top bit is set; -1 if neither. */
function readNumber(field: Uint8Array): number {
  if (field[0] & 0x80) {
    let value = field[0] & 0x7f;
    for (let i = 1; i < field.length; i++) value = value * 256 + field[i];
    return value;
  }
  const text = new TextDecoder()
    .decode(field)
    .replace(/[\0 ]+$/, '')
    .replace(/^[ ]+/, '');
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) return -1;
  return Number.parseInt(text, 8);
}

function cString(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  return new TextDecoder().decode(end < 0 ? bytes : bytes.subarray(0, end));
}

function headerName(h: Uint8Array): string {
  const name = cString(h.subarray(0, 100));
  // POSIX ustar splits long paths into prefix/name; old GNU headers use those bytes for other things.
  const posix = cString(h.subarray(257, 263)) === 'ustar' && h[262] === 0;
  const prefix = posix ? cString(h.subarray(345, 500)) : '';
  return prefix ? `${prefix}/${name}` : name;
}

/** The `path` value of a pax extended header ("<length> path=<value>\n" records, length in bytes). */
function paxPath(bytes: Uint8Array): string | null {
  const decoder = new TextDecoder();
  let pos = 0;
  let path: string | null = null;
  while (pos < bytes.length) {
    const space = bytes.indexOf(0x20, pos);
    if (space < 0) break;
    const length = Number.parseInt(decoder.decode(bytes.subarray(pos, space)), 10);
    if (!(length > space - pos) || pos + length > bytes.length) break;
    const record = decoder.decode(bytes.subarray(space + 1, pos + length - 1));
    const eq = record.indexOf('=');
    if (eq > 0 && record.slice(0, eq) === 'path') path = record.slice(eq + 1);
    pos += length;
  }
  return path;
}
