import { useEffect, useRef } from 'react';
import { imagePixels } from '../../data/dataset.ts';
import { IMAGE_SIDE } from '../../data/formats.ts';
import { toRgba } from '../../data/pixels.ts';
import type { CifarSubset } from '../../data/subset.ts';
import { useData } from './dataStore.ts';

const MAX_TILES = 20;

/** Up to MAX_TILES training images of the subset, taken in turn from each class. */
export function previewIndices(subset: CifarSubset, max = MAX_TILES): number[] {
  const k = subset.classNames.length;
  const byClass: number[][] = Array.from({ length: k }, () => []);
  const per = Math.max(1, Math.ceil(max / k));
  subset.train.labels.forEach((label, i) => {
    if (byClass[label].length < per) byClass[label].push(i);
  });
  const out: number[] = [];
  for (let round = 0; round < per && out.length < max; round++) {
    for (const list of byClass) {
      if (round < list.length && out.length < max) out.push(list[round]);
    }
  }
  return out;
}

function Tile({ pixels, label }: { pixels: Uint8Array; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const image = new ImageData(IMAGE_SIDE, IMAGE_SIDE);
    toRgba(pixels, image.data);
    ctx.putImageData(image, 0, 0);
  }, [pixels]);
  return (
    <figure className="data-tile">
      <canvas ref={canvas} width={IMAGE_SIDE} height={IMAGE_SIDE} />
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
