import { useTrain, useTrainStore } from '../../state/labContext.ts';
import { BACKEND_LABEL, type BackendProbe } from '../../train/browser/choose.ts';
import { durationText, rateText } from './format.ts';

/** A stable empty list (a fresh [] per call would re-render forever). */
const NO_PROBES: readonly BackendProbe[] = [];

const PHASE_WORD = {
  idle: 'Not started',
  starting: 'Starting',
  training: 'Training',
  paused: 'Paused',
  done: 'Finished',
  stopped: 'Stopped',
  error: 'Stopped by an error',
} as const;

/** What the run is doing, the preparation's progress, the tensor check and any error. */
export function TrainStatus() {
  const train = useTrainStore();
  const phase = useTrain((s) => s.phase);
  const status = useTrain((s) => s.status);
  const prepare = useTrain((s) => s.prepare);
  const error = useTrain((s) => s.error);
  const leak = useTrain((s) => s.leak);
  const epochs = useTrain((s) => s.epochs);
  const probes = useTrain((s) => s.backend?.probes ?? NO_PROBES);
  const features = useTrain((s) => s.features);
  const firstStepMs = useTrain((s) => s.firstStepMs);
  const savedEpoch = useTrain((s) => s.savedEpoch);
  const last = epochs[epochs.length - 1];
  const others =
    error?.kind === 'device-lost'
      ? probes.filter((p) => p.available && p.name !== error.backend)
      : [];
  return (
    <div className="train-status">
      <p data-testid="train-phase" data-phase={phase}>
        <strong>{PHASE_WORD[phase]}</strong>
        {status && phase !== 'done' && phase !== 'stopped' && ` · ${status}`}
      </p>
      {prepare && prepare.total > 0 && (
        <div className="train-prepare">
          <progress value={prepare.done} max={prepare.total} />
          <span className="hint">
            Computing features: {prepare.done.toLocaleString('en-US')} of{' '}
            {prepare.total.toLocaleString('en-US')} images
          </span>
        </div>
      )}
      {(features || firstStepMs !== null) && (
        <p className="hint" data-testid="train-timing">
          {features &&
            `Features: ${features.images.toLocaleString('en-US')} images in ${durationText(features.ms)} (${rateText((1000 * features.images) / Math.max(1, features.ms))}${featureBackendText(features.backend)}). `}
          {firstStepMs !== null && `First step done ${durationText(firstStepMs)} after Start.`}
        </p>
      )}
      {last && (
        <p
          className={`hint ${leak ? 'warning' : ''}`}
          data-testid="train-tensors"
          data-tensors={epochs.map((e) => e.numTensors).join(',')}
        >
          {leak ??
            `Tensors after each epoch: ${last.numTensors.toLocaleString('en-US')} (${epochs.length > 1 ? 'unchanged, no leak' : 'the reference for the next epochs'})`}
        </p>
      )}
      {error && (
        <div
          className="error train-error"
          role="alert"
          data-testid="train-error"
          data-kind={error.kind}
        >
          <p>
            {error.kind === 'training' && 'Training stopped: '}
            {error.kind === 'input' && 'Cannot train: '}
            {error.kind === 'internal' && 'Something went wrong: '}
            {error.message}
            {error.kind === 'training' &&
              /nan|finite/i.test(error.message) &&
              ' A smaller learning rate, or a larger τ, usually keeps the loss finite.'}
          </p>
          {others.length > 0 && (
            <p className="button-row">
              {others.map((p) => (
                <button
                  key={p.name}
                  type="button"
                  data-testid={`train-continue-${p.name}`}
                  onClick={() => train.getState().continueOn(p.name)}
                >
                  {savedEpoch
                    ? `Go on from epoch ${savedEpoch} on ${BACKEND_LABEL[p.name]}`
                    : `Train on ${BACKEND_LABEL[p.name]} instead`}
                </button>
              ))}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

/** Where the features were computed, in words (nothing when it is the training backend). */
function featureBackendText(backend: string | undefined): string {
  return backend === 'wasm' ? ', on WebAssembly' : '';
}
