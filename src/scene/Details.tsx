import { cosineToDegrees } from '../core/metrics/separation.ts';
import { fixed } from './format.ts';
import { prototypeTextColor } from './palette.ts';
import type { Source } from './source.ts';

/** Coordinates shown in the details card (the rest are summarised). */
const MAX_COORDS = 8;

function nameOf(i: number, names: readonly string[] | null): string {
  return names ? `${names[i]} (${i})` : `prototype ${i}`;
}

/** The nearest other prototype (largest cosine) and the angle to it: O(N n). */
export function nearestNeighbour(source: Source, i: number): { j: number; cosine: number } | null {
  const { N, n, data } = source;
  let best = -1;
  let bestCos = -Infinity;
  for (let j = 0; j < N; j++) {
    if (j === i) continue;
    let d = 0;
    for (let k = 0; k < n; k++) d += data[i * n + k] * data[j * n + k];
    if (d > bestCos) {
      bestCos = d;
      best = j;
    }
  }
  return best < 0 ? null : { j: best, cosine: bestCos };
}

export function HoverTip({
  source,
  index,
  x,
  y,
  names,
}: {
  readonly source: Source;
  readonly index: number;
  readonly x: number;
  readonly y: number;
  readonly names: readonly string[] | null;
}) {
  const near = nearestNeighbour(source, index);
  return (
    <div className="hover-tip" data-testid="hover-tip" style={{ left: x + 14, top: y + 14 }}>
      <b style={{ color: prototypeTextColor(index) }}>{nameOf(index, names)}</b>
      {near && (
        <span>
          {' '}
          · nearest {near.j} at {fixed(cosineToDegrees(near.cosine), 2)}°
        </span>
      )}
    </div>
  );
}

/** The clicked prototype: name, coordinates, nearest neighbour and the angle to it. */
export function Details({
  source,
  index,
  names,
  onClose,
}: {
  readonly source: Source;
  readonly index: number;
  readonly names: readonly string[] | null;
  onClose(): void;
}) {
  const { n, data } = source;
  const coords = Array.from(data.subarray(index * n, index * n + Math.min(n, MAX_COORDS)), (v) =>
    fixed(v, 4),
  );
  const near = nearestNeighbour(source, index);
  return (
    <aside className="proto-details" data-testid="proto-details" aria-label="Prototype details">
      <button type="button" className="close" onClick={onClose} aria-label="Close details">
        ×
      </button>
      <h3 style={{ color: prototypeTextColor(index) }}>{nameOf(index, names)}</h3>
      <p className="coords" data-testid="proto-coords">
        ({coords.join(', ')}
        {n > MAX_COORDS ? `, … ${n - MAX_COORDS} more` : ''})
      </p>
      {near && (
        <p>
          nearest: {nameOf(near.j, names)} at{' '}
          <span data-testid="proto-nearest-angle">{fixed(cosineToDegrees(near.cosine), 2)}</span>°
          (cosine {fixed(near.cosine, 4)})
        </p>
      )}
    </aside>
  );
}
