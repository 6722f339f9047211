import { setFlagsFromString } from 'node:v8';

/**
 * Runs under this many files use V8's interpreter and baseline compiler only. Maglev and
 * TurboFan compile a hot function again, at a cost a short run never earns back: without them
 * berth-lint took about 40% less CPU time over the 211-file corpus, 16% less over 1,055 files,
 * and as much over 2,110, where the wall time was already longer.
 */
export const quickRunFiles = 1000;

/** The flags of a short run; the bin sets them before it compiles the CLI. */
export function quickRun(): void {
  // Both flags exist from Node 20 (V8 11.3) on.
  setFlagsFromString('--no-maglev');
  setFlagsFromString('--no-turbofan');
}

/** Call before linting: V8 reads these flags when a function gets hot, not when it starts. */
export function tuneForRun(files: number): void {
  if (files < quickRunFiles) {
    quickRun();
    return;
  }
  // V8's defaults, which quickRun turned off: Maglev is on by default from V8 12 (Node 22).
  setFlagsFromString('--turbofan');
  if (Number(process.versions.v8.split('.')[0]) >= 12) setFlagsFromString('--maglev');
}
