/**
 * The talk's two questions beside the chart of kept runs: one click trains a small set of runs
 * on the loaded data (an experiment, train/experiment/questions.ts), each finished run joins the
 * chart as it ends (state/runKeeper.ts), and the answer ends in one sentence computed from them.
 */
import { useEffect, useMemo, useState } from 'react';
import { subsetSignature } from '../../data/subsetSignature.ts';
import { useData, useExperiments, useLabStores } from '../../state/labContext.ts';
import { planRuns } from '../../train/experiment/plan.ts';
import { progressText } from '../experiments/progressText.ts';
import { Questions, Verdict } from '../experiments/Questions.tsx';

export function StoryActions() {
  const { experiments } = useLabStores();
  useEffect(() => void experiments.init(), [experiments]);
  const [problem, setProblem] = useState<string | null>(null);
  const subset = useData((s) => s.subset);
  const signature = useMemo(() => (subset ? subsetSignature(subset) : null), [subset]);
  // The newest question asked on this data.
  const record = useExperiments((s) =>
    [...s.experiments].reverse().find((e) => e.spec.question && e.dataset.signature === signature),
  );
  const results = useExperiments((s) => (record ? s.results[record.id] : undefined));
  const running = useExperiments((s) => (s.running?.id === record?.id ? s.running : null));
  const total = record ? planRuns(record.spec).length : 0;
  return (
    <section className="story-actions" aria-label="One-click questions" data-testid="story-actions">
      <Questions onProblem={setProblem} />
      {problem && (
        <p className="error" role="alert" data-testid="question-problem">
          {problem}
        </p>
      )}
      {record && (record.status === 'running' || record.status === 'queued') && (
        <p className="hint story-progress" data-testid="question-progress" aria-live="polite">
          {record.spec.title}: {results?.length ?? 0} of {total} runs
          {running?.progress ? `; ${progressText(running.progress, running, total)}` : ''}{' '}
          <button type="button" onClick={() => experiments.cancel(record.id)}>
            Cancel
          </button>
        </p>
      )}
      {record?.status === 'cancelled' && (
        <p className="hint" data-testid="question-progress">
          {record.spec.title}: cancelled after {results?.length ?? 0} of {total} runs; the finished
          ones stay on the chart.
        </p>
      )}
      {record && <Verdict record={record} results={results ?? []} />}
    </section>
  );
}
