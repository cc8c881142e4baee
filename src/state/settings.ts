import { identity4, orthonormalize4 } from '../core/geometry/rotation4.ts';
import { getMethod, LIMITS, METHODS } from '../core/methods/registry.ts';
import type { ParamSpec } from '../core/methods/types.ts';
import { MAX_IMAGES_PER_CLASS } from '../data/official.ts';
import { TOUR_STEPS } from '../tour/steps.ts';
import { BACKEND_CHOICES } from '../train/browser/choose.ts';
import { LABELLING_NAMES } from '../train/labellings/registry.ts';
import { DEFAULT_TRAIN_CONFIG, TRAIN_LIMITS } from '../train/types.ts';
import {
  CONTACT_TOLERANCE,
  DEFAULT_REQUEST,
  DEFAULT_SPEED,
  MAX_SPEED,
  UI_MAX_N,
  VIEW_IDS,
} from './defaults.ts';
import { PALETTE_IDS } from './palettes.ts';
import { normaliseClasses, perClassReader, type TextRead } from './subsetText.ts';

/**
 * Every setting of the standalone page that lives in the URL hash, declared once: key, type,
 * default and range. The hash codec (urlHash.ts), the store binding (urlSync.ts) and the tests
 * all read this list, so adding a setting here is all it takes to make it shareable.
 *
 * Naming scheme:
 * - Top-level keys for what the whole page shares: `method`, `N`, `n`, `seed`, `view`, `speed`.
 * - A prefix with a dot where two panels could share a name: `show.*` for the scene toggles,
 *   `opt.*` for the parameters of the chosen prototype method, `train.*` for the training panel
 *   (so `opt.lr` and `train.lr` never collide), `data.*` for the data subset. A prefix names its
 *   store's fields too: `train.lr` is the train store's `train.learningRate`.
 * - Method parameters are generated from the method's ParamSpec: key `opt.<flag>`, with the CLI
 *   flag spelling (`opt.steps`, `opt.lr`, `opt.t-start`), so a command line
 *   `--method lse --t-start 2` and a link `#method=lse&opt.t-start=2` read the same. Only the
 *   chosen method's parameters are read; the others' `opt.*` keys are ignored like unknown keys.
 */

export type SettingValue = number | boolean | string;

interface SettingBase {
  /** The key in the hash (case matters: `N` and `n` differ). */
  readonly key: string;
  readonly label: string;
  /**
   * Where the value lives in the store: `request.<field>` for the prototype request, otherwise a
   * top-level field of the lab state. Method parameters have none (they go to request.params).
   * `train.<field>`: a field of the train store's settings (state/trainStore.ts).
   * `data.<field>`: a field of the data store's subset fields (state/dataStore.ts).
   */
  readonly field?: string;
}

export interface IntSetting extends SettingBase {
  readonly type: 'int';
  readonly default: number;
  readonly min: number;
  readonly max: number;
}

export interface NumberSetting extends SettingBase {
  readonly type: 'number';
  readonly default: number;
  readonly min: number;
  readonly max: number;
}

export interface BooleanSetting extends SettingBase {
  readonly type: 'boolean';
  readonly default: boolean;
}

export interface ChoiceSetting extends SettingBase {
  readonly type: 'choice';
  readonly options: readonly string[];
  readonly default: string;
}

/**
 * A fixed-length list of numbers, written comma-separated (e.g. the 4D rotation matrix). The
 * store holds an array; `normalise` makes a read list valid (e.g. re-orthonormalises a rotation).
 */
export interface NumbersSetting extends SettingBase {
  readonly type: 'numbers';
  readonly length: number;
  /** Comma-separated default. */
  readonly default: string;
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  readonly normalise?: (values: number[]) => number[];
}

/**
 * Free text with rules of its own (e.g. a class choice, `cat,dog`). `normalise` spells a usable
 * text the one way the link writes it, so equal choices give equal links; `why` is a phrase that
 * follows the quoted text in the notice (`"," is not a class choice ...`).
 */
export interface TextSetting extends SettingBase {
  readonly type: 'text';
  readonly default: string;
  readonly normalise: (text: string) => TextRead;
}

export type Setting =
  | IntSetting
  | NumberSetting
  | BooleanSetting
  | ChoiceSetting
  | NumbersSetting
  | TextSetting;

/** The page's own settings, in the order they are written to the hash. */
export const SETTINGS: readonly Setting[] = [
  {
    key: 'method',
    label: 'method',
    type: 'choice',
    options: METHODS.map((m) => m.id),
    default: DEFAULT_REQUEST.method,
    field: 'request.method',
  },
  {
    key: 'N',
    label: 'number of classes N',
    type: 'int',
    default: DEFAULT_REQUEST.N,
    min: LIMITS.N.min,
    max: UI_MAX_N,
    field: 'request.N',
  },
  {
    key: 'n',
    label: 'dimension n',
    type: 'int',
    default: DEFAULT_REQUEST.n,
    min: LIMITS.n.min,
    max: LIMITS.n.max,
    field: 'request.n',
  },
  {
    key: 'seed',
    label: 'seed',
    type: 'int',
    default: DEFAULT_REQUEST.seed,
    min: LIMITS.seed.min,
    max: LIMITS.seed.max,
    field: 'request.seed',
  },
  { key: 'view', label: 'view', type: 'choice', options: VIEW_IDS, default: 's2', field: 'view' },
  {
    key: 'speed',
    label: 'animation speed (optimiser steps per second, 0 = as fast as possible)',
    type: 'number',
    default: DEFAULT_SPEED,
    min: 0,
    max: MAX_SPEED,
    field: 'speed',
  },
  { key: 'show.labels', label: 'labels', type: 'boolean', default: true, field: 'showLabels' },
  { key: 'show.grid', label: 'grid', type: 'boolean', default: true, field: 'showGrid' },
  { key: 'show.rays', label: 'rays', type: 'boolean', default: true, field: 'showRays' },
  { key: 'show.cells', label: 'Voronoi cells', type: 'boolean', default: true, field: 'showCells' },
  {
    key: 'show.contacts',
    label: 'contact graph',
    type: 'boolean',
    default: true,
    field: 'showContacts',
  },
  {
    key: 'contacts.tol',
    label: 'contact tolerance (degrees above the minimum angle)',
    type: 'number',
    default: CONTACT_TOLERANCE.default,
    min: CONTACT_TOLERANCE.min,
    max: CONTACT_TOLERANCE.max,
    field: 'contactToleranceDeg',
  },
  {
    key: 's3.proj',
    label: 'S^3 projection',
    type: 'choice',
    options: ['stereo', 'ortho'],
    default: 'stereo',
    field: 's3Projection',
  },
  {
    key: 'proj.axes',
    label: 'projection axes',
    type: 'choice',
    options: ['pca', 'coords'],
    default: 'pca',
    field: 'projAxes',
  },
  {
    key: 'proj.coords',
    label: 'coordinate triple',
    type: 'numbers',
    length: 3,
    default: '0,1,2',
    min: 0,
    max: 4095,
    integer: true,
    field: 'projTriple',
  },
  {
    key: 's3.rot',
    label: '4D rotation',
    type: 'numbers',
    length: 16,
    default: Array.from(identity4()).join(','),
    min: -1,
    max: 1,
    field: 'rotation4',
    // A link may carry rounded numbers: snap back to the nearest rotation.
    normalise: (values) => Array.from(orthonormalize4(Float64Array.from(values))),
  },
  // The CIFAR subset (state/dataStore.ts): `data.<field>` fields are the data store's subset
  // fields, so a shared link trains on the same images.
  {
    key: 'data.classes',
    label: 'classes of the data subset',
    type: 'text',
    default: 'all',
    normalise: normaliseClasses,
    field: 'data.classes',
  },
  {
    key: 'data.train',
    label: 'training images a class',
    type: 'text',
    default: 'all',
    normalise: perClassReader(MAX_IMAGES_PER_CLASS.train),
    field: 'data.trainPerClass',
  },
  {
    key: 'data.test',
    label: 'test images a class',
    type: 'text',
    default: 'all',
    normalise: perClassReader(MAX_IMAGES_PER_CLASS.test),
    field: 'data.testPerClass',
  },
  {
    key: 'data.seed',
    label: 'subset seed',
    type: 'int',
    default: 0,
    min: 0,
    max: 0xffffffff,
    field: 'data.seed',
  },
  // Training in the browser (state/trainStore.ts): `train.<field>` fields live in the train
  // store's settings, not in the lab state.
  {
    key: 'train.mode',
    label: 'model size (fast: a head on fixed features; cnn: a small CNN)',
    type: 'choice',
    options: ['fast', 'cnn'],
    default: DEFAULT_TRAIN_CONFIG.mode,
    field: 'train.mode',
  },
  {
    key: 'train.epochs',
    label: 'training epochs',
    type: 'int',
    default: DEFAULT_TRAIN_CONFIG.epochs,
    ...TRAIN_LIMITS.epochs,
    field: 'train.epochs',
  },
  {
    key: 'train.batch',
    label: 'training batch size',
    type: 'int',
    default: DEFAULT_TRAIN_CONFIG.batchSize,
    ...TRAIN_LIMITS.batchSize,
    field: 'train.batchSize',
  },
  {
    key: 'train.lr',
    label: 'training learning rate',
    type: 'number',
    default: DEFAULT_TRAIN_CONFIG.learningRate,
    ...TRAIN_LIMITS.learningRate,
    field: 'train.learningRate',
  },
  {
    key: 'train.tau',
    label: 'softmax temperature tau',
    type: 'number',
    default: DEFAULT_TRAIN_CONFIG.tau,
    ...TRAIN_LIMITS.tau,
    field: 'train.tau',
  },
  {
    key: 'train.loss',
    label: 'training loss',
    type: 'choice',
    options: ['softmax', 'unnormalised', 'mettes'],
    default: DEFAULT_TRAIN_CONFIG.loss,
    field: 'train.loss',
  },
  {
    key: 'train.seed',
    label: 'training seed',
    type: 'int',
    default: DEFAULT_TRAIN_CONFIG.seed,
    ...TRAIN_LIMITS.seed,
    field: 'train.seed',
  },
  {
    key: 'train.labelling',
    label: 'class-to-prototype labelling',
    type: 'choice',
    options: LABELLING_NAMES,
    default: 'identity',
    field: 'train.labelling',
  },
  {
    key: 'train.backend',
    label: 'training backend',
    type: 'choice',
    options: BACKEND_CHOICES,
    default: 'auto',
    field: 'train.backend',
  },
  // Presenting and teaching (state/presentation.ts): a speaker's link keeps the look and the step.
  { key: 'present', label: 'presentation mode', type: 'boolean', default: false, field: 'present' },
  {
    key: 'palette',
    label: 'colour palette',
    type: 'choice',
    options: PALETTE_IDS,
    default: 'default',
    field: 'palette',
  },
  {
    key: 'tour',
    label: 'tour step (0 = tour closed)',
    type: 'int',
    default: 0,
    min: 0,
    max: TOUR_STEPS.length,
    field: 'tourStep',
  },
];

/** Keys that are always written, so a link says exactly what it shows even if defaults change. */
export const ALWAYS_WRITTEN: readonly string[] = ['method', 'N', 'n', 'seed', 'view'];

/** Prefix of the chosen method's parameters. */
export const PARAM_PREFIX = 'opt.';

/** A method parameter as a setting (key `opt.<flag>`), from its ParamSpec. */
export function paramSetting(spec: ParamSpec): Setting & { readonly param: string } {
  const base = { key: `${PARAM_PREFIX}${spec.flag}`, label: spec.label, param: spec.name };
  switch (spec.kind) {
    case 'number':
      return {
        ...base,
        type: spec.integer ? 'int' : 'number',
        default: spec.default,
        min: spec.min,
        max: spec.max,
      };
    case 'boolean':
      return { ...base, type: 'boolean', default: spec.default };
    case 'choice':
      return { ...base, type: 'choice', options: spec.options, default: spec.default };
  }
}

/** The settings of one method's parameters (none for an unknown method). */
export function methodSettings(methodId: string): (Setting & { readonly param: string })[] {
  try {
    return getMethod(methodId).params.map(paramSetting);
  } catch {
    return [];
  }
}
