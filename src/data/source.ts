import { throwIfAborted } from './errors.ts';

/**
 * Something with a name, a size and a stream of bytes: a browser `File`, a Node file opened with
 * `openAsBlob` (see node/readFile.ts), or a fetched response (see fetchSource.ts).
 */
export interface ByteSource {
  readonly name: string;
  /** Size in bytes; -1 when unknown (a response without Content-Length). */
  readonly size: number;
  stream(): ReadableStream<Uint8Array>;
}

export interface ReadOptions {
  readonly signal?: AbortSignal;
  /** Called with the number of new bytes read from the source (before any decompression). */
  readonly onBytes?: (bytes: number) => void;
}

/**
 * The chunks of a stream, one at a time; stops (and releases the stream) when the signal aborts
 * or the consumer stops early.
 */
export async function* chunksOf(
  stream: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      throwIfAborted(signal);
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      if (value.length > 0) yield value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

/** Reads the first `want` bytes (or fewer, at the end) and gives back a stream that still starts at byte 0. */
export async function peek(
  stream: ReadableStream<Uint8Array>,
  want: number,
): Promise<{ head: Uint8Array; stream: ReadableStream<Uint8Array> }> {
  const reader = stream.getReader();
  const seen: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < want) {
    const next = await reader.read();
    if (next.done) {
      done = true;
      break;
    }
    seen.push(next.value);
    length += next.value.length;
  }
  const head = new Uint8Array(Math.min(length, want));
  let offset = 0;
  for (const chunk of seen) {
    if (offset >= head.length) break;
    const part = chunk.subarray(0, head.length - offset);
    head.set(part, offset);
    offset += part.length;
  }
  const replay = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of seen) controller.enqueue(chunk);
      if (done) controller.close();
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return { head, stream: replay };
}

/** The source's stream, reporting each chunk's size to `onBytes` as it passes. */
export function countedStream(
  source: ByteSource,
  options: ReadOptions,
): ReadableStream<Uint8Array> {
  const stream = source.stream();
  const { onBytes } = options;
  if (!onBytes) return stream;
  return stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        onBytes(chunk.length);
        controller.enqueue(chunk);
      },
    }),
  );
}

/** Reads a small source completely (label-name files); refuses anything over `limit` bytes. */
export async function readSmall(
  stream: ReadableStream<Uint8Array>,
  limit: number,
  signal?: AbortSignal,
): Promise<Uint8Array | null> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of chunksOf(stream, signal)) {
    length += chunk.length;
    if (length > limit) return null;
    parts.push(chunk);
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
