import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cifar10Labels, makeCifar10Tar, makeRecords } from '../data/testing/tarBuilder.ts';
import { runCliAsync } from './cli.ts';
import { parseTrainArgs } from './trainArgs.ts';

let dir: string;
let archive: string;
let testBin: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'train-cli-'));
  // The official layout: five training batches (one image a class each) and a test batch.
  archive = join(dir, 'cifar-10-binary.tar.gz');
  writeFileSync(archive, gzipSync(makeCifar10Tar(1, 2)));
  testBin = join(dir, 'test_batch.bin');
  writeFileSync(testBin, makeRecords(cifar10Labels(3), 'cifar10'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCliAsync(argv, {
    stdout: { write: (c: string | Uint8Array) => (out += String(c)) },
    stderr: { write: (c: string) => (err += c) },
  });
  return { code, out, err };
}

describe('hypersphere-lab train', { timeout: 120_000 }, () => {
  it('trains the CNN end to end and prints the JSON line last', async () => {
    const { code, out, err } = await run([
      'train',
      '--train',
      archive,
      '--test',
      testBin,
      '--mode',
      'cnn',
      '--method',
      'kasarla',
      '-n',
      '3',
      '--classes',
      '3',
      '--per-class',
      '2',
      '--epochs',
      '1',
      '--batch',
      '3',
      '--json',
    ]);
    expect(err).toMatch(/train: cnn mode, 3 classes, 6 training and 9 test images/);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    const result = JSON.parse(lines[lines.length - 1]);
    expect(Object.keys(result).slice(0, 6)).toEqual([
      'testAccuracy',
      'perClassAccuracy',
      'maxCosine',
      'epochs',
      'timeMs',
      'backend',
    ]);
    expect(result.epochs).toBe(1);
    // On the CPU both modes train on tfjs's WebAssembly backend.
    expect(result.backend).toBe('wasm');
    // Kasarla: 3 points of a simplex, every cosine -1/2.
    expect(result.maxCosine).toBeCloseTo(-0.5, 12);
    expect(result.perClassAccuracy.length).toBe(3);
    // 9 test images, 3 a class: every accuracy is a multiple of 1/9 (1/3 per class).
    expect(result.testAccuracy * 9).toBeCloseTo(Math.round(result.testAccuracy * 9), 9);
    const mean = result.perClassAccuracy.reduce((a: number, b: number) => a + b, 0) / 3;
    expect(result.testAccuracy).toBeCloseTo(mean, 12);
    expect(result.classes).toEqual(['airplane', 'automobile', 'bird']);
  });

  it('trains the fast mode with Hungarian labelling from the archive alone', async () => {
    const { code, out, err } = await run([
      'train',
      '--train',
      archive,
      '--method',
      'orthoplex',
      '-n',
      '2',
      '--classes',
      '4',
      '--epochs',
      '2',
      '--labelling',
      'hungarian',
      '--json',
    ]);
    expect(code).toBe(0);
    expect(err).toMatch(/features: 48 of 48 images/);
    expect(err).toMatch(/hungarian: classes -> prototypes \[/);
    const result = JSON.parse(out.trim().split('\n').at(-1) as string);
    expect(result.mode).toBe('fast');
    // Fast mode is matrix products: on the CPU it runs on tfjs's WebAssembly backend.
    expect(result.backend).toBe('wasm');
    expect(result.labelling).toBe('hungarian');
    // Cross-polytope in R^2 (4 points): neighbours at 90 degrees.
    expect(result.maxCosine).toBeCloseTo(0, 12);
    expect([...result.assignment].sort()).toEqual([0, 1, 2, 3]);
    // 8 test images (2 a class): the accuracy is a multiple of 1/8.
    expect(result.testAccuracy * 8).toBeCloseTo(Math.round(result.testAccuracy * 8), 9);
  });

  it('exits 2 with a clear message on bad arguments', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['train', '--method', 'lse', '-n', '3'], /train needs --train/],
      [
        ['train', '--train', archive, '-n', '3'],
        /train needs --method \(a prototype method: random/,
      ],
      [
        ['train', '--train', archive, '--method', 'lse', '-n', '3', '--mode', 'gpu'],
        /--mode must be one of fast, cnn, got "gpu"/,
      ],
      [
        ['train', '--train', archive, '--method', 'lse', '-n', '3', '--tau', '0'],
        /--tau must be a number from 0\.001 to 100, got "0"/,
      ],
      [
        ['train', '--train', archive, '--method', 'lse', '-n', '3', '--epochs', '2.5'],
        /--epochs must be a whole number from 1 to 1000, got "2\.5"/,
      ],
      [
        ['train', '--train', archive, '--method', 'lse', '-n', '3', '--loss', 'mse'],
        /--loss must be one of softmax, unnormalised, mettes/,
      ],
      [
        ['train', '--train', archive, '--method', 'lse', '-n', '3', '--labelling', 'best'],
        /--labelling must be one of identity, random, hungarian/,
      ],
      [
        ['train', '--train', archive, '--method', 'lse', '-n', '3', '--speed', '2'],
        /unknown flag --speed for train/,
      ],
      [
        ['train', '--train', join(dir, 'missing.tar.gz'), '--method', 'lse', '-n', '3'],
        /missing\.tar\.gz does not exist/,
      ],
      [['train', '--train', archive, '--method', 'lse', '-n', '3', '--per-class', '9'], /class/],
    ];
    for (const [argv, message] of cases) {
      const { code, out, err } = await run(argv);
      expect(err).toMatch(/^error: /);
      expect(err).toMatch(message);
      expect(code).toBe(2);
      expect(out).toBe('');
    }
  });

  it('exits 3 when the method cannot make N prototypes in R^n', async () => {
    const { code, err } = await run([
      'train',
      '--train',
      archive,
      '--method',
      'onehot',
      '-n',
      '2',
      '--classes',
      '3',
    ]);
    expect(err).toMatch(/^error: onehot cannot run at N = 3, n = 2/);
    expect(code).toBe(3);
  });

  it('shows its help', async () => {
    const { code, out } = await run(['train', '--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: hypersphere-lab train --train FILE/);
  });
});

describe('parseTrainArgs', { timeout: 120_000 }, () => {
  it('fills defaults and reads every flag', () => {
    const c = parseTrainArgs(['--train', 'a.tar.gz', '--method', 'rm', '-n', '8']);
    expect(c.config.mode).toBe('fast');
    expect(c.config.tau).toBe(0.1);
    expect(c.classes).toBeNull();
    expect(c.labelling).toBe('identity');
    const d = parseTrainArgs([
      '--train=a.tar.gz',
      '--test',
      'b.bin',
      '--method',
      'lse',
      '-n',
      '3',
      '--mode',
      'cnn',
      '--classes',
      '3',
      '--per-class',
      '20',
      '--epochs',
      '2',
      '--seed',
      '7',
      '--labelling',
      'random',
      '--tau',
      '0.5',
      '--lr',
      '1e-2',
      '--batch',
      '16',
      '--loss',
      'mettes',
      '--hidden',
      '0',
      '--no-augment',
      '--json',
    ]);
    expect(d).toEqual({
      kind: 'train',
      train: 'a.tar.gz',
      test: 'b.bin',
      method: 'lse',
      n: 3,
      classes: 3,
      perClass: 20,
      labelling: 'random',
      json: true,
      config: {
        mode: 'cnn',
        epochs: 2,
        batchSize: 16,
        learningRate: 0.01,
        tau: 0.5,
        loss: 'mettes',
        seed: 7,
        augment: false,
        hiddenUnits: 0,
      },
    });
  });
});
