/**
 * Entry point of the hypersphere-lab command (bin/hypersphere-lab.mjs imports this through tsx).
 * Everything that can go wrong ends as one `error: ` line on stderr and an exit status; never a
 * stack trace.
 */
import { EXIT, errorLine, runCliAsync } from './cli.ts';

// A closed pipe (`hypersphere-lab ... | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(EXIT.ok);
  process.stderr.write(errorLine(e));
  process.exit(EXIT.unexpected);
});

try {
  process.exitCode = await runCliAsync(process.argv.slice(2));
} catch (e) {
  // runCli catches everything; this is the last line of defence.
  process.stderr.write(errorLine(e));
  process.exitCode = EXIT.unexpected;
}
