/**
 * Registers tfjs's WebAssembly backend in a training or experiment worker, for the runs that land
 * on the CPU (train/wasmOnCpu.ts). Its .wasm binaries are fetched only when it starts, so a GPU
 * session never downloads them (its JavaScript is bundled into the worker). The .wasm
 * files come through Vite `?url` imports (hashed assets beside the worker, any sub-path), and
 * multithreading stays off: the threaded build needs a cross-origin-isolated page, and on such
 * a page it hangs (PLATFORM.md). Resolves false when the module cannot load: features then run on
 * the cpu backend, only slower.
 */

import plainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type * as TF from '@tensorflow/tfjs-core';

export async function registerWasmBackend(tf: typeof TF): Promise<boolean> {
  try {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    wasm.setWasmPaths({
      'tfjs-backend-wasm.wasm': plainUrl,
      'tfjs-backend-wasm-simd.wasm': simdUrl,
      'tfjs-backend-wasm-threaded-simd.wasm': threadedUrl,
    });
    return true;
  } catch {
    return false;
  }
}
