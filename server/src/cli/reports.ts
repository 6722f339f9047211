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
import type { RuleLanguage } from '../../../common/rules';
import { UsageError, type OutputFormat } from './args';
import { ansiPalette, plainPalette } from './color';
import { loadFormatter } from './formats';
import type { FileFindings } from './formats/records';

/** Where a run's text goes: standard output and standard error, and the folder paths start from. */
export interface ReportStreams {
  write(text: string): void;
  warn(text: string): void;
  cwd: string;
}

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
    // Opened by name, /dev/stdout fails where the stream is a socket (as a CI runner's may be).
    output: outputs[i] === undefined || outputs[i] === '/dev/stdout' ? '-' : outputs[i],
  }));
}

/**
 * Writes each report; a file that cannot be written is said on standard error and left as it
 * was, and the others are still written. Resolves with whether all were. `color`: whether text on
 * standard output may be coloured.
 */
export async function writeReports(
  reports: readonly Report[],
  streams: ReportStreams,
  run: {
    results: readonly FileFindings[];
    lang: RuleLanguage;
    version: string;
    color: boolean;
    verbose: boolean;
  },
): Promise<boolean> {
  let all = true;
  for (const { format, output } of reports) {
    const formatter = await loadFormatter[format]();
    const text = formatter({
      results: run.results,
      lang: run.lang,
      version: run.version,
      palette: format === 'text' && output === '-' && run.color ? ansiPalette : plainPalette,
      cwd: streams.cwd,
    });
    try {
      if (output === '-') streams.write(text);
      // As /dev/stdout: the stream itself, not the name.
      else if (output === '/dev/stderr') streams.warn(text);
      else writeReport(resolve(streams.cwd, output), text);
    } catch (err) {
      all = false;
      const reason = err instanceof Error ? err.message : String(err);
      streams.warn(`berth-lint: could not write ${output} (${reason})\n`);
      continue;
    }
    if (run.verbose)
      streams.warn(`berth-lint: wrote ${format} to ${output === '-' ? 'standard output' : output}\n`);
  }
  return all;
}

/**
 * Refuses, before anything is linted, an output that could not be written or is named twice. A
 * file is replaced by renaming a new one over it, so its folder must be writable; a device or a
 * named pipe (`/dev/null`, a FIFO) is written to as it is.
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
 * pipe is written to directly: renaming over `/dev/null` would replace the device.
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
