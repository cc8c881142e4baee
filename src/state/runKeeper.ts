/**
 * Keeps every training run that finishes: when the training store starts a run, what it trains
 * with (the prototypes on screen, the data, the link) is noted; when it is done, that and its
 * result become a KeptRun in the run history. Changing the prototypes afterwards changes
 * nothing kept.
 */
import type { StoreApi } from 'zustand/vanilla';
import { subsetLabel, subsetSignature } from '../data/subsetSignature.ts';
import type { DataState } from './dataStore.ts';
import type { LabState } from './labState.ts';
import type { KeptRun, RunHistory } from './runHistoryStore.ts';
import type { TrainState } from './trainStore.ts';
import { stateHash } from './urlSync.ts';

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
export function keepFinishedRuns(
  stores: {
    readonly lab: StoreApi<LabState>;
    readonly train: StoreApi<TrainState>;
    readonly data: StoreApi<DataState>;
  },
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
    if (s.phase !== 'done' || noted === null || last === null || s.run === null) return;
    const finishedAt = now();
    count += 1;
    history.add({
      ...noted,
      id: `r${finishedAt.toString(36)}${count.toString(36)}`,
      finishedAt,
      testAccuracy: last.testAccuracy,
      perClassAccuracy: [...last.perClassAccuracy],
      classNames: [...s.run.classNames],
      timeMs: s.epochs.at(-1)?.elapsedMs ?? 0,
    });
    noted = null;
  });
}
