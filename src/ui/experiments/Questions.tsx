/**
 * The talk's two questions, one click each, on the loaded data: they queue an experiment
 * (train/experiment/questions.ts) whose result ends in one sentence (Verdict below).
 */
import { METHODS } from '../../core/methods/registry.ts';
import type { ExperimentRecord } from '../../state/experimentsStore.ts';
import { useData, useLab, useLabStores } from '../../state/labContext.ts';
import {
  canRun,
  labellingQuestion,
  QUESTION_CONFIG,
  separationQuestion,
} from '../../train/experiment/questions.ts';
import type { RunResult } from '../../train/experiment/types.ts';
import { labellingVerdict, separationVerdict } from '../../train/experiment/verdict.ts';
import { getLabelling, isLabellingName } from '../../train/labellings/registry.ts';
import { experimentDataOf } from './dataOf.ts';

const methodLabel = (id: string) => METHODS.find((m) => m.id === id)?.label ?? id;
const labellingLabel = (id: string) => (isLabellingName(id) ? getLabelling(id).label : id);

export function Questions({ onProblem }: { readonly onProblem: (text: string | null) => void }) {
  const { experiments } = useLabStores();
  const subset = useData((s) => s.subset);
  const dataset = useData((s) => s.dataset);
  const current = useLab((s) => s.current);
  const ask = (which: 'separation' | 'labelling') => {
    if (!subset || !current) {
      onProblem('Load CIFAR-10 or CIFAR-100 in the Data panel first.');
      return;
    }
    const K = subset.classNames.length;
    const { n, method } = current;
    if (which === 'labelling' && !canRun(method, K, n)) {
      onProblem(
        `${methodLabel(method)} cannot make ${K} prototypes in R^${n}; choose another method or n above.`,
      );
      return;
    }
    const spec = which === 'separation' ? separationQuestion(K, n) : labellingQuestion(method, n);
    const { dataset: d, data } = experimentDataOf(subset, dataset);
    experiments.queue(spec, d, data);
    onProblem(null);
  };
  return (
    <div className="exp-questions" data-testid="exp-questions">
      <button type="button" data-testid="ask-separation" onClick={() => ask('separation')}>
        Does separation matter?
      </button>
      <button type="button" data-testid="ask-labelling" onClick={() => ask('labelling')}>
        Does the labelling matter?
      </button>
      <p className="hint">
        On the loaded data, at the explorer's <var>n</var>
        {current ? ` (${current.n})` : ''}: every method that fits, 2 seeds each; or the explorer's
        method under 4 labellings, 3 seeds each. Each run trains the fast model for{' '}
        {QUESTION_CONFIG.epochs} epochs (a full run trains 20), on one shared feature pass.
      </p>
    </div>
  );
}

/** The answer in one sentence, from the results so far. */
export function Verdict({
  record,
  results,
}: {
  readonly record: ExperimentRecord;
  readonly results: readonly RunResult[];
}) {
  const { question } = record.spec;
  if (!question) return null;
  const verdict =
    question === 'separation'
      ? separationVerdict(results, methodLabel)
      : labellingVerdict(results, labellingLabel);
  if (!verdict) return null;
  const done = record.status === 'done';
  return (
    <p className={`exp-verdict ${done ? 'final' : ''}`} data-testid="exp-verdict" data-done={done}>
      {done ? '' : 'So far: '}
      {verdict.sentence}
    </p>
  );
}
