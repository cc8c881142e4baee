// Training speed, memory and fast-mode accuracy in Node (TensorFlow.js's WebAssembly backend, as
// the CLI uses; `--backend cpu` for its JavaScript one):
//   node bin/run-ts.mjs bench/train.ts [--quick] [--seeds 0,1,2] [--no-cnn] [--no-fast] [--backend wasm|cpu]
// On the CIFAR-10 subset ($CIFAR10_ARCHIVE, default ../shared/data/cifar-10-binary.tar.gz):
// fast mode (feature extraction time, head training images/s, numTensors and bytes per epoch,
// test accuracy with 10 classes on S^2, n = 3, LSE prototypes) for each seed, then the end-to-end
// CNN on a small subset (training and inference images/s, accuracy). --quick: fewer images and
// epochs, for a smoke run. CPU time is printed next to wall time: on a busy machine it varies less.

import { parseArgs } from 'node:util';
import { runMethod } from '../src/core/methods/registry.ts';
import { loadCifar } from '../src/data/load.ts';
import { fileSource } from '../src/data/node/readFile.ts';
import { makeSubset } from '../src/data/subset.ts';
import { trainEpochs } from '../src/train/drive.ts';
import { loadNodeTf } from '../src/train/node/nodeTf.ts';
import { computeFeatures } from '../src/train/pipelines/fastPipeline.ts';
import { createTrainer } from '../src/train/trainer.ts';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig, type TrainInput } from '../src/train/types.ts';
import { switchCpuToWasm } from '../src/train/wasmOnCpu.ts';
import { cifar10Archive } from './lib/archive.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    seeds: { type: 'string', default: '0,1,2' },
    backend: { type: 'string', default: 'wasm' },
    'no-cnn': { type: 'boolean', default: false },
    'no-fast': { type: 'boolean', default: false },
  },
});
const quick = values.quick;
const seeds = values.seeds.split(',').map(Number);
const { path, present } = cifar10Archive();
if (!present) {
  console.log(`bench/train.ts skipped: no CIFAR-10 archive at ${path} (set CIFAR10_ARCHIVE)`);
  process.exit(0);
}

const cpuNow = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

const tf = await loadNodeTf();
if (values.backend === 'wasm') await switchCpuToWasm(tf);
console.log(`backend: ${tf.getBackend()}`);
const dataset = await loadCifar({ train: [await fileSource(path)] });
const N = 10;
const n = 3;
const prototypes = runMethod({ method: 'lse', N, n, seed: 0 }).codebook;
console.log(`node ${process.version}, tfjs ${tf.version_core}, backend ${tf.getBackend()}`);

// ---- Fast mode: features once per seed (the stage is fitted with that seed), then the head.
const fastSubset = makeSubset(dataset, {
  classes: { kind: 'all' },
  trainPerClass: quick ? 100 : 'all',
  testPerClass: quick ? 50 : 'all',
  seed: 0,
});
const fastConfig: TrainConfig = {
  ...DEFAULT_TRAIN_CONFIG,
  mode: 'fast',
  epochs: quick ? 3 : DEFAULT_TRAIN_CONFIG.epochs,
};
const { train, test } = fastSubset;
if (!values['no-fast'])
  console.log(
    `\nfast mode: ${train.count} training and ${test.count} test images, 10 classes, LSE prototypes in R^3, ` +
      `${fastConfig.epochs} epochs, batch ${fastConfig.batchSize}, hidden ${fastConfig.hiddenUnits}`,
  );
const accuracies: number[] = [];
for (const seed of values['no-fast'] ? [] : quick ? seeds.slice(0, 1) : seeds) {
  const start = performance.now();
  const cpu0 = cpuNow();
  const features = await computeFeatures(tf, train, test, seed);
  if (features === null) throw new Error('feature extraction stopped');
  const featureMs = performance.now() - start;
  const featureCpu = cpuNow() - cpu0;
  console.log(
    `seed ${seed}: features ${features.width} a image in ${seconds(featureMs)} (${seconds(featureCpu)} CPU), ` +
      `${(((train.count + test.count) * 1000) / featureMs).toFixed(0)} images/s`,
  );
  const input: TrainInput = {
    train,
    test,
    classCount: N,
    prototypes: { N, n, data: prototypes.data },
    features,
    config: { ...fastConfig, seed },
  };
  const trainer = createTrainer(tf, input);
  let images = 0;
  let batchMs = 0;
  let epochStart = performance.now();
  const last = await trainEpochs(trainer, {
    onBatch: (r) => {
      images += Math.min(input.config.batchSize, train.count - r.batch * input.config.batchSize);
      batchMs +=
        (Math.min(input.config.batchSize, train.count - r.batch * input.config.batchSize) * 1000) /
        r.imagesPerSecond;
    },
    onEpoch: (r) => {
      const now = performance.now();
      if (quick || r.epoch % 5 === 0 || r.epoch === input.config.epochs) {
        console.log(
          `  epoch ${r.epoch}: loss ${r.loss.toFixed(3)}, train ${pct(r.trainAccuracy)}, test ${pct(r.testAccuracy)}, ` +
            `numTensors ${r.numTensors}, ${(tf.memory().numBytes / 1e6).toFixed(1)} MB, ${seconds(now - epochStart)}`,
        );
      }
      epochStart = now;
    },
  });
  trainer.dispose();
  if (last === null) throw new Error('training stopped before it finished');
  const totalMs = performance.now() - start;
  accuracies.push(last.testAccuracy);
  console.log(
    `seed ${seed}: test accuracy ${pct(last.testAccuracy)} after ${last.epoch} epochs; head ${((images * 1000) / batchMs).toFixed(0)} images/s; ` +
      `total ${seconds(totalMs)} (${seconds(cpuNow() - cpu0)} CPU) including features; numTensors after dispose ${tf.memory().numTensors}`,
  );
}
if (accuracies.length > 1) {
  const mean = accuracies.reduce((a, b) => a + b, 0) / accuracies.length;
  console.log(
    `fast mode: mean test accuracy ${pct(mean)} over seeds ${seeds.join(', ')} (min ${pct(Math.min(...accuracies))})`,
  );
}

// ---- End-to-end CNN on a small subset (slow on a CPU).
if (!values['no-cnn']) {
  const perClass = quick ? 10 : 100;
  const epochs = quick ? 1 : 3;
  const cnnSubset = makeSubset(dataset, {
    classes: { kind: 'all' },
    trainPerClass: perClass,
    testPerClass: quick ? 10 : 'all',
    seed: 0,
  });
  const input: TrainInput = {
    train: cnnSubset.train,
    test: cnnSubset.test,
    classCount: N,
    prototypes: { N, n, data: prototypes.data },
    config: { ...DEFAULT_TRAIN_CONFIG, mode: 'cnn', epochs, seed: 0 },
  };
  console.log(
    `\ncnn mode: ${input.train.count} training and ${input.test.count} test images, ${epochs} epochs, batch ${input.config.batchSize}, augmentation on`,
  );
  const trainer = createTrainer(tf, input);
  const start = performance.now();
  const cpu0 = cpuNow();
  let trainMs = 0;
  let trainImages = 0;
  let evalMs = 0;
  let mark = performance.now();
  const last = await trainEpochs(trainer, {
    onBatch: (r) => {
      const now = performance.now();
      const count = Math.min(
        input.config.batchSize,
        input.train.count - r.batch * input.config.batchSize,
      );
      trainMs += now - mark;
      trainImages += count;
      mark = now;
    },
    onEpoch: (r) => {
      const now = performance.now();
      evalMs += now - mark;
      mark = now;
      console.log(
        `  epoch ${r.epoch}: loss ${r.loss.toFixed(3)}, train ${pct(r.trainAccuracy)}, test ${pct(r.testAccuracy)}, ` +
          `numTensors ${r.numTensors}, ${(tf.memory().numBytes / 1e6).toFixed(1)} MB`,
      );
    },
  });
  trainer.dispose();
  if (last === null) throw new Error('training stopped before it finished');
  console.log(
    `cnn: test accuracy ${pct(last.testAccuracy)} in ${seconds(performance.now() - start)} (${seconds(cpuNow() - cpu0)} CPU); ` +
      `training ${((trainImages * 1000) / trainMs).toFixed(1)} images/s, inference ${((input.test.count * epochs * 1000) / evalMs).toFixed(0)} images/s; ` +
      `numTensors after dispose ${tf.memory().numTensors}`,
  );
}
