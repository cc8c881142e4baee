/**
 * A problem with some input, in words a student understands. `file` names the file (and, for an
 * archive, the member) the problem is in; `problem` continues it as a sentence ("is cut off ...",
 * "has label 12 at image 5 ..."), and the message is the two together.
 */
export class DataError extends Error {
  readonly file: string;
  readonly problem: string;

  constructor(file: string, problem: string) {
    super(`${file} ${problem}`);
    this.name = 'DataError';
    this.file = file;
    this.problem = problem;
  }
}

/**
 * A problem found deep inside a reader that does not know the file name, worded to follow it
 * ("is cut off ..."); the caller that knows the name turns it into a DataError with `inFile`.
 */
export class DataProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataProblem';
  }
}

/** Thrown when the user cancels a load. */
export class LoadCancelled extends Error {
  constructor() {
    super('loading was cancelled');
    this.name = 'LoadCancelled';
  }
}

/** Turns a DataProblem into a DataError naming `file`; passes anything else through. */
export function inFile(file: string, error: unknown): unknown {
  if (error instanceof DataProblem) return new DataError(file, error.message);
  return error;
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new LoadCancelled();
}

/** 3074000 -> "3,074,000" (messages quote sizes so that they can be checked by hand). */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
