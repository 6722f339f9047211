import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { LintEnvironment } from '../dockerfile/lint/context';

/** A file's text, or undefined when it is absent or unreadable. */
export type ReadText = (file: string) => string | undefined;

export function readTextIfAny(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    // Absent or unreadable: BuildKit goes on to the next candidate, and so does Berth.
    return undefined;
  }
}

/**
 * The .dockerignore a build of `dockerfile` with its folder as the context reads: BuildKit takes
 * `<name>.dockerignore` beside the Dockerfile first, then the context's `.dockerignore`.
 */
export function dockerignoreEnvironment(dockerfile: string, read: ReadText = readTextIfAny): LintEnvironment {
  const dir = dirname(dockerfile);
  for (const name of [`${basename(dockerfile)}.dockerignore`, '.dockerignore']) {
    const text = read(join(dir, name));
    if (text !== undefined) return { hasDockerignore: true, dockerignore: text };
  }
  return { hasDockerignore: false };
}
