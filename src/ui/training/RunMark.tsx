/**
 * A run's mark: its method's colour in its labelling's shape, so two properties read at once
 * without a second legend per dot. Shapes follow the labelling registry's order.
 */
import { labellingIndex } from './runText.ts';

/** Regular polygons (and a star) by corner count and turn; null is a circle. */
const SHAPES: readonly ({ corners: number; turn: number; star?: boolean } | null)[] = [
  null,
  { corners: 4, turn: 45 },
  { corners: 3, turn: 0 },
  { corners: 4, turn: 0 },
  { corners: 3, turn: 180 },
  { corners: 5, turn: 0 },
  { corners: 5, turn: 0, star: true },
  { corners: 6, turn: 0 },
];

export const SHAPE_NAMES = [
  'circle',
  'square',
  'triangle',
  'diamond',
  'triangle pointing down',
  'pentagon',
  'star',
  'hexagon',
];

export const shapeOf = (labelling: string) =>
  Math.max(0, labellingIndex(labelling)) % SHAPES.length;

function points(shape: number, r: number): string {
  const s = SHAPES[shape];
  if (!s) return '';
  const count = s.star ? 2 * s.corners : s.corners;
  // Polygons look smaller than a circle of the same radius; triangles most of all.
  const scale = s.corners === 3 ? 1.3 : s.corners === 4 && s.turn === 45 ? 1.15 : 1.1;
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const a = ((s.turn + (360 * k) / count) * Math.PI) / 180;
    const rr = r * scale * (s.star && k % 2 === 1 ? 0.45 : 1);
    out.push(`${(rr * Math.sin(a)).toFixed(2)},${(-rr * Math.cos(a)).toFixed(2)}`);
  }
  return out.join(' ');
}

interface Props {
  readonly shape: number;
  readonly colour: string;
  readonly r: number;
  readonly hollow?: boolean;
  readonly className?: string;
}

/** Centred on (0, 0): place it with a transform. */
export function RunMark({ shape, colour, r, hollow = false, className }: Props) {
  const paint = hollow
    ? { fill: 'none', stroke: colour, strokeWidth: 2 }
    : { fill: colour, stroke: '#0b111d', strokeWidth: 1 };
  return SHAPES[shape] === null ? (
    <circle r={r} className={className} {...paint} />
  ) : (
    <polygon points={points(shape, r)} className={className} {...paint} />
  );
}

/** A mark alone, for legends and tables. */
export function MarkIcon(props: Omit<Props, 'r'>) {
  return (
    <svg width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true" className="run-mark-icon">
      <RunMark {...props} r={5} />
    </svg>
  );
}
