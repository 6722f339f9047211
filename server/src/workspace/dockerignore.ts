import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LintEnvironment } from '../dockerfile/lint/context';

/**
 * The .dockerignore a build of `dockerfile` with its folder as the context reads: BuildKit takes
 * `<name>.dockerignore` beside the Dockerfile first, then the context's `.dockerignore`.
 */
export function dockerignoreEnvironment(dockerfile: string): LintEnvironment {
  const dir = path.dirname(dockerfile);
  for (const name of [`${path.basename(dockerfile)}.dockerignore`, '.dockerignore']) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(dir, name), 'utf8');
    } catch {
      // Absent or unreadable: BuildKit goes on to the next, and so does Berth.
      continue;
    }
    return { hasDockerignore: true, dockerignore: text };
  }
  return { hasDockerignore: false };
}
