import { useLab } from '../state/store.ts';
import { fixed } from './format.ts';

/**
 * The running optimisation: progress, live max cosine, and pause / step / cancel. Updates arrive
 * from the worker about 20 times a second (throttled there), never once per optimiser step.
 */
export function JobBar() {
  const job = useLab((s) => s.job);
  const pauseJob = useLab((s) => s.pauseJob);
  const resumeJob = useLab((s) => s.resumeJob);
  const stepJob = useLab((s) => s.stepJob);
  const cancelJob = useLab((s) => s.cancelJob);
  if (!job) return null;
  const percent = Math.round(job.fraction * 100);
  return (
    <section className="card job" aria-label="Running optimisation" data-testid="job">
      <div className="job-head">
        <span>{job.paused ? 'Paused' : 'Optimising'}</span>
        <span data-testid="job-step">
          {job.totalSteps ? `step ${job.step} / ${job.totalSteps}` : 'starting'}
        </span>
      </div>
      <progress max={100} value={percent} aria-label="progress" />
      {job.maxCosine !== null && (
        <p className="job-metric">
          max cosine now <strong data-testid="job-max-cosine">{fixed(job.maxCosine, 4)}</strong>
        </p>
      )}
      <div className="job-buttons">
        {job.paused ? (
          <button type="button" onClick={resumeJob}>
            Resume
          </button>
        ) : (
          <button type="button" onClick={pauseJob}>
            Pause
          </button>
        )}
        <button type="button" onClick={() => stepJob(1)}>
          Step
        </button>
        <button type="button" onClick={cancelJob}>
          Cancel
        </button>
      </div>
    </section>
  );
}
