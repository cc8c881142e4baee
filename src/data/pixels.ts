import { IMAGE_SIDE, PIXELS_PER_IMAGE } from './formats.ts';

/**
 * One CIFAR image (1024 red, 1024 green, 1024 blue bytes) as RGBA pixels, row-major, the layout
 * of canvas ImageData. Writes into `out` when given (32 x 32 x 4 bytes).
 */
export function toRgba(
  image: Uint8Array,
  out = new Uint8ClampedArray(IMAGE_SIDE * IMAGE_SIDE * 4),
): Uint8ClampedArray {
  if (image.length !== PIXELS_PER_IMAGE)
    throw new RangeError(`an image has ${PIXELS_PER_IMAGE} bytes, got ${image.length}`);
  const plane = IMAGE_SIDE * IMAGE_SIDE;
  for (let p = 0; p < plane; p++) {
    out[4 * p] = image[p];
    out[4 * p + 1] = image[plane + p];
    out[4 * p + 2] = image[2 * plane + p];
    out[4 * p + 3] = 255;
  }
  return out;
}
