// npm run data: download CIFAR and write the default subset into public/data/ (see docs/data.md).
import { runDataCommand } from '../src/data/node/dataCommand.ts';

const tty = process.stderr.isTTY;
process.exitCode = await runDataCommand(process.argv.slice(2), {
  out: (line) => {
    if (tty) process.stderr.write('\r\x1b[K');
    process.stdout.write(`${line}\n`);
  },
  err: (line) => {
    if (tty) process.stderr.write('\r\x1b[K');
    process.stderr.write(`${line}\n`);
  },
  progress: tty ? (text) => process.stderr.write(`\r\x1b[K${text}`) : undefined,
});
if (tty) process.stderr.write('\r\x1b[K');
