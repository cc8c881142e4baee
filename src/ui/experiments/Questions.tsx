/**
 * The talk's two questions, one click each, on the loaded data: they queue an experiment
 * (train/experiment/questions.ts) whose result ends in one sentence (Verdict below).
 */
import { useMemo } from 'react';
import { methodLabel } from '../../core/methods/registry.ts';
import { experimentDataOf } from '../../state/experimentData.ts';
import type { ExperimentRecord } from '../../state/experimentsStore.ts';
import { useData, useLab, useLabStores } from '../../state/labContext.ts';
import {
  aboutText,
  LINEAR_ABOVE,
  labellingQuestion,
  QUESTION_HIDDEN_UNITS,
  type Question,
  type QuestionData,
  questionConfig,
  questionProblem,
  questionSeconds,
  separationQuestion,
} from '../../train/experiment/questions.ts';
import { opposedPair } from '../../train/experiment/relabelViews.ts';
import type { RunResult } from '../../train/experiment/types.ts';
import { byAccuracy, labellingVerdict, separationVerdict } from '../../train/experiment/verdict.ts';
import { labellingLabel } from '../../train/labellings/registry.ts';

/** The experiment a question queues on K classes at (n, the explorer's method). */
const questionSpec = (which: Question, K: number, n: number, method: string) =>
  which === 'separation' ? separationQuestion(K, n) : labellingQuestion(method, K, n);

export function Questions({ onProblem }: { readonly onProblem: (text: string | null) => void }) {
  const { experiments } = useLabStores();
  const subset = useData((s) => s.subset);
  const dataset = useData((s) => s.dataset);
  const current = useLab((s) => s.current);
  const n = current?.n ?? 3;
  const method = current?.method ?? 'random';
  const K = subset?.classNames.length ?? 0;
  const trainImages = subset?.train.count ?? 0;
  const testImages = subset?.test.count ?? 0;
  const size: QuestionData | null = useMemo(
    () => (K > 0 ? { classes: K, trainImages, testImages } : null),
    [K, trainImages, testImages],
  );
  // The estimates try every method's feasibility at (K, n): worked out when these change, not
  // on every render of the panel.
  const about = useMemo(() => {
    const text = (which: Question) =>
      size && !questionProblem(which, size, n, method)
        ? ` (${aboutText(questionSeconds(questionSpec(which, size.classes, n, method), size))})`
        : '';
    return { separation: text('separation'), labelling: text('labelling') };
  }, [size, n, method]);
  const ask = (which: Question) => {
    const problem = questionProblem(which, current ? size : null, n, method);
    onProblem(problem);
    if (problem || !subset || !size) return;
    const { dataset: d, data } = experimentDataOf(subset, dataset);
    experiments.queue(questionSpec(which, size.classes, n, method), d, data);
  };
  return (
    <div className="exp-questions" data-testid="exp-questions">
      <button type="button" data-testid="ask-separation" onClick={() => ask('separation')}>
        Does separation matter?
      </button>
      <button type="button" data-testid="ask-labelling" onClick={() => ask('labelling')}>
        Does the labelling matter?
      </button>
      <p className="hint" data-testid="question-hint">
        On the loaded data, at the explorer&apos;s <var>n</var> ({n}): one method of each kind that
        fits, 2 seeds each{about.separation}; or the explorer&apos;s method under several
        labellings, 3 seeds each{about.labelling}. Each run trains the fast model for{' '}
        {questionConfig(n).epochs} epochs (a full run: 20)
        {n > LINEAR_ABOVE
          ? ' with a linear head'
          : ` with a hidden layer of ${QUESTION_HIDDEN_UNITS} units (a full run: 128)`}
        , on one shared feature pass; every run joins the chart.
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
    .sort(byAccuracy)[0];
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
