import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { emptyConfig, type HadolintConfig } from '../dockerfile/lint/config';
import type { LintEnvironment } from '../dockerfile/lint/context';
import { dockerignoreEnvironment } from './dockerignore';
import { findHadolintConfig, loadConfig } from './hadolintConfig';

export interface FileSurroundings {
  env: LintEnvironment;
  config: HadolintConfig;
  /** A readable problem with the config file, shown once to the user. */
  configError: string | undefined;
}

/** What lies beside a Dockerfile on disk; untitled or remote documents get empty surroundings. */
export function surroundingsOf(uri: string): FileSurroundings {
  if (!uri.startsWith('file:')) return { env: {}, config: emptyConfig, configError: undefined };
  let file: string;
  try {
    file = fileURLToPath(uri);
  } catch {
    return { env: {}, config: emptyConfig, configError: undefined };
  }
  const configFile = findHadolintConfig(path.dirname(file));
  const { config, error } = configFile
    ? loadConfig(configFile, parseYaml)
    : { config: emptyConfig, error: undefined };
  return { env: dockerignoreEnvironment(file), config, configError: error };
}
