import { computeGeometry } from './sceneGeometryHost.ts';
import type {
  FromGeometry,
  GeometryAnswer,
  GeometryRequest,
  ToGeometry,
} from './sceneGeometryProtocol.ts';

export interface GeometryWorkerLike {
  postMessage(message: ToGeometry, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromGeometry>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

interface Job {
  readonly slot: string;
  readonly request: GeometryRequest;
  readonly onAnswer: (answer: GeometryAnswer) => void;
  readonly onError: (message: string) => void;
}

/**
 * One worker, one job at a time, and for each slot (a view's overlay) only the NEWEST request
 * waits: while the worker computes, later requests for the same slot replace each other, so a
 * live optimisation sending 20 updates a second gets overlays as fast as the worker can make
 * them, never a growing queue. Without a worker (`makeWorker` null) jobs run in-process on a
 * timer, still one at a time.
 */
export function createGeometryClient(makeWorker: (() => GeometryWorkerLike) | null) {
  let worker: GeometryWorkerLike | null = null;
  let running: { id: number; job: Job } | null = null;
  const waiting = new Map<string, Job>();
  let nextId = 1;

  function finish(id: number, result: { answer: GeometryAnswer } | { error: string }): void {
    if (!running || running.id !== id) return;
    const { job } = running;
    running = null;
    // Delivered even when a newer request of the slot waits: during a live optimisation there
    // always is one, and a slightly old overlay beats none.
    if ('answer' in result) job.onAnswer(result.answer);
    else job.onError(result.error);
    pump();
  }

  function ensure(): GeometryWorkerLike | null {
    if (worker || !makeWorker) return worker;
    const w = makeWorker();
    w.onmessage = (event) => {
      const m = event.data;
      finish(m.id, m.type === 'done' ? { answer: m.answer } : { error: m.message });
    };
    w.onerror = (event) => {
      event.preventDefault?.();
      w.terminate();
      if (worker === w) worker = null;
      if (running)
        finish(running.id, { error: `the geometry worker stopped (${event.message || 'error'})` });
    };
    worker = w;
    return w;
  }

  function pump(): void {
    if (running) return;
    const next = waiting.entries().next();
    if (next.done) return;
    const [slot, job] = next.value;
    waiting.delete(slot);
    const id = nextId++;
    running = { id, job };
    const w = ensure();
    // The data is copied, not transferred: the caller keeps drawing from its own array.
    if (w) w.postMessage({ id, request: job.request }, []);
    else
      setTimeout(() => {
        try {
          finish(id, { answer: computeGeometry(job.request) });
        } catch (error) {
          finish(id, { error: error instanceof Error ? error.message : String(error) });
        }
      }, 0);
  }

  return {
    /** Asks for an overlay; a pending request of the same slot is replaced (its callback never runs). */
    request(
      slot: string,
      request: GeometryRequest,
      onAnswer: (answer: GeometryAnswer) => void,
      onError: (message: string) => void = () => {},
    ): void {
      waiting.delete(slot);
      waiting.set(slot, { slot, request, onAnswer, onError });
      pump();
    },
    /** Forgets a slot's pending request (its view went away); a running one is answered to nobody. */
    forget(slot: string): void {
      waiting.delete(slot);
      if (running?.job.slot === slot)
        running = {
          id: running.id,
          job: { ...running.job, onAnswer: () => {}, onError: () => {} },
        };
    },
    /** True while a job is being computed. */
    get busy(): boolean {
      return running !== null;
    },
    dispose(): void {
      worker?.terminate();
      worker = null;
      running = null;
      waiting.clear();
    },
  };
}

export type GeometryClient = ReturnType<typeof createGeometryClient>;

let shared: GeometryClient | null = null;

/** The page's geometry client: a real worker in the browser, in-process where there is none. */
export function sceneGeometryClient(): GeometryClient {
  shared ??= createGeometryClient(
    typeof Worker === 'undefined'
      ? null
      : () =>
          new Worker(new URL('../workers/sceneGeometry.worker.ts', import.meta.url), {
            type: 'module',
            name: 'scene geometry',
          }) as unknown as GeometryWorkerLike,
  );
  return shared;
}
