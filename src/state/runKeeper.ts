/**
 * Keeps every training run that finishes: when the training store starts a run, what it trains
 * with (the prototypes on screen, the data, the link) is noted; when it is done, that and its
 * result become a KeptRun in the run history (a run that fails is kept too, marked with its
 * reason). Changing the prototypes afterwards changes nothing kept. The one-click questions'
 * runs (keepQuestionRuns) join the same history, so they fill the same chart.
 */
import type { StoreApi } from 'zustand/vanilla';
import { subsetLabel, subsetSignature } from '../data/subsetSignature.ts';
import { runKey } from '../train/experiment/plan.ts';
import type { RunResult } from '../train/experiment/types.ts';
import type { LabellingName } from '../train/labellings/registry.ts';
import type { DataState } from './dataStore.ts';
import type { ExperimentRecord, ExperimentsState, FailedRun } from './experimentsStore.ts';
import type { LabState } from './labState.ts';
import type { KeptRun, RunHistory } from './runHistoryStore.ts';
import type { TrainState } from './trainStore.ts';
import { serialiseHash } from './urlHash.ts';
import { currentValues, stateHash } from './urlSync.ts';

type Noted = Omit<
  KeptRun,
  'id' | 'finishedAt' | 'testAccuracy' | 'perClassAccuracy' | 'timeMs' | 'classNames'
>;

/** What a run starting now trains with, or null without prototypes or data. */
function note(lab: LabState, train: StoreApi<TrainState>, data: StoreApi<DataState>): Noted | null {
  const current = lab.current;
  const subset = data.getState().subset;
  if (!current || !subset) return null;
  const { settings } = train.getState();
  return {
    data: subsetLabel(subset),
    dataSignature: subsetSignature(subset),
    method: current.method,
    N: current.N,
    n: current.n,
    seed: current.seed,
    maxCosine: current.metrics.maxCosine,
    minAngleDeg: current.metrics.minAngleDeg,
    meanCosine: current.metrics.meanCosine,
    labelling: settings.labelling,
    loss: settings.loss,
    mode: settings.mode,
    epochs: settings.epochs,
    trainSeed: settings.seed,
    hash: stateHash(lab, settings, data),
  };
}

/** Subscribes; returns the function that stops keeping. */
/** The stores a keeper reads what a run trained with from. */
interface KeeperStores {
  readonly lab: StoreApi<LabState>;
  readonly train: StoreApi<TrainState>;
  readonly data: StoreApi<DataState>;
}

export function keepFinishedRuns(
  stores: KeeperStores,
  history: Pick<RunHistory, 'add'>,
  now: () => number = () => Date.now(),
): () => void {
  let noted: Noted | null = null;
  let count = 0;
  return stores.train.subscribe((s, before) => {
    if (s.phase === before.phase) return;
    if (s.phase === 'starting' && before.phase !== 'paused') {
      noted = note(stores.lab.getState(), stores.train, stores.data);
    }
    const last = s.last;
    if (noted === null || s.run === null) return;
    let result: Pick<KeptRun, 'testAccuracy' | 'perClassAccuracy' | 'failed'>;
    if (s.phase === 'done' && last !== null) {
      result = { testAccuracy: last.testAccuracy, perClassAccuracy: [...last.perClassAccuracy] };
    } else if (s.phase === 'error' && s.error && s.error.kind !== 'input') {
      // A refused start (bad settings) is no run; one that broke down while training is.
      result = { testAccuracy: Number.NaN, perClassAccuracy: [], failed: s.error.message };
    } else return;
    const finishedAt = now();
    count += 1;
    history.add({
      ...noted,
      ...result,
      id: `r${finishedAt.toString(36)}${count.toString(36)}`,
      finishedAt,
      classNames: [...s.run.classNames],
      timeMs: s.epochs.at(-1)?.elapsedMs ?? 0,
    });
    noted = null;
  });
}

/**
 * Keeps the runs of the one-click questions (train/experiment/questions.ts) as they finish, and
 * the ones that fail: each becomes a KeptRun whose link puts its prototypes and labelling back.
 * Only runs reported while this page runs the experiment count; results read back from storage
 * are already in the history.
 */
export function keepQuestionRuns(
  stores: KeeperStores & { readonly experiments: StoreApi<ExperimentsState> },
  history: Pick<RunHistory, 'add'>,
  now: () => number = () => Date.now(),
): () => void {
  return stores.experiments.subscribe((s, before) => {
    const id = s.running?.id ?? before.running?.id;
    const record = s.experiments.find((e) => e.id === id);
    if (!id || !record?.spec.question) return;
    const added = (s.results[id] ?? []).slice((before.results[id] ?? []).length);
    const failed = (s.failures[id] ?? []).slice((before.failures[id] ?? []).length);
    if (added.length === 0 && failed.length === 0) return;
    const context = {
      record,
      lab: stores.lab.getState(),
      train: stores.train.getState(),
      data: stores.data,
    };
    for (const r of added) history.add(keptQuestionRun(context, r, now()));
    for (const f of failed) history.add(keptQuestionFailure(context, f, now()));
  });
}

interface QuestionContext {
  readonly record: ExperimentRecord;
  readonly lab: LabState;
  readonly train: TrainState;
  readonly data: StoreApi<DataState>;
}

const QUESTIONS: Record<string, string> = {
  separation: 'Does separation matter?',
  labelling: 'Does the labelling matter?',
};

/** What a question's run trained with, and the link that puts it back. */
function questionRunBase(
  { record, lab, train, data }: QuestionContext,
  run: { method: string; labelling: LabellingName; seed: number },
  finishedAt: number,
) {
  const { spec, dataset } = record;
  const { config } = spec;
  const settings = {
    ...train.settings,
    mode: config.mode,
    epochs: config.epochs,
    labelling: run.labelling,
    seed: run.seed,
  };
  const values = {
    ...currentValues(lab, settings, data),
    method: run.method,
    N: dataset.classNames.length,
    n: spec.n,
    seed: run.seed,
  };
  return {
    id: `${record.id}:${runKey(run.method, run.labelling, run.seed)}`,
    finishedAt,
    data: dataset.label,
    dataSignature: dataset.signature,
    method: run.method,
    N: dataset.classNames.length,
    n: spec.n,
    seed: run.seed,
    labelling: run.labelling,
    loss: config.loss,
    mode: config.mode,
    epochs: config.epochs,
    trainSeed: run.seed,
    classNames: [...dataset.classNames],
    hash: serialiseHash(values),
    hiddenUnits: config.hiddenUnits,
    question: QUESTIONS[spec.question ?? ''] ?? spec.title,
  };
}

function keptQuestionRun(context: QuestionContext, r: RunResult, finishedAt: number): KeptRun {
  return {
    ...questionRunBase(context, r, finishedAt),
    maxCosine: r.maxCosine,
    minAngleDeg: r.minAngleDeg,
    meanCosine: r.meanCosine,
    testAccuracy: r.testAccuracy,
    perClassAccuracy: [...r.perClassAccuracy],
    timeMs: r.timeMs,
  };
}

function keptQuestionFailure(context: QuestionContext, f: FailedRun, finishedAt: number): KeptRun {
  const [method, labelling, seed] = f.key.split('|');
  const run = { method, labelling: labelling as LabellingName, seed: Number(seed) };
  return {
    ...questionRunBase(context, run, finishedAt),
    maxCosine: Number.NaN,
    minAngleDeg: Number.NaN,
    meanCosine: Number.NaN,
    testAccuracy: Number.NaN,
    perClassAccuracy: [],
    timeMs: 0,
    failed: f.message,
  };
}
