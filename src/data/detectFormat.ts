import { DataProblem, formatCount } from './errors.ts';
import { type CifarFormat, FORMATS } from './formats.ts';
import { officialRole } from './official.ts';
import { checkRecordSize } from './records.ts';

/**
 * The format of a raw `.bin` file, told by its name and its size:
 * - a format the user chose wins (the size must still fit it);
 * - an official name (data_batch_N.bin, test_batch.bin: CIFAR-10; train.bin, test.bin: CIFAR-100)
 *   decides, and the size must fit it;
 * - otherwise the record size decides (3073 bytes: CIFAR-10, 3074: CIFAR-100); when the size is a
 *   multiple of both, the user has to choose, and the message says how.
 */
export function detectBinFormat(name: string, size: number, chosen?: CifarFormat): CifarFormat {
  if (chosen) {
    checkRecordSize(chosen, size);
    return chosen;
  }
  if (size === 0) throw new DataProblem('is empty (0 bytes)');
  const fits = (['cifar10', 'cifar100'] as const).filter((f) => size % FORMATS[f].recordSize === 0);
  const byName = officialRole(name)?.format;
  if (byName) {
    if (fits.includes(byName)) return byName;
    const other = fits[0];
    const { title, recordSize } = FORMATS[byName];
    throw new DataProblem(
      `is named like a ${title} file, but its size, ${formatCount(size)} bytes, is not a whole number of ` +
        `${recordSize}-byte ${title} records` +
        (other
          ? ` (it would fit ${FORMATS[other].title} records: choose that format if it is one)`
          : ': the file is cut off or damaged'),
    );
  }
  if (fits.length === 1) return fits[0];
  if (fits.length === 0) {
    throw new DataProblem(
      `is ${formatCount(size)} bytes, which is not a whole number of CIFAR records ` +
        `(3073 bytes each for CIFAR-10, 3074 for CIFAR-100): the file is cut off or not a CIFAR batch`,
    );
  }
  throw new AmbiguousFormat(size);
}

/** The size fits both record sizes and the name does not tell: the user must choose. */
export class AmbiguousFormat extends DataProblem {
  constructor(size: number) {
    super(
      `is ${formatCount(size)} bytes, a whole number of both CIFAR-10 (3073-byte) and CIFAR-100 (3074-byte) ` +
        'records, and its name does not tell which: choose the format (the Format menu, or --format cifar10|cifar100)',
    );
    this.name = 'AmbiguousFormat';
  }
}
