/**
 * The talk's two questions, one click each, on the loaded data: they queue an experiment
 * (train/experiment/questions.ts) whose result ends in one sentence (Verdict below).
 */
import { methodLabel } from '../../core/methods/registry.ts';
import { experimentDataOf } from '../../state/experimentData.ts';
import type { ExperimentRecord } from '../../state/experimentsStore.ts';
import { useData, useLab, useLabStores } from '../../state/labContext.ts';
import {
  canRun,
  LINEAR_ABOVE,
  labellingQuestion,
  questionConfig,
  separationQuestion,
} from '../../train/experiment/questions.ts';
import { opposedPair } from '../../train/experiment/relabelViews.ts';
import type { RunResult } from '../../train/experiment/types.ts';
import { labellingVerdict, separationVerdict } from '../../train/experiment/verdict.ts';
import { labellingLabel } from '../../train/labellings/registry.ts';

export function Questions({ onProblem }: { readonly onProblem: (text: string | null) => void }) {
  const { experiments } = useLabStores();
  const subset = useData((s) => s.subset);
  const dataset = useData((s) => s.dataset);
  const current = useLab((s) => s.current);
  const n = current?.n ?? 3;
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
    const spec =
      which === 'separation' ? separationQuestion(K, n) : labellingQuestion(method, K, n);
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
        On the loaded data, at the explorer's <var>n</var> ({n}): one method of each kind that fits,
        2 seeds each; or the explorer's method under several labellings, 3 seeds each. Each run
        trains the fast model for {questionConfig(n).epochs} epochs (a full run: 20)
        {n > LINEAR_ABOVE ? ' with a linear head' : ''}, on one shared feature pass.
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
      {question === 'labelling' && ` ${pairSentence(record, results, verdict)}`}
    </p>
  );
}

/**
 * The talk's example: two classes of one superclass on opposite poles in dataset order, and
 * where the best labelling puts them (same seed, so the same prototypes).
 */
function pairSentence(
  record: ExperimentRecord,
  results: readonly RunResult[],
  verdict: NonNullable<ReturnType<typeof labellingVerdict>>,
): string {
  const best = [...verdict.groups]
    .filter((g) => g.group !== labellingLabel('identity'))
    .sort((a, b) => b.meanAccuracy - a.meanAccuracy)[0];
  const base = results.find((r) => r.labelling === 'identity');
  const other = results.find(
    (r) => labellingLabel(r.labelling) === best?.group && r.seed === base?.seed,
  );
  const pair = base && other ? opposedPair(base, other, record.dataset.coarseOfClass) : null;
  if (!pair || !best) return '';
  const { classNames } = record.dataset;
  return (
    `In dataset order ${classNames[pair.a]} and ${classNames[pair.b]}, of one superclass, sit at cosine ${pair.before.toFixed(2)}; ` +
    `${best.group} puts them at ${pair.after.toFixed(2)}.`
  );
}
