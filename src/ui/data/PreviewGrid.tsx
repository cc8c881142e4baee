import { imagePixels } from '../../data/dataset.ts';
import type { CifarSubset } from '../../data/subset.ts';
import { takeInTurn } from '../../data/takeInTurn.ts';
import { useData } from '../../state/labContext.ts';
import { CifarImage } from './CifarImage.tsx';

const MAX_TILES = 20;

/** Up to MAX_TILES training images of the subset, taken in turn from each class. */
export function previewIndices(subset: CifarSubset, max = MAX_TILES): number[] {
  return takeInTurn(subset.train.labels, subset.classNames.length, max);
}

function Tile({ pixels, label }: { pixels: Uint8Array; label: string }) {
  return (
    <figure className="data-tile">
      <CifarImage pixels={pixels} />
      <figcaption title={label}>{label.replaceAll('_', ' ')}</figcaption>
    </figure>
  );
}

export function PreviewGrid() {
  const subset = useData((s) => s.subset);
  if (!subset || subset.train.count === 0) return null;
  const indices = previewIndices(subset);
  return (
    <div className="data-grid" data-testid="preview-grid">
      {indices.map((i) => (
        <Tile
          key={`${subset.train.sourceIndex[i]}`}
          pixels={imagePixels(subset.train.pixels, i)}
          label={subset.classNames[subset.train.labels[i]]}
        />
      ))}
    </div>
  );
}
