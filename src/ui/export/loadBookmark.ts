import { createCodebook } from '../../core/math/codebook.ts';
import { separationMetrics } from '../../core/metrics/separation.ts';
import type { Bookmark } from '../../state/bookmark.ts';
import type { LabStores } from '../../state/labContext.ts';
import { showLoadedPrototypes } from '../../state/loadedFile.ts';
import { applyHash } from '../../state/urlSync.ts';

const FILE_PREFIX = 'file: ';

/**
 * Shows a (validated) bookmark: its settings, as a link would set them, and, where the
 * prototypes on screen had been read from a file, those prototypes again (a method's prototypes
 * are made anew from the settings: same seed, same numbers).
 */
export function applyBookmark(
  { lab: store, train, data: dataStore }: LabStores,
  bookmark: Bookmark,
  hash: string,
): void {
  applyHash(store, hash, train, dataStore);
  const p = bookmark.prototypes;
  if (!p?.method.startsWith(FILE_PREFIX) || p.N < 2) return;
  const data = Float64Array.from(p.data);
  const metrics = separationMetrics({ codebook: createCodebook(p.N, p.n, data) });
  showLoadedPrototypes(
    {
      kind: 'parse',
      name: p.method.slice(FILE_PREFIX.length),
      format: 'bookmark',
      N: p.N,
      n: p.n,
      data,
      renormalised: false,
      metrics,
      method: null,
      timeMs: 0,
    },
    store,
  );
}
