import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FileSystemWatcher } from 'vscode-languageserver/node';
import { parse as parseYaml } from 'yaml';
import { emptyConfig, type HadolintConfig } from '../dockerfile/lint/config';
import type { LintEnvironment } from '../dockerfile/lint/context';
import { dockerignoreEnvironment } from './dockerignore';
import { findHadolintConfig, loadConfig, userConfigPlaces } from './hadolintConfig';

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

/**
 * The files a lint reads besides the Dockerfile, for the client to watch: config files and
 * `.dockerignore`s in the workspace and, with `outside`, the places of the user's own config (each
 * folder watched alone, not the home folder's whole tree).
 */
export function lintInputWatchers(outside: boolean): FileSystemWatcher[] {
  const watchers: FileSystemWatcher[] = [
    { globPattern: '**/.hadolint.{yaml,yml}' },
    { globPattern: '**/{.dockerignore,*.dockerignore}' },
  ];
  if (outside)
    for (const { folder, names } of userConfigPlaces())
      watchers.push({
        globPattern: { baseUri: pathToFileURL(folder).href, pattern: `{${names.join(',')}}` },
      });
  return watchers;
}
