import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TRAIN_CONFIG, type TrainInput } from '../train/types.ts';
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
  const made: (TrainWorkerLike & { sent: ToTrainWorker[]; terminated: boolean })[] = [];
  const make = () => {
    const w = {
      sent: [] as ToTrainWorker[],
      terminated: false,
      onmessage: null as ((e: MessageEvent<FromTrainWorker>) => void) | null,
      onerror: null as ((e: ErrorEvent) => void) | null,
      postMessage(m: ToTrainWorker) {
        w.sent.push(m);
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
});
