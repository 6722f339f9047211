import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyConfig, parseHadolintConfig, type HadolintConfig } from '../dockerfile/lint/config';
import type { LintEnvironment } from '../dockerfile/lint/context';

const configNames = ['.hadolint.yaml', '.hadolint.yml'];

export interface FileSurroundings {
  env: LintEnvironment;
  config: HadolintConfig;
  /** A readable problem with the config file, shown once to the user. */
  configError: string | undefined;
}

/** The nearest `.hadolint.yaml` from `dir` upwards, or undefined. */
export function findHadolintConfig(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    for (const name of configNames) {
      const candidate = path.join(d, name);
      if (fs.existsSync(candidate)) return candidate;
    }
    if (path.dirname(d) === d) return undefined;
  }
}

export function loadConfig(file: string): { config: HadolintConfig; error: string | undefined } {
  try {
    return { config: parseHadolintConfig(fs.readFileSync(file, 'utf8')), error: undefined };
  } catch (err) {
    return { config: emptyConfig, error: `${file}: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** What lies beside a Dockerfile on disk; untitled or remote documents get empty surroundings. */
export function surroundingsOf(uri: string): FileSurroundings {
  if (!uri.startsWith('file:')) return { env: {}, config: emptyConfig, configError: undefined };
  let dir: string;
  try {
    dir = path.dirname(fileURLToPath(uri));
  } catch {
    return { env: {}, config: emptyConfig, configError: undefined };
  }
  const configFile = findHadolintConfig(dir);
  const { config, error } = configFile ? loadConfig(configFile) : { config: emptyConfig, error: undefined };
  const hasDockerignore = fs.existsSync(path.join(dir, '.dockerignore'));
  return { env: { hasDockerignore }, config, configError: error };
}
