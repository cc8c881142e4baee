/**
 * How the run history names and draws a kept run: labels from the registries (never the keys
 * that links and the CLI use), a colour per method and a shape per labelling. Colours and shapes
 * follow registry order, so a method keeps its colour however many runs are shown.
 */
import { METHODS } from '../../core/methods/registry.ts';
import type { KeptRun } from '../../state/runHistoryStore.ts';
import { LABELLINGS } from '../../train/labellings/registry.ts';
import type { LossKind, TrainMode } from '../../train/types.ts';
import { durationText, percent } from './format.ts';

export type RunMetric = 'maxCosine' | 'minAngleDeg' | 'meanCosine';

/** The x axis choices, with what each says on the axis. */
export const RUN_METRICS: readonly { key: RunMetric; label: string; axis: string }[] = [
  { key: 'maxCosine', label: 'Max cosine', axis: 'max cosine (smaller: better separated)' },
  {
    key: 'minAngleDeg',
    label: 'Min angle',
    axis: 'min angle in degrees (larger: better separated)',
  },
  { key: 'meanCosine', label: 'Mean cosine', axis: 'mean cosine' },
];

/**
 * Readable on the page's dark panels; one per method, in METHODS order (random, one-hot,
 * orthoplex, Kasarla, polygon, Mettes, LSE, RM, BCH, best), neighbours in hue kept apart.
 */
const METHOD_COLOURS = [
  '#e6ebf5',
  '#c5f277',
  '#b388ff',
  '#4cc9f0',
  '#9aa5b8',
  '#ff7b72',
  '#ffbd2e',
  '#3ddc97',
  '#f78fb3',
  '#7aa2ff',
];

export const LOSS_LABELS: Record<LossKind, string> = {
  softmax: 'softmax ⟨z, c⟩/τ',
  unnormalised: 'unnormalised logits',
  mettes: 'Mettes (1 − cos)²',
};

/** Short: the card is narrow; the settings form explains the two. */
export const MODE_LABELS: Record<TrainMode, string> = {
  fast: 'fast',
  cnn: 'cnn',
};

const methodIndex = (id: string) => METHODS.findIndex((m) => m.id === id);

export const methodLabel = (id: string) => METHODS[methodIndex(id)]?.label ?? 'Unknown method';

export const methodColour = (id: string) =>
  METHOD_COLOURS[Math.max(0, methodIndex(id)) % METHOD_COLOURS.length];

export const labellingIndex = (id: string) => LABELLINGS.findIndex((l) => l.id === id);

export const labellingLabel = (id: string) =>
  LABELLINGS[labellingIndex(id)]?.label ?? 'Unknown labelling';

export function metricText(metric: RunMetric, value: number): string {
  if (!Number.isFinite(value)) return '–';
  return metric === 'minAngleDeg' ? `${value.toFixed(1)}°` : value.toFixed(3);
}

export const dateText = (ms: number) =>
  new Date(ms).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** One sentence for screen readers and the dot's tooltip. */
export function runSummary(run: KeptRun): string {
  return `${methodLabel(run.method)}, ${labellingLabel(run.labelling)}, N ${run.N}, n ${run.n}: max cosine ${metricText('maxCosine', run.maxCosine)}, test accuracy ${percent(run.testAccuracy)}, ${durationText(run.timeMs)}`;
}
