import { useEffect, useMemo, useRef } from 'react';
import { buildTrainInput } from '../../jobs/trainInput.ts';
import { EmbeddingScene } from '../../scene/embedding/EmbeddingScene.tsx';
import type { LabStores } from '../../state/labContext.ts';
import { useData, useLab, useLabStores, useTrain } from '../../state/labContext.ts';
import { configOf, type EpochPoint, type TrainState } from '../../state/trainStore.ts';
import { BackendBadge } from './BackendBadge.tsx';
import { ConfusionMatrix } from './ConfusionMatrix.tsx';
import { Curves } from './Curves.tsx';
import { Examples } from './Examples.tsx';
import { GoToData } from './GoToData.tsx';
import { RunHistory } from './RunHistory.tsx';
import { StoryActions } from './StoryActions.tsx';
import { TrainControls } from './TrainControls.tsx';
import { TrainSettingsForm } from './TrainSettingsForm.tsx';
import { TrainStatus } from './TrainStatus.tsx';
import './training.css';

/** What `__hypersphereTraining.snapshot()` returns: the run so far, as plain data. */
export interface TrainingSnapshot {
  readonly phase: string;
  readonly backend: string | null;
  readonly reason: string | null;
  readonly probes: readonly { name: string; kind: string; imagesPerSecond?: number }[];
  readonly firstStepMs: number | null;
  readonly features: TrainState['features'];
  /** Feature passes computed in this page (a run on the same images reuses the last one's). */
  readonly featurePasses: number;
  readonly steps: number;
  readonly imagesPerSecond: number;
  readonly epochs: readonly EpochPoint[];
  /** Epochs saved in the newest checkpoint (what a lost device goes on from). */
  readonly savedEpoch: number | null;
  /** The labelling's class -> prototype assignment the worker last reported. */
  readonly assignment: number[] | null;
  readonly error: string | null;
}

declare global {
  interface Window {
    __hypersphereTraining?: { loseDevice(): void; snapshot(): TrainingSnapshot };
  }
}

function snapshot({ train, trainLive }: LabStores): TrainingSnapshot {
  const s = train.getState();
  const live = trainLive.getState();
  return {
    phase: s.phase,
    backend: s.backend?.name ?? null,
    reason: s.backend?.reason ?? null,
    probes:
      s.backend?.probes.map(({ name, kind, imagesPerSecond }) => ({
        name,
        kind,
        imagesPerSecond,
      })) ?? [],
    firstStepMs: s.firstStepMs,
    features: s.features,
    featurePasses: s.featurePasses,
    steps: live.batchLoss.length,
    imagesPerSecond: live.imagesPerSecond,
    epochs: s.epochs,
    savedEpoch: s.savedEpoch,
    assignment: s.run?.input.assignment ? Array.from(s.run.input.assignment) : null,
    error: s.error?.message ?? null,
  };
}

/**
 * Training in the browser: a small network learns to map the data panel's CIFAR images onto
 * the explorer's prototypes. Everything heavy runs in the training worker; this panel shows the
 * settings, the backend, the curves, the embeddings, the confusion matrix and examples, and
 * every kept run's separation against its accuracy.
 */
export function TrainingPanel() {
  const subset = useData((s) => s.subset);
  const codebook = useLab((s) => s.current?.codebook ?? null);
  const stores = useLabStores();
  const settings = useTrain((s) => s.settings);
  const phase = useTrain((s) => s.phase);
  const hasRun = useTrain((s) => s.run !== null);
  const ready = useMemo(
    () => buildTrainInput(subset, codebook, configOf(settings)),
    [subset, codebook, settings],
  );
  useEffect(() => {
    // For tests, benchmarks and the curious: the run as data, and a GPU lost on purpose.
    window.__hypersphereTraining = {
      loseDevice: () => stores.train.getState().loseDevice(),
      snapshot: () => snapshot(stores),
    };
    return () => {
      window.__hypersphereTraining = undefined;
    };
  }, [stores]);
  const running = phase === 'starting' || phase === 'training' || phase === 'paused';
  const panelRef = useRef<HTMLElement>(null);
  return (
    <div className="train-section">
      <section
        ref={panelRef}
        className="card train-panel"
        aria-labelledby="train-title"
        data-testid="train-panel"
      >
        <h2 id="train-title">Training</h2>
        <div className="train-layout">
          <div className="train-side">
            {!ready.ok && (
              <p className="hint train-howto" data-testid="train-howto">
                {ready.problem}
              </p>
            )}
            <GoToData panel={panelRef} />
            {ready.ok && !running && (
              <p className="hint" data-testid="train-ready">
                Ready: {ready.input.train.count.toLocaleString('en-US')} training and{' '}
                {ready.input.test.count.toLocaleString('en-US')} test images,{' '}
                {ready.classNames.length} classes, onto {ready.input.prototypes.N} prototypes in R
                <sup>{ready.input.prototypes.n}</sup>.
              </p>
            )}
            <TrainSettingsForm disabled={running} />
            <BackendBadge locked={running} />
            <TrainControls ready={ready} />
            <TrainStatus />
          </div>
          <div className="train-main">
            {hasRun && (
              <div className="train-views">
                <EmbeddingScene />
                <div className="train-charts">
                  <Curves />
                  <ConfusionMatrix />
                </div>
                <Examples />
              </div>
            )}
            {/* Kept runs outlive the page, so the history shows before any run of this visit. */}
            <StoryActions />
            <RunHistory />
          </div>
        </div>
      </section>
    </div>
  );
}
