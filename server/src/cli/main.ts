import { UsageError } from './args';
import { run } from './run';

function fail(err: unknown): void {
  const message =
    err instanceof UsageError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err);
  process.stderr.write(`berth-lint: ${message}\n`);
  process.exitCode = 2;
}

/**
 * Left to itself, Node frees its whole heap page by page before it exits: 30–40 ms of CPU time
 * after a run over 200 files. Exiting once the output is written skips that; waiting for the writes
 * keeps a pipe's output whole where Node writes to it asynchronously (macOS).
 */
function exitOnceWritten(): void {
  let pending = 2;
  const written = (): void => {
    if (--pending === 0) process.exit();
  };
  process.stdout.write('', written);
  process.stderr.write('', written);
}

// A reader that stops early (`berth-lint … | head`) closes the pipe: that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') fail(err);
});

run(process.argv.slice(2), {
  write: (text) => void process.stdout.write(text),
  warn: (text) => void process.stderr.write(text),
  env: process.env,
  isTTY: process.stdout.isTTY === true,
  cwd: process.cwd(),
}).then((code) => {
  process.exitCode = code;
  exitOnceWritten();
}, fail);
