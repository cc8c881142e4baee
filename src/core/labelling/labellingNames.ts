/**
 * The labellings by the names the CLI (--labelling) and shared URLs use. Adding one here and
 * in the trainer is all it takes to offer it everywhere.
 */
export const LABELLINGS = [
  {
    name: 'identity',
    description: 'class k -> prototype k: dataset order, the codeword order the authors used',
  },
  { name: 'random', description: 'a seeded uniformly random class -> prototype assignment' },
  {
    name: 'hungarian',
    description: 'Hungarian assignment on class means, once after a warm-up',
  },
  {
    name: 'hungarian-epoch',
    description: 'Hungarian assignment on running class means, redone every epoch (DL2PA)',
  },
  {
    name: 'sinkhorn',
    description: 'learned soft permutation (annealed Sinkhorn), rounded by Hungarian',
  },
  {
    name: 'autoshuffle',
    description: 'learned doubly stochastic matrix with the AutoShuffleNet penalty, rounded',
  },
  {
    name: 'structure',
    description: 'class similarity matched to the prototype Gram matrix (quadratic assignment)',
  },
] as const;

export type LabellingName = (typeof LABELLINGS)[number]['name'];

export const LABELLING_NAMES: readonly LabellingName[] = LABELLINGS.map((l) => l.name);

export function isLabellingName(text: string): text is LabellingName {
  return (LABELLING_NAMES as readonly string[]).includes(text);
}

/** The labelling called `text` (exact, lower case); anything else is refused by name. */
export function parseLabellingName(text: string): LabellingName {
  if (isLabellingName(text)) return text;
  throw new RangeError(`unknown labelling "${text}" (allowed: ${LABELLING_NAMES.join(', ')})`);
}

/** One-line description for help texts and menus. */
export function describeLabelling(name: LabellingName): string {
  const found = LABELLINGS.find((l) => l.name === name);
  if (!found) throw new RangeError(`unknown labelling "${name}"`);
  return found.description;
}
