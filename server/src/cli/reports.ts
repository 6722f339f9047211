import {
  accessSync,
  constants,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError, type OutputFormat } from './args';

/** One report of a run: a format and where it goes (`-`: standard output). */
export interface Report {
  format: OutputFormat;
  output: string;
}

/**
 * The formats and outputs paired by position, as hadolint pairs its `-f` and `-o`: a format with
 * no output goes to standard output, an output with no format gets text, and neither gives one
 * text report on standard output.
 */
export function pairReports(formats: readonly OutputFormat[], outputs: readonly string[]): Report[] {
  const count = Math.max(formats.length, outputs.length, 1);
  return Array.from({ length: count }, (_, i) => ({
    format: formats[i] ?? 'text',
    output: outputs[i] ?? '-',
  }));
}

/**
 * Refuses, before anything is linted, an output that could not be written or is named twice. A
 * file is replaced by renaming a new one over it, so its folder must be writable; a device or a
 * pipe (`/dev/stdout`) is written to as it is.
 */
export function checkOutputs(outputs: readonly string[], cwd: string): void {
  const seen = new Set<string>();
  for (const output of outputs) {
    if (output === '-' || output === '/dev/stdout' || output === '/dev/stderr') continue;
    const path = resolve(cwd, output);
    if (seen.has(path))
      throw new UsageError(`--output ${output} is given twice: each report needs a file of its own`);
    seen.add(path);
    const target = statIfAny(path);
    if (target?.isDirectory()) throw new UsageError(`--output ${output} is a folder: name a file in it`);
    if (target && !target.isFile()) continue;
    const folder = dirname(target ? realpathSync(path) : path);
    if (!statIfAny(folder)?.isDirectory())
      throw new UsageError(`--output ${output}: the folder ${folder} does not exist; create it first`);
    try {
      accessSync(folder, constants.W_OK);
    } catch {
      throw new UsageError(
        `--output ${output}: the folder ${folder} cannot be written to, so the report cannot replace the file whole`,
      );
    }
  }
}

function statIfAny(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Writes a report whole or not at all: into a new file beside it, then renamed over it, so that a
 * write that fails half-way (a full disk) leaves the last report as it was. A symbolic link is
 * followed, so the file it names is the one replaced, with the permissions it had. A device or a
 * pipe is written to directly: renaming over `/dev/stdout` would replace the device.
 */
export function writeReport(path: string, text: string): void {
  const existing = statIfAny(path);
  if (existing && !existing.isFile()) {
    writeFileSync(path, text);
    return;
  }
  const target = existing ? realpathSync(path) : path;
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.berth-lint`);
  let created = false;
  try {
    writeFileSync(temporary, '', { flag: 'wx', mode: existing ? existing.mode & 0o7777 : undefined });
    created = true;
    writeFileSync(temporary, text);
    renameSync(temporary, target);
  } catch (err) {
    // Only what this run created: a file of that name that was there before is someone else's.
    if (created)
      try {
        unlinkSync(temporary);
      } catch {
        // The error that matters is the write's.
      }
    throw err;
  }
}
