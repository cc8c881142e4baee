import { useEffect, useRef } from 'react';
import { IMAGE_SIDE } from '../../data/formats.ts';
import { toRgba } from '../../data/pixels.ts';

/** One 32 x 32 CIFAR image (CHW bytes) drawn into a canvas; CSS sets its size on screen. */
export function CifarImage({ pixels }: { readonly pixels: Uint8Array }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const image = new ImageData(IMAGE_SIDE, IMAGE_SIDE);
    toRgba(pixels, image.data);
    ctx.putImageData(image, 0, 0);
  }, [pixels]);
  return <canvas ref={canvas} width={IMAGE_SIDE} height={IMAGE_SIDE} />;
}
