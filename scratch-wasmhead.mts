import { loadNodeTf } from './src/train/node/nodeTf.ts';
import { createTrainer, trainToEnd } from './src/train/trainer.ts';
import { tinyInput, tinySplit } from './src/train/testing.ts';
import { DEFAULT_TRAIN_CONFIG } from './src/train/types.ts';
import { computeFeatures } from './src/train/pipelines/fastPipeline.ts';
const tf = await loadNodeTf();
const train = tinySplit(1000, 10, 1), test = tinySplit(200, 10, 2);
const features = await computeFeatures(tf, train, test, 1);
const protos = { N: 10, n: 3, data: new Float64Array(30).map((_, i) => Math.sin(i * 7 + 1)) };
for (let k = 0; k < 10; k++) { let s = 0; for (let j = 0; j < 3; j++) s += protos.data[k*3+j]**2; for (let j = 0; j < 3; j++) protos.data[k*3+j] /= Math.sqrt(s); }
for (const backend of ['cpu', 'wasm']) {
  await tf.setBackend(backend);
  const input = { train, test, classCount: 10, prototypes: protos, features: features!, config: { ...DEFAULT_TRAIN_CONFIG, mode: 'fast' as const, epochs: 3 } };
  const trainer = createTrainer(tf, input);
  const t0 = performance.now();
  let images = 0;
  const r = await trainToEnd(trainer, { onBatch: (b) => { images += 0; } });
  console.log(backend, 'ms', (performance.now() - t0).toFixed(0), 'test acc', r.testAccuracy, 'tensors', tf.memory().numTensors);
  trainer.dispose();
}
