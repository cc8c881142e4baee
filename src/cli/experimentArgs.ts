/**
 * Arguments of `hypersphere-lab experiment` (pure: no Node APIs). Flags take their value in the
 * next argument or after `=`; lists are comma-separated.
 */

import { LIMITS, METHODS } from '../core/methods/registry.ts';
import type { ExperimentSpec } from '../train/experiment/types.ts';
import { DEFAULT_LABELLING_OPTIONS } from '../train/labellings/options.ts';
import { parseLabellingName } from '../train/labellings/registry.ts';
import { DEFAULT_TRAIN_CONFIG, TRAIN_LIMITS, type TrainMode } from '../train/types.ts';
import { UsageError } from './args.ts';
import { optimiserFlags, wholeFlag } from './numberFlags.ts';
import { labellingHelp } from './trainArgs.ts';

export interface ExperimentCommand {
  readonly kind: 'experiment';
  /** Archive or .bin file for training (an archive also brings its test set). */
  readonly train: string;
  /** Archive or .bin file for testing; null: the training archive's own test set. */
  readonly test: string | null;
  /** `all`, `first:K`/`K`, names... as the data command reads them. */
  readonly classes: string;
  readonly trainPerClass: number | 'all';
  readonly testPerClass: number | 'all';
  readonly spec: ExperimentSpec;
  readonly json: boolean;
  /** A file (outside the repository) to keep the fast mode's features in between experiments. */
  readonly featuresCache: string | null;
}

const VALUE_FLAGS = [
  'train',
  'test',
  'methods',
  'labellings',
  'seeds',
  'n',
  'mode',
  'head',
  'epochs',
  'classes',
  'train-per-class',
  'test-per-class',
  'lr',
  'batch',
  'tau',
  'warmup',
  'features-cache',
] as const;
const BOOLEAN_FLAGS = ['json'] as const;

function perClass(flag: string, text: string): number | 'all' {
  return text === 'all' ? 'all' : wholeFlag(flag, text, 1, 6000);
}

function list(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** argv after the word `experiment`. */
export function parseExperimentArgs(argv: readonly string[]): ExperimentCommand {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--?([a-z-]+|N|n)(?:=(.*))?$/.exec(a);
    if (!m)
      throw new UsageError(`unexpected argument "${a}" (see hypersphere-lab help experiment)`);
    const name = m[1];
    if ((BOOLEAN_FLAGS as readonly string[]).includes(name)) {
      if (m[2] !== undefined) throw new UsageError(`--${name} takes no value`);
      flags.add(name);
      continue;
    }
    if (!(VALUE_FLAGS as readonly string[]).includes(name)) {
      throw new UsageError(
        `unknown flag ${a} for experiment (see hypersphere-lab help experiment)`,
      );
    }
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === '') throw new UsageError(`${a} needs a value`);
    if (values.has(name)) throw new UsageError(`--${name} is given more than once`);
    values.set(name, value);
  }
  const need = (name: string) => {
    const v = values.get(name);
    if (v === undefined) throw new UsageError(`experiment needs --${name}`);
    return v;
  };
  const methods = list(need('methods'));
  const ids = METHODS.map((m) => m.id);
  for (const m of methods) {
    if (!ids.includes(m as never)) {
      throw new UsageError(`unknown method "${m}" (allowed: ${ids.join(', ')})`);
    }
  }
  let labellings: ExperimentSpec['labellings'];
  try {
    labellings = list(values.get('labellings') ?? 'identity').map(parseLabellingName);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const mode = (values.get('mode') ?? 'fast') as TrainMode;
  if (mode !== 'fast' && mode !== 'cnn') {
    throw new UsageError(`--mode must be fast or cnn, got "${mode}"`);
  }
  const head = values.get('head') ?? 'mlp';
  if (head !== 'linear' && head !== 'mlp') {
    throw new UsageError(`--head must be linear or mlp, got "${head}"`);
  }
  const get = <T>(name: string, parse: (v: string) => T, fallback: T): T => {
    const v = values.get(name);
    return v === undefined ? fallback : parse(v);
  };
  const epochs = get(
    'epochs',
    (v) => wholeFlag('epochs', v, TRAIN_LIMITS.epochs.min, TRAIN_LIMITS.epochs.max),
    DEFAULT_TRAIN_CONFIG.epochs,
  );
  const spec: ExperimentSpec = {
    title: 'command line',
    n: wholeFlag('n', need('n'), LIMITS.n.min, LIMITS.n.max),
    methods,
    labellings,
    seeds: get('seeds', (v) => wholeFlag('seeds', v, 1, 100), 3),
    config: {
      ...DEFAULT_TRAIN_CONFIG,
      mode,
      epochs,
      hiddenUnits: head === 'linear' ? 0 : (DEFAULT_TRAIN_CONFIG.hiddenUnits ?? 256),
      ...optimiserFlags((name) => values.get(name)),
    },
    labelling: {
      ...DEFAULT_LABELLING_OPTIONS,
      warmupEpochs: get(
        'warmup',
        (v) => wholeFlag('warmup', v, 1, TRAIN_LIMITS.epochs.max),
        DEFAULT_LABELLING_OPTIONS.warmupEpochs,
      ),
    },
  };
  return {
    kind: 'experiment',
    train: need('train'),
    test: values.get('test') ?? null,
    classes: values.get('classes') ?? 'all',
    trainPerClass: get('train-per-class', (v) => perClass('train-per-class', v), 'all'),
    testPerClass: get('test-per-class', (v) => perClass('test-per-class', v), 'all'),
    spec,
    json: flags.has('json'),
    featuresCache: values.get('features-cache') ?? null,
  };
}

export const EXPERIMENT_HELP = [
  'Usage: hypersphere-lab experiment --train FILE [--test FILE] --methods M1,M2,... -n <int> [options]',
  '',
  'Trains one model per prototype method, labelling and seed (seeds 0..K-1) on one CIFAR subset',
  'with identical budgets, and reports test accuracy against separation. N = the number of classes.',
  'Progress goes to stderr; the last line of stdout is one JSON object with --json:',
  '  {"runs": [{"method", "labelling", "seed", "testAccuracy", "maxCosine", "timeMs"}, ...],',
  '   "summary": [{"method", "labelling", "n", "runs", "meanAccuracy", "stdAccuracy", "meanMaxCosine"}, ...]}',
  '(accuracies are fractions; stdAccuracy is the sample standard deviation, null for one seed).',
  '',
  '  --train FILE            CIFAR-10/100 archive or .bin batches for training',
  "  --test FILE             test archive or batch (default: the training archive's test set)",
  '  --methods LIST          prototype methods, e.g. random,orthoplex,mettes,lse,rm,bch',
  ...labellingHelp('  --labellings LIST       ', 26),
  '  --seeds K               seeds 0..K-1 (default 3)',
  '  -n <int>                prototype dimension',
  '  --mode fast|cnn         fast: a head on features computed once (default); cnn: end to end',
  '  --head linear|mlp       fast mode head: linear map, or one hidden layer (128 units, the training default; default mlp)',
  `  --epochs E              epochs a run (default ${DEFAULT_TRAIN_CONFIG.epochs})`,
  '  --classes C             all (default), first:K or K, or class names',
  '  --train-per-class N     training images a class (default all)',
  '  --test-per-class N      test images a class (default all)',
  `  --lr X, --batch B, --tau T   Adam rate, batch size, softmax temperature (defaults ${DEFAULT_TRAIN_CONFIG.learningRate}, ${DEFAULT_TRAIN_CONFIG.batchSize}, ${DEFAULT_TRAIN_CONFIG.tau})`,
  `  --warmup W              epochs before the hungarian labelling's assignment (default ${DEFAULT_LABELLING_OPTIONS.warmupEpochs})`,
  '  --features-cache FILE   keep fast-mode features in FILE and reuse them when the subset matches',
  '  --json                  print the JSON object (otherwise a table)',
  '',
  'Example (the talk: RM codes in alphabetical order, with and without relabelling):',
  '  hypersphere-lab experiment --train cifar-100-binary.tar.gz --methods rm -n 64 \\',
  '    --labellings identity,random,hungarian --seeds 3 --head linear --json',
  '',
].join('\n');
