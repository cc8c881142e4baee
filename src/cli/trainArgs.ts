/**
 * Arguments of `hypersphere-lab train` (pure: no Node APIs, no tfjs). Flags take their value in
 * the next argument or after `=`.
 */
import { LIMITS, METHODS } from '../core/methods/registry.ts';
import { LABELLING_NAMES, LABELLINGS, type LabellingName } from '../train/labellings/registry.ts';
import {
  DEFAULT_TRAIN_CONFIG,
  type LossKind,
  TRAIN_LIMITS,
  type TrainConfig,
  type TrainMode,
} from '../train/types.ts';
import { UsageError } from './args.ts';
import { optimiserFlags, wholeFlag } from './numberFlags.ts';

export interface TrainCommand {
  readonly kind: 'train';
  /** Archive or .bin file for training (an archive also brings its test set). */
  readonly train: string;
  /** Archive or .bin file for testing; null: the training archive's own test set. */
  readonly test: string | null;
  readonly method: string;
  readonly n: number;
  /** The first K classes; null: every class. */
  readonly classes: number | null;
  /** Training images a class; null: all. */
  readonly perClass: number | null;
  readonly labelling: LabellingName;
  readonly config: TrainConfig;
  readonly json: boolean;
}

const VALUE_FLAGS = [
  'train',
  'test',
  'mode',
  'method',
  'n',
  'classes',
  'per-class',
  'epochs',
  'seed',
  'labelling',
  'tau',
  'lr',
  'batch',
  'loss',
  'hidden',
] as const;
const BOOLEAN_FLAGS = ['json', 'no-augment'] as const;
const MODES: readonly TrainMode[] = ['fast', 'cnn'];
const LOSSES: readonly LossKind[] = ['softmax', 'unnormalised', 'mettes'];

function oneOf<T extends string>(flag: string, text: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(text)) {
    throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}, got "${text}"`);
  }
  return text as T;
}

/** argv after the word `train`. */
export function parseTrainArgs(argv: readonly string[]): TrainCommand {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--?([a-z-]+|n)(?:=(.*))?$/.exec(a);
    if (!m) throw new UsageError(`unexpected argument "${a}" (see hypersphere-lab help train)`);
    const name = m[1];
    if ((BOOLEAN_FLAGS as readonly string[]).includes(name)) {
      if (m[2] !== undefined) throw new UsageError(`--${name} takes no value`);
      flags.add(name);
      continue;
    }
    if (!(VALUE_FLAGS as readonly string[]).includes(name)) {
      throw new UsageError(`unknown flag ${a} for train (see hypersphere-lab help train)`);
    }
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === '') throw new UsageError(`${a} needs a value`);
    if (values.has(name)) throw new UsageError(`--${name} is given more than once`);
    values.set(name, value);
  }
  const need = (name: string, what: string) => {
    const v = values.get(name);
    if (v === undefined)
      throw new UsageError(`train needs ${name === 'n' ? '-n' : `--${name}`} (${what})`);
    return v;
  };
  const get = <T>(name: string, parse: (v: string) => T, fallback: T): T => {
    const v = values.get(name);
    return v === undefined ? fallback : parse(v);
  };
  const ids = METHODS.map((m) => m.id);
  const method = oneOf('method', need('method', `a prototype method: ${ids.join(', ')}`), ids);
  const n = wholeFlag(
    'n',
    need('n', `the prototype dimension, ${LIMITS.n.min} to ${LIMITS.n.max}`),
    LIMITS.n.min,
    LIMITS.n.max,
  );
  const train = need('train', 'a CIFAR archive or .bin training batch');
  const mode = get('mode', (v) => oneOf('mode', v, MODES), DEFAULT_TRAIN_CONFIG.mode);
  const L = TRAIN_LIMITS;
  const config: TrainConfig = {
    ...DEFAULT_TRAIN_CONFIG,
    mode,
    // The CNN is slow on a CPU: fewer epochs unless asked.
    epochs: get(
      'epochs',
      (v) => wholeFlag('epochs', v, L.epochs.min, L.epochs.max),
      mode === 'cnn' ? 5 : DEFAULT_TRAIN_CONFIG.epochs,
    ),
    seed: get(
      'seed',
      (v) => wholeFlag('seed', v, L.seed.min, L.seed.max),
      DEFAULT_TRAIN_CONFIG.seed,
    ),
    ...optimiserFlags((name) => values.get(name)),
    loss: get('loss', (v) => oneOf('loss', v, LOSSES), DEFAULT_TRAIN_CONFIG.loss),
    augment: !flags.has('no-augment'),
    hiddenUnits: get(
      'hidden',
      (v) => wholeFlag('hidden', v, 0, 4096),
      DEFAULT_TRAIN_CONFIG.hiddenUnits,
    ),
  };
  return {
    kind: 'train',
    train,
    test: values.get('test') ?? null,
    method,
    n,
    classes: get('classes', (v) => wholeFlag('classes', v, 2, 100), null),
    perClass: get('per-class', (v) => wholeFlag('per-class', v, 1, 6000), null),
    labelling: get('labelling', (v) => oneOf('labelling', v, LABELLING_NAMES), 'identity'),
    config,
    json: flags.has('json'),
  };
}

/** The labellings, one a line, from the registry (the first is the default). */
export function labellingHelp(flag: string, indent: number): string[] {
  return [
    `${flag}which prototype each class trains towards (default ${LABELLINGS[0].id}):`,
    ...LABELLINGS.map((l) => `${' '.repeat(indent)}${l.id}: ${l.description}`),
  ];
}

export const TRAIN_HELP = [
  'Usage: hypersphere-lab train --train FILE [--test FILE] --method M -n <int> [options]',
  '',
  'Trains one model with hyperspherical prototypes (one a class, made by method M in R^n) on a',
  'CIFAR subset and reports its test accuracy. Runs on the CPU (TensorFlow.js cpu backend).',
  'Progress goes to stderr. With --json the last line of stdout is one JSON object:',
  '  {"testAccuracy", "perClassAccuracy": [...], "maxCosine", "epochs", "timeMs", "backend",',
  '   "trainAccuracy", "method", "n", "mode", "classes", "labelling", "assignment", "featureMs"}',
  '(accuracies are fractions 0..1; perClassAccuracy in class order).',
  '',
  '  --train FILE          CIFAR-10/100 archive (.tar.gz) or .bin batch for training',
  '  --test FILE           archive or .bin batch (e.g. test_batch.bin) for testing (default: the',
  "                        training archive's test set)",
  `  --method M            prototype method: ${METHODS.map((m) => m.id).join(', ')}`,
  '  -n <int>              prototype dimension',
  '  --mode fast|cnn       fast: a head on features computed once (default); cnn: a small CNN',
  '                        trained end to end with flips and shifted crops (slow on a CPU)',
  '  --classes K           use the first K classes (default all); N = K prototypes',
  '  --per-class P         training images a class (default all)',
  `  --epochs E            epochs (default ${DEFAULT_TRAIN_CONFIG.epochs} fast, 5 cnn)`,
  '  --seed S              seed of the prototypes, the initial weights, shuffling, augmentation and',
  '                        the labelling (default 0); the images and features do not depend on it',
  ...labellingHelp('  --labelling L         ', 24),
  `  --loss L              softmax (default, <z, c>/tau), unnormalised (<f, c>), mettes ((1 - cos)^2)`,
  `  --tau T               softmax temperature (default ${DEFAULT_TRAIN_CONFIG.tau})`,
  `  --lr X                Adam learning rate (default ${DEFAULT_TRAIN_CONFIG.learningRate})`,
  `  --batch B             batch size (default ${DEFAULT_TRAIN_CONFIG.batchSize})`,
  `  --hidden H            fast mode: hidden units of the head, 0 = linear (default ${DEFAULT_TRAIN_CONFIG.hiddenUnits})`,
  '  --no-augment          cnn mode: no flips or crops',
  '  --json                print the JSON line (otherwise a short summary)',
  '',
  'Exit status: 0 done; 1 unexpected error; 2 bad arguments or unreadable data;',
  '3 the method cannot run at this (N, n), or training diverged (the message says why).',
  '',
  'Example:',
  '  hypersphere-lab train --train cifar-10-binary.tar.gz --mode fast --method lse -n 3 --json',
  '',
].join('\n');
