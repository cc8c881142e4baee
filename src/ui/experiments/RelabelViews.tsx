/**
 * Why a relabelling helps: the prototype Gram matrix in class order (grouped by superclass and
 * outlined, when the data has superclasses) under the identity and under the chosen labelling,
 * the same-superclass pairs that sit far apart, and each class's accuracy change.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { methodLabel } from '../../core/methods/registry.ts';
import type { ExperimentRecord } from '../../state/experimentsStore.ts';
import { classGram, meanPerClass, similarButFar } from '../../train/experiment/relabelViews.ts';
import type { RunResult } from '../../train/experiment/types.ts';
import { getLabelling } from '../../train/labellings/registry.ts';

function GramCanvas({
  gram,
  order,
  coarse,
  label,
}: {
  gram: Float64Array;
  order: number[];
  coarse: readonly number[] | null;
  label: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const K = order.length;
  const cell = Math.max(2, Math.floor(240 / K));
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    // One pixel a cell, scaled up by drawImage: K^2 writes instead of K^2 fillRect calls
    // (100 classes: 10,000 of them, a long task on a slow machine).
    const image = new ImageData(K, K);
    for (let i = 0; i < K; i++) {
      for (let j = 0; j < K; j++) {
        const c = gram[order[i] * K + order[j]];
        // Blue for -1, white for 0, red for +1.
        const t = Math.max(-1, Math.min(1, c));
        const p = 4 * (i * K + j);
        image.data[p] = t > 0 ? 255 : Math.round(255 * (1 + t));
        image.data[p + 1] = Math.round(255 * (1 - Math.abs(t)));
        image.data[p + 2] = t < 0 ? 255 : Math.round(255 * (1 - t));
        image.data[p + 3] = 255;
      }
    }
    const small = document.createElement('canvas');
    small.width = K;
    small.height = K;
    small.getContext('2d')?.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(small, 0, 0, K * cell, K * cell);
    if (coarse) {
      ctx.strokeStyle = '#000';
      ctx.lineWidth = 1;
      let start = 0;
      for (let i = 1; i <= K; i++) {
        if (i === K || coarse[order[i]] !== coarse[order[start]]) {
          const s = start * cell + 0.5;
          const size = (i - start) * cell - 1;
          ctx.strokeRect(s, s, size, size);
          start = i;
        }
      }
    }
  }, [gram, order, coarse, K, cell]);
  return (
    <figure className="exp-gram">
      <canvas ref={ref} width={K * cell} height={K * cell} aria-label={label} />
      <figcaption>{label}</figcaption>
    </figure>
  );
}

/** Per-class accuracies from fewer test images a class than this are marked as noisy. */
const NOISY_BELOW = 30;

export function RelabelViews({
  record,
  results,
}: {
  record: ExperimentRecord;
  results: readonly RunResult[];
}) {
  const labellings = record.spec.labellings.filter((l) => l !== 'identity');
  const [method, setMethod] = useState(record.spec.methods[0]);
  const [other, setOther] = useState(labellings[0] ?? 'identity');
  const { classNames, coarseOfClass } = record.dataset;
  const K = classNames.length;
  // Recomputed when results arrive, not on every progress report of the running experiment.
  const base = useMemo(
    () => results.filter((r) => r.method === method && r.labelling === 'identity'),
    [results, method],
  );
  const relabelled = useMemo(
    () => results.filter((r) => r.method === method && r.labelling === other),
    [results, method, other],
  );
  const view = useMemo(() => {
    const b = base[0];
    const a = relabelled.find((r) => r.seed === b?.seed) ?? relabelled[0];
    if (!b || !a) return null;
    const N = b.N;
    const n = b.n;
    const before = classGram(Float64Array.from(b.prototypes), N, n, b.assignment);
    const after = classGram(Float64Array.from(a.prototypes), N, n, a.assignment);
    const order = Array.from({ length: K }, (_, k) => k);
    if (coarseOfClass) order.sort((x, y) => coarseOfClass[x] - coarseOfClass[y] || x - y);
    const change = meanPerClass(relabelled).map((acc, k) => ({
      k,
      delta: acc - meanPerClass(base)[k],
    }));
    change.sort((x, y) => y.delta - x.delta);
    return {
      before,
      after,
      order,
      farBefore: coarseOfClass ? similarButFar(before, coarseOfClass) : [],
      farAfter: coarseOfClass ? similarButFar(after, coarseOfClass) : [],
      change,
      seed: b.seed,
    };
  }, [base, relabelled, K, coarseOfClass]);
  if (labellings.length === 0 || !record.spec.labellings.includes('identity')) {
    return <p className="hint">Queue identity and another labelling to compare them here.</p>;
  }
  const pct = (x: number) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}`;
  const { testCount } = record.dataset;
  const perClass = testCount ? testCount / K : null;
  return (
    <section className="exp-relabel" aria-label="Relabelling views" data-testid="relabel-views">
      <div className="exp-row">
        <label>
          Method{' '}
          <select value={method} onChange={(e) => setMethod(e.target.value)}>
            {record.spec.methods.map((m) => (
              <option key={m} value={m}>
                {methodLabel(m)}
              </option>
            ))}
          </select>
        </label>
        <label>
          identity vs{' '}
          <select value={other} onChange={(e) => setOther(e.target.value as typeof other)}>
            {labellings.map((l) => (
              <option key={l} value={l}>
                {getLabelling(l).label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {view === null ? (
        <p className="hint">
          Waiting for a {getLabelling('identity').label} run and a {getLabelling(other).label} run
          of {methodLabel(method)}.
        </p>
      ) : (
        <>
          <div className="exp-row">
            <GramCanvas
              gram={view.before}
              order={view.order}
              coarse={coarseOfClass}
              label={`Gram matrix, identity (seed ${view.seed})`}
            />
            <GramCanvas
              gram={view.after}
              order={view.order}
              coarse={coarseOfClass}
              label={`Gram matrix, ${getLabelling(other).label} (seed ${view.seed})`}
            />
          </div>
          {coarseOfClass && (
            <p data-testid="far-pairs">
              Same-superclass pairs with cosine &lt;= -0.5: {view.farBefore.length} under identity,{' '}
              {view.farAfter.length} under {other}.{' '}
              {view.farBefore.length > 0 &&
                `Most opposed under identity: ${view.farBefore
                  .slice(0, 6)
                  .map((p) => `${classNames[p.a]}/${classNames[p.b]} (${p.cosine.toFixed(2)})`)
                  .join(', ')}.`}
            </p>
          )}
          <p data-testid="class-change">
            Accuracy change by class ({other} minus identity, mean over seeds, points): gains{' '}
            {view.change
              .slice(0, 5)
              .map((c) => `${classNames[c.k]} ${pct(c.delta)}`)
              .join(', ')}
            ; losses{' '}
            {view.change
              .slice(-5)
              .reverse()
              .map((c) => `${classNames[c.k]} ${pct(c.delta)}`)
              .join(', ')}
            .
          </p>
          {perClass !== null && perClass < NOISY_BELOW && (
            <p className="hint" data-testid="class-change-noisy">
              Noisy: each class has about {Math.round(perClass)} test images, so one image moves its
              accuracy by {(100 / perClass).toFixed(0)} points; only changes well beyond that say
              something.
            </p>
          )}
        </>
      )}
    </section>
  );
}
