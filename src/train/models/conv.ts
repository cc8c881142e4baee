/**
 * A 3x3 'same' convolution (stride 1) for the CNN. On tfjs's cpu backend the built-in gradient
 * with respect to the filter (Conv2DBackpropFilter) is some 10-20 times slower than the forward
 * convolution, which made one training step of the small CNN take ~25 s; the WebAssembly backend
 * has no such kernel at all. On those two this module supplies the same gradient as a forward
 * convolution of the transposed input with the transposed output gradient, which both compute
 * fast (on WebAssembly the CNN then trains about 8 times as fast as on the cpu backend). GPU
 * backends keep the built-in gradient.
 */
import type * as TF from '@tensorflow/tfjs-core';

/** dL/dW of a 3x3 'same' convolution: W[i][j][c][f] = sum_{b,y,x} xpad[b][y+i][x+j][c] g[b][y][x][f]. */
export function filterGradient(tf: typeof TF, x: TF.Tensor4D, dy: TF.Tensor4D): TF.Tensor4D {
  return tf.tidy(() => {
    // Channels become the batch and the batch becomes the channels: [C, H+2, W+2, B].
    const xt = tf.pad(tf.transpose(x, [3, 1, 2, 0]), [
      [0, 0],
      [1, 1],
      [1, 1],
      [0, 0],
    ]) as TF.Tensor4D;
    // The output gradient becomes an H x W filter from B channels to F: [H, W, B, F].
    const gt = tf.transpose(dy, [1, 2, 0, 3]) as TF.Tensor4D;
    // [C, 3, 3, F] -> [3, 3, C, F].
    return tf.transpose(tf.conv2d(xt, gt, 1, 'valid'), [1, 2, 0, 3]) as TF.Tensor4D;
  });
}

export type Conv3x3 = (x: TF.Tensor4D, w: TF.Tensor4D) => TF.Tensor4D;

/** The convolution to use on the current backend (see the module comment). */
export function conv3x3For(
  tf: typeof TF,
  fastFilterGradient = ['cpu', 'wasm'].includes(tf.getBackend()),
): Conv3x3 {
  if (!fastFilterGradient) return (x, w) => tf.conv2d(x, w, 1, 'same');
  const forward = (x: TF.Tensor4D, w: TF.Tensor4D, save: TF.GradSaveFunc) => {
    save([x, w]);
    return {
      value: tf.conv2d(x, w, 1, 'same'),
      gradFunc: (dy: TF.Tensor4D, saved: TF.Tensor[]) => {
        const [xs, ws] = saved as TF.Tensor4D[];
        return [tf.conv2dTranspose(dy, ws, xs.shape, 1, 'same'), filterGradient(tf, xs, dy)];
      },
    };
  };
  // customGrad's declared argument type is a loose rest list; this is its (x, w, save) form.
  const conv = tf.customGrad(forward as unknown as Parameters<typeof tf.customGrad>[0]);
  return (x, w) => conv(x, w) as TF.Tensor4D;
}
