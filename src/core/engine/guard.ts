/**
 * Cooperative cancellation for long computations. Work is counted in multiply-adds; every
 * `pollWork` of them (a few milliseconds) the guard asks `shouldStop` and looks at the clock,
 * and throws StopRequested when either says stop. Loops call `tick` per block of rows, so even a
 * single huge pass (N = 20000) stops within milliseconds, not at its end.
 */
export class StopRequested extends Error {
  override name = 'StopRequested';
  /** 'optimal': a search found a configuration that meets a lower bound (nothing can beat it). */
  constructor(readonly reason: 'cancelled' | 'deadline' | 'optimal') {
    super(STOP_MESSAGES[reason]);
  }
}

const STOP_MESSAGES = {
  cancelled: 'stopped on request',
  deadline: 'time budget spent',
  optimal: 'optimal: a lower bound is met',
} as const;

export interface Guard {
  /** Counts `units` multiply-adds of work; may throw StopRequested. */
  tick(units: number): void;
  /** Polls now, whatever the work count. */
  poll(): void;
  /** Milliseconds since the guard was made. */
  elapsed(): number;
  /** Moves the hard deadline (ms after the guard was made; Infinity = none). */
  setDeadline(ms: number): void;
  /** Replaces the function called at every poll (progress reports from inside long passes). */
  setOnPoll(onPoll: (() => void) | undefined): void;
}

/** About 2-5 ms of typed-array arithmetic in a JS engine. */
export const POLL_WORK = 2e6;

export interface GuardOptions {
  readonly now: () => number;
  readonly shouldStop?: () => boolean;
  /** Called at every poll (progress reporting, live views). */
  readonly onPoll?: () => void;
  readonly pollWork?: number;
}

export function createGuard(options: GuardOptions): Guard {
  const { now, shouldStop } = options;
  let onPoll = options.onPoll;
  const pollWork = options.pollWork ?? POLL_WORK;
  const start = now();
  let deadline = Number.POSITIVE_INFINITY;
  let pending = 0;
  const poll = (): void => {
    pending = 0;
    if (shouldStop?.()) throw new StopRequested('cancelled');
    if (now() - start > deadline) throw new StopRequested('deadline');
    onPoll?.();
  };
  return {
    tick(units) {
      pending += units;
      if (pending >= pollWork) poll();
    },
    poll,
    elapsed: () => now() - start,
    setDeadline(ms) {
      deadline = ms;
    },
    setOnPoll(f) {
      onPoll = f;
    },
  };
}
