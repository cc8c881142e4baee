import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TRAIN_CONFIG, type TrainInput } from '../train/types.ts';
import { COPY_IN_SLICES_ABOVE } from './sliceCopy.ts';
import {
  createTrainClient,
  STOP_GRACE_MS,
  type TrainEvent,
  type TrainWorkerLike,
} from './trainClient.ts';
import type { FromTrainWorker, ToTrainWorker } from './trainProtocol.ts';

const input = {
  train: { count: 1, pixels: new Uint8Array(3072), labels: new Uint8Array(1) },
  test: { count: 1, pixels: new Uint8Array(3072), labels: new Uint8Array(1) },
  classCount: 2,
  prototypes: { N: 2, n: 2, data: Float64Array.of(1, 0, -1, 0) },
  config: DEFAULT_TRAIN_CONFIG,
} satisfies TrainInput;

/** Workers that record what they are sent and can answer. */
function fakeWorkers() {
  const made: (TrainWorkerLike & {
    sent: ToTrainWorker[];
    transferred: Transferable[][];
    terminated: boolean;
  })[] = [];
  const make = () => {
    const w = {
      sent: [] as ToTrainWorker[],
      transferred: [] as Transferable[][],
      terminated: false,
      onmessage: null as ((e: MessageEvent<FromTrainWorker>) => void) | null,
      onerror: null as ((e: ErrorEvent) => void) | null,
      postMessage(m: ToTrainWorker, transfer: Transferable[] = []) {
        w.sent.push(m);
        w.transferred.push(transfer);
      },
      terminate() {
        w.terminated = true;
      },
    };
    made.push(w);
    return w;
  };
  const reply = (m: FromTrainWorker, i = made.length - 1) =>
    made[i].onmessage?.({ data: m } as MessageEvent<FromTrainWorker>);
  return { made, make, reply };
}

afterEach(() => vi.useRealTimers());

describe('training client', () => {
  it('passes the run’s messages on and drops those of a replaced run', () => {
    const w = fakeWorkers();
    const client = createTrainClient(w.make);
    const first: TrainEvent[] = [];
    const second: TrainEvent[] = [];
    const id1 = client.start(input, { backend: 'auto' }, (e) => first.push(e));
    const id2 = client.start(input, { backend: 'cpu' }, (e) => second.push(e));
    expect(w.made).toHaveLength(1);
    expect(w.made[0].sent.map((m) => m.type)).toEqual(['start', 'stop', 'start']);
    expect(first).toEqual([{ type: 'stopped', jobId: id1 }]);
    w.reply({ type: 'status', jobId: id1, text: 'old' });
    w.reply({ type: 'status', jobId: id2, text: 'new' });
    expect(second).toEqual([{ type: 'status', jobId: id2, text: 'new' }]);
    client.pause();
    client.step();
    expect(w.made[0].sent.slice(-2)).toEqual([
      { type: 'pause', jobId: id2 },
      { type: 'step', jobId: id2 },
    ]);
  });

  it('ends a worker stuck in a long step when Stop is not confirmed in time', () => {
    vi.useFakeTimers();
    const w = fakeWorkers();
    const client = createTrainClient(w.make);
    const events: TrainEvent[] = [];
    const id = client.start(input, { backend: 'webgpu' }, (e) => events.push(e));
    client.stop();
    vi.advanceTimersByTime(STOP_GRACE_MS - 1);
    expect(w.made[0].terminated).toBe(false);
    vi.advanceTimersByTime(1);
    expect(w.made[0].terminated).toBe(true);
    expect(events).toEqual([{ type: 'stopped', jobId: id }]);
    expect(client.busy).toBe(false);
    client.start(input, { backend: 'cpu' }, () => {});
    expect(w.made).toHaveLength(2);
  });

  it('reports a crashed worker and uses a fresh one for a run after a lost device', () => {
    const w = fakeWorkers();
    const client = createTrainClient(w.make);
    const events: TrainEvent[] = [];
    const id = client.start(input, { backend: 'webgl' }, (e) => events.push(e));
    w.made[0].onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
    expect(events).toEqual([
      { type: 'crash', jobId: id, message: 'the training worker stopped unexpectedly (boom)' },
    ]);
    client.start(input, { backend: 'webgl' }, () => {});
    client.start(input, { backend: 'cpu', freshWorker: true }, () => {});
    expect(w.made).toHaveLength(3);
    expect(w.made[1].terminated).toBe(true);
  });

  describe('a large subset', () => {
    // Just over the limit in training images: copied in slices, the copy transferred.
    const count = Math.ceil(COPY_IN_SLICES_ABOVE / 3072);
    const pixels = new Uint8Array(count * 3072);
    for (let i = 0; i < pixels.length; i += 997) pixels[i] = (i / 997) & 255;
    const big = {
      ...input,
      train: { count, pixels, labels: new Uint8Array(count) },
    } satisfies TrainInput;
    const started = async (w: ReturnType<typeof fakeWorkers>) => {
      await vi.waitFor(() => expect(w.made[0]?.sent.length ?? 0).toBeGreaterThan(0));
      return w.made[0];
    };

    it('starts once a copy is made, transferring the copy and keeping the page’s images', async () => {
      const w = fakeWorkers();
      const client = createTrainClient(w.make);
      const id = client.start(big, { backend: 'cpu' }, () => {});
      // Nothing is sent in the click's own task; a pause meanwhile follows the start.
      expect(w.made[0]?.sent ?? []).toEqual([]);
      client.pause();
      const worker = await started(w);
      expect(worker.sent.map((m) => m.type)).toEqual(['start', 'pause']);
      const start = worker.sent[0] as Extract<ToTrainWorker, { type: 'start' }>;
      expect(start.jobId).toBe(id);
      const sentPixels = start.input.train.pixels;
      expect(sentPixels === pixels).toBe(false);
      expect(Buffer.from(sentPixels).equals(Buffer.from(pixels))).toBe(true);
      const [trainBuffer, testBuffer, ...more] = worker.transferred[0];
      expect(trainBuffer === sentPixels.buffer).toBe(true);
      expect(testBuffer === start.input.test.pixels.buffer).toBe(true);
      expect(more).toHaveLength(0);
      expect(Buffer.from(start.input.test.pixels).equals(Buffer.from(input.test.pixels))).toBe(
        true,
      );
      // The page's own subset is untouched (not detached) and the rest of the input is as given.
      expect(pixels.byteLength).toBe(count * 3072);
      expect(start.input.prototypes).toBe(big.prototypes);
    });

    it('a copy that cannot be made (no memory) ends the run with a message, and the next run starts', async () => {
      // Pixels too long for any array: allocating the copy fails as on a device short of memory.
      const huge = { byteLength: pixels.byteLength, length: 2 ** 53 } as unknown as Uint8Array;
      const w = fakeWorkers();
      const client = createTrainClient(w.make);
      const events: TrainEvent[] = [];
      const id = client.start(
        { ...big, train: { ...big.train, pixels: huge } },
        { backend: 'cpu' },
        (e) => events.push(e),
      );
      await vi.waitFor(() => expect(events).toHaveLength(1));
      expect(events[0]).toMatchObject({ type: 'crash', jobId: id });
      expect((events[0] as { message: string }).message).toMatch(
        /^the images could not be copied for training \(.+\): choose fewer classes/,
      );
      expect(client.busy).toBe(false);
      const next = client.start(input, { backend: 'cpu' }, () => {});
      expect(w.made.flatMap((m) => m.sent).map((m) => [m.type, m.jobId])).toEqual([
        ['start', next],
      ]);
    });

    it('a Stop while copying ends the run at once and never starts it', async () => {
      const w = fakeWorkers();
      const client = createTrainClient(w.make);
      const events: TrainEvent[] = [];
      const id = client.start(big, { backend: 'cpu' }, (e) => events.push(e));
      client.stop();
      expect(events).toEqual([{ type: 'stopped', jobId: id }]);
      expect(client.busy).toBe(false);
      // A new run started after it is the one that reaches the worker.
      const next = client.start(input, { backend: 'cpu' }, () => {});
      await new Promise((resolve) => setTimeout(resolve, 100));
      const sent = w.made.flatMap((m) => m.sent);
      expect(sent.map((m) => [m.type, m.jobId])).toEqual([['start', next]]);
    });
  });
});
