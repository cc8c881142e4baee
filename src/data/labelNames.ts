import { DataProblem } from './errors.ts';
import { type CifarFormat, FORMATS } from './formats.ts';

/** The published class names, used when a file with the names is not among the inputs. */
export const CIFAR10_NAMES: readonly string[] = [
  'airplane',
  'automobile',
  'bird',
  'cat',
  'deer',
  'dog',
  'frog',
  'horse',
  'ship',
  'truck',
];

/** CIFAR-100 fine classes in the published (alphabetical) order of fine_label_names.txt. */
export const CIFAR100_NAMES: readonly string[] = (
  'apple aquarium_fish baby bear beaver bed bee beetle bicycle bottle bowl boy bridge bus ' +
  'butterfly camel can castle caterpillar cattle chair chimpanzee clock cloud cockroach couch ' +
  'crab crocodile cup dinosaur dolphin elephant flatfish forest fox girl hamster house kangaroo ' +
  'keyboard lamp lawn_mower leopard lion lizard lobster man maple motorcycle mountain mouse ' +
  'mushroom oak orange orchid otter palm pear pickup_truck pine plain plate poppy porcupine ' +
  'possum rabbit raccoon ray road rocket rose sea seal shark shrew skunk skyscraper snail snake ' +
  'spider squirrel streetcar sunflower sweet_pepper table tank telephone television tiger tractor ' +
  'train trout tulip turtle wardrobe whale willow wolf woman worm'
).split(' ');

/** CIFAR-100 superclasses (coarse labels) in the published order of coarse_label_names.txt. */
export const CIFAR100_COARSE_NAMES: readonly string[] = (
  'aquatic_mammals fish flowers food_containers fruit_and_vegetables ' +
  'household_electrical_devices household_furniture insects large_carnivores ' +
  'large_man-made_outdoor_things large_natural_outdoor_scenes large_omnivores_and_herbivores ' +
  'medium_mammals non-insect_invertebrates people reptiles small_mammals trees vehicles_1 vehicles_2'
).split(' ');

export function defaultNames(format: CifarFormat): readonly string[] {
  return format === 'cifar10' ? CIFAR10_NAMES : CIFAR100_NAMES;
}

/**
 * Reads a label-name file: one name a line, blank lines ignored (batches.meta.txt ends with one).
 * Throws a DataProblem when the count is not the expected one.
 */
export function parseLabelNames(
  bytes: Uint8Array,
  format: CifarFormat,
  kind: 'fine' | 'coarse',
): string[] {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const names = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const info = FORMATS[format];
  const expected = kind === 'fine' ? info.classes : info.coarseClasses;
  if (names.length !== expected) {
    const what = kind === 'fine' ? 'class names' : 'superclass names';
    throw new DataProblem(
      `has ${names.length} non-empty lines, but ${info.title} needs ${expected} ${what}, one a line`,
    );
  }
  if (new Set(names).size !== names.length) {
    throw new DataProblem('names the same class twice');
  }
  return names;
}
