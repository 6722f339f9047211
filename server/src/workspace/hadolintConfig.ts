import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import {
  emptyConfig,
  parseHadolintConfig,
  type HadolintConfig,
  type ParseYaml,
} from '../dockerfile/lint/config';

const configNames = ['.hadolint.yaml', '.hadolint.yml'];

/** The `.hadolint.yaml` (or `.yml`) in `dir` itself, or undefined. */
export function hadolintConfigIn(dir: string): string | undefined {
  for (const name of configNames) {
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Where the user's own config may be; what `userHadolintConfig` reads. */
export interface UserDirs {
  home: string;
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
}

const processDirs = (): UserDirs => ({ home: homedir(), env: process.env, platform: process.platform });

/**
 * The user's own config, where hadolint looks when the project has none, in its order: the XDG
 * config folder, hadolint's app data folder, then the home folder (Documents on Windows). On
 * Windows the config folder is %APPDATA%, where hadolint's library puts it, or %LOCALAPPDATA%,
 * which hadolint's README names.
 */
export function userHadolintConfig({ home, env, platform }: UserDirs = processDirs()): string | undefined {
  const windows = platform === 'win32';
  const xdg = env.XDG_CONFIG_HOME;
  const roaming = env.APPDATA ?? join(home, 'AppData', 'Roaming');
  const configDirs =
    xdg && isAbsolute(xdg)
      ? [xdg]
      : windows
        ? [roaming, env.LOCALAPPDATA ?? join(home, 'AppData', 'Local')]
        : [join(home, '.config')];
  const appData = windows ? join(roaming, 'hadolint') : join(home, '.hadolint');
  const documents = windows ? join(home, 'Documents') : home;
  const candidates = [
    ...configDirs.flatMap((dir) => ['hadolint.yaml', 'hadolint.yml'].map((name) => join(dir, name))),
    ...['hadolint.yaml', 'hadolint.yml', 'config.yaml', 'config.yml'].map((name) => join(appData, name)),
    ...configNames.map((name) => join(documents, name)),
  ];
  return candidates.find((candidate) => existsSync(candidate));
}

/** The nearest `.hadolint.yaml` from `dir` upwards, else the user's own, or undefined. */
export function findHadolintConfig(dir: string, user: UserDirs = processDirs()): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    const found = hadolintConfigIn(d);
    if (found) return found;
    if (dirname(d) === d) return userHadolintConfig(user);
  }
}

export function loadConfig(
  file: string,
  parseYaml: ParseYaml,
): { config: HadolintConfig; error: string | undefined } {
  try {
    return { config: parseHadolintConfig(readFileSync(file, 'utf8'), parseYaml), error: undefined };
  } catch (err) {
    return { config: emptyConfig, error: `${file}: ${err instanceof Error ? err.message : String(err)}` };
  }
}
