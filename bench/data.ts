// Load time of a CIFAR archive in Node: node bin/run-ts.mjs bench/data.ts [ARCHIVE] [--runs N]
// (default: $CIFAR10_ARCHIVE or ../shared/data/cifar-10-binary.tar.gz). Prints one line a run and the
// median. CPU time (all threads of this process, zlib included) is printed too: it varies less than
// wall time on a busy machine.

import { parseArgs } from 'node:util';
import { bytesHeld, countOf, datasetArrays } from '../src/data/dataset.ts';
import { loadCifar } from '../src/data/load.ts';
import { fileSource } from '../src/data/node/readFile.ts';
import { cifar10Archive } from './lib/archive.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '5' } },
});
const { path, present } = cifar10Archive(positionals[0]);
if (!present) {
  console.error(`no archive at ${path}: pass one, or set CIFAR10_ARCHIVE`);
  process.exit(1);
}
const runs = Math.max(1, Number(values.runs));
const times: number[] = [];
for (let run = 1; run <= runs; run++) {
  const source = await fileSource(path);
  const start = performance.now();
  const cpu = process.cpuUsage();
  const dataset = await loadCifar({ train: [source] });
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  times.push(ms);
  console.log(
    `run ${run}: ${ms.toFixed(0)} ms (${cpuMs.toFixed(0)} ms CPU) for ${source.name} (${(source.size / 1e6).toFixed(1)} MB): ` +
      `${countOf(dataset.train)} train + ${countOf(dataset.test)} test images, ` +
      `${(bytesHeld(datasetArrays(dataset)) / 1e6).toFixed(1)} MB kept, ${((source.size / 1e6 / ms) * 1000).toFixed(1)} MB/s`,
  );
}
times.sort((a, b) => a - b);
console.log(
  `node ${process.version}: median ${times[Math.floor(times.length / 2)].toFixed(0)} ms, best ${times[0].toFixed(0)} ms over ${runs} runs`,
);
