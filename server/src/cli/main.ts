import { UsageError } from './args';
import { run } from './run';

function fail(err: unknown): void {
  const message =
    err instanceof UsageError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err);
  process.stderr.write(`berth-lint: ${message}\n`);
  process.exitCode = 2;
}

// A reader that stops early (`berth-lint … | head`) closes the pipe: that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') fail(err);
});

run(process.argv.slice(2), {
  write: (text) => void process.stdout.write(text),
  env: process.env,
  isTTY: process.stdout.isTTY === true,
  cwd: process.cwd(),
}).then((code) => {
  process.exitCode = code;
}, fail);
