import * as fs from 'node:fs';
import * as path from 'node:path';
import { emptyConfig, parseHadolintConfig, type HadolintConfig } from '../dockerfile/lint/config';

const configNames = ['.hadolint.yaml', '.hadolint.yml'];

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
