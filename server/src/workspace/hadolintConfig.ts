import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/** The nearest `.hadolint.yaml` from `dir` upwards, or undefined. */
export function findHadolintConfig(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    const found = hadolintConfigIn(d);
    if (found) return found;
    if (dirname(d) === d) return undefined;
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
