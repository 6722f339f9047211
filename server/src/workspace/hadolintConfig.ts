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

/** Where the user's own config may be: the home folder and the environment that name its places. */
export interface UserDirs {
  home: string;
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
}

const processDirs = (): UserDirs => ({ home: homedir(), env: process.env, platform: process.platform });

/**
 * Where hadolint looks for the user's own config when the project has none, in its order: the XDG
 * config folder, hadolint's app data folder, then the home folder (Documents on Windows). On
 * Windows the config folder is %APPDATA%, where hadolint's library puts it, or %LOCALAPPDATA%,
 * which hadolint's README names.
 */
export function userConfigPlaces({ home, env, platform }: UserDirs = processDirs()): Array<{
  folder: string;
  names: string[];
}> {
  const windows = platform === 'win32';
  const xdg = env.XDG_CONFIG_HOME;
  const roaming = env.APPDATA ?? join(home, 'AppData', 'Roaming');
  const configDirs =
    xdg && isAbsolute(xdg)
      ? [xdg]
      : windows
        ? [roaming, env.LOCALAPPDATA ?? join(home, 'AppData', 'Local')]
        : [join(home, '.config')];
  return [
    ...configDirs.map((folder) => ({ folder, names: ['hadolint.yaml', 'hadolint.yml'] })),
    {
      folder: windows ? join(roaming, 'hadolint') : join(home, '.hadolint'),
      names: ['hadolint.yaml', 'hadolint.yml', 'config.yaml', 'config.yml'],
    },
    { folder: windows ? join(home, 'Documents') : home, names: configNames },
  ];
}

/** The user's own config: the first file of `userConfigPlaces` that exists. */
export function userHadolintConfig(user: UserDirs = processDirs()): string | undefined {
  for (const { folder, names } of userConfigPlaces(user))
    for (const name of names) {
      const candidate = join(folder, name);
      if (existsSync(candidate)) return candidate;
    }
  return undefined;
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
