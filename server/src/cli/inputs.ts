import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CliOptions } from './args';
import { UsageError } from './args';
import { discover } from './discover';

/** One Dockerfile to lint: the name it is reported under, the folder its config is looked up from. */
export interface LintInput {
  name: string;
  /** The file on disk; undefined for standard input. */
  file?: string;
  dir: string;
  read(): string;
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The files on the command line and in its folders, then standard input when `-` was given. */
export async function lintInputs(options: CliOptions): Promise<LintInput[]> {
  const files = discover(options.paths);
  if (files.length === 0 && !options.stdin)
    throw new UsageError(`no Dockerfile or Compose file found in ${options.paths.join(', ')}`);
  const inputs: LintInput[] = files.map((file) => ({
    name: file,
    file,
    dir: dirname(resolve(file)),
    read: () => withoutBom(readFileSync(file, 'utf8')),
  }));
  if (options.stdin) {
    const text = withoutBom(await readStdin());
    const name = options.stdinFilename ?? '-';
    const dir = options.stdinFilename ? dirname(resolve(options.stdinFilename)) : process.cwd();
    inputs.push({ name, dir, read: () => text });
  }
  return inputs;
}
