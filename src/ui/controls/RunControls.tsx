import { fixed } from '../../scene/format.ts';
import { useLab } from '../../state/labContext.ts';
import { SpeedControl } from './SpeedControl.tsx';

/**
 * Run, pause, single-step, reset (run again from the seed) and cancel, with the running job's
 * progress and the animation speed. Progress arrives from the worker about 20 times a second
 * (throttled there), never once per optimiser step.
 */
export function RunControls() {
  const job = useLab((s) => s.job);
  const current = useLab((s) => s.current);
  const pauseJob = useLab((s) => s.pauseJob);
  const resumeJob = useLab((s) => s.resumeJob);
  const stepJob = useLab((s) => s.stepJob);
  const cancelJob = useLab((s) => s.cancelJob);
  const restartJob = useLab((s) => s.restartJob);
  const percent = job ? Math.round(job.fraction * 100) : 0;

  return (
    <section className="card job" aria-label="Optimisation" data-testid="run-controls">
      {job ? (
        <div data-testid="job">
          <div className="job-head">
            <span>{job.paused ? 'Paused' : 'Optimising'}</span>
            <span data-testid="job-step">
              {job.totalSteps ? `step ${job.step} / ${job.totalSteps}` : 'starting'}
            </span>
          </div>
          <progress max={100} value={percent} aria-label="progress" />
          <p className="job-metric">
            max cosine now{' '}
            <strong data-testid="job-max-cosine">
              {job.maxCosine === null ? '\u2013' : fixed(job.maxCosine, 4)}
            </strong>
          </p>
        </div>
      ) : (
        <div className="job-head" data-testid="run-status">
          <span>{current ? 'Done' : 'Ready'}</span>
          <span>
            {current?.steps ? `${current.steps} steps` : ''}
            {current ? ` \u00b7 ${(current.timeMs / 1000).toFixed(2)} s` : ''}
          </span>
        </div>
      )}
      <div className="job-buttons">
        {!job ? (
          <button
            type="button"
            onClick={() => restartJob()}
            title="Make the prototypes again from the seed"
          >
            Run
          </button>
        ) : job.paused ? (
          <button type="button" onClick={resumeJob}>
            Resume
          </button>
        ) : (
          <button type="button" onClick={pauseJob}>
            Pause
          </button>
        )}
        <button type="button" onClick={() => stepJob(1)} title="One optimiser step (pauses)">
          Step
        </button>
        <button
          type="button"
          onClick={() => restartJob(job?.paused ?? false)}
          disabled={!job}
          title="Start again from step 0 with the same seed"
        >
          Reset
        </button>
        <button type="button" onClick={cancelJob} disabled={!job}>
          Cancel
        </button>
      </div>
      <SpeedControl />
    </section>
  );
}
