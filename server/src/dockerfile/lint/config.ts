import type { RuleSeverity } from '../../../../common/rules';

/** What Berth reads from a `.hadolint.yaml`. */
export interface HadolintConfig {
  ignored: string[];
  /** Rule id or alias (lower case) → severity. */
  override: Map<string, RuleSeverity | 'off'>;
  failureThreshold: FailureThreshold | undefined;
  /** `no-fail: true`: berth-lint exits 0 whatever it found, as hadolint. */
  noFail: boolean | undefined;
  /** `trustedRegistries`: where images may come from (untrusted-registry); empty: anywhere. */
  trustedRegistries: string[];
  /** `disable-ignore-pragma: true`: `# hadolint ignore=` comments silence nothing. */
  disableIgnorePragma: boolean | undefined;
}

export type FailureThreshold = 'error' | 'warning' | 'info' | 'style' | 'none';

export const emptyConfig: HadolintConfig = {
  ignored: [],
  override: new Map(),
  failureThreshold: undefined,
  noFail: undefined,
  trustedRegistries: [],
  disableIgnorePragma: undefined,
};

const levels: Record<string, RuleSeverity | 'off'> = {
  error: 'error',
  warning: 'warning',
  info: 'info',
  style: 'hint',
  hint: 'hint',
  ignore: 'off',
  none: 'off',
};

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function isFailureThreshold(value: string): value is FailureThreshold {
  return ['error', 'warning', 'info', 'style', 'none'].includes(value);
}

function flag(root: Record<string, unknown>, key: string): boolean | undefined {
  const value = root[key];
  if (value !== undefined && typeof value !== 'boolean') throw new Error(`${key} must be true or false`);
  return value;
}

/** A YAML parser (the `yaml` package's `parse`), passed in so that a caller loads it only when needed. */
export type ParseYaml = (source: string) => unknown;

/** Parses `.hadolint.yaml`; throws an Error with a readable message when it is not valid. */
export function parseHadolintConfig(source: string, parseYaml: ParseYaml): HadolintConfig {
  const doc = parseYaml(source);
  if (doc === null || doc === undefined) return emptyConfig;
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new Error('expected a mapping at the top level');
  const root = doc as Record<string, unknown>;
  const override = new Map<string, RuleSeverity | 'off'>();
  const overrides = root.override;
  if (overrides && typeof overrides === 'object') {
    for (const [level, ids] of Object.entries(overrides as Record<string, unknown>)) {
      const severity = levels[level.toLowerCase()];
      if (!severity)
        throw new Error(`override: unknown level "${level}" (use error, warning, info or style)`);
      for (const id of strings(ids)) override.set(id.toLowerCase(), severity);
    }
  }
  const threshold = root['failure-threshold'];
  if (threshold !== undefined && (typeof threshold !== 'string' || !isFailureThreshold(threshold))) {
    throw new Error('failure-threshold must be one of error, warning, info, style, none');
  }
  const noFail = flag(root, 'no-fail');
  const disableIgnorePragma = flag(root, 'disable-ignore-pragma');
  // hadolint takes one registry or a list.
  const trusted: unknown = root.trustedRegistries ?? [];
  const trustedRegistries: unknown = typeof trusted === 'string' ? [trusted] : trusted;
  if (!Array.isArray(trustedRegistries) || trustedRegistries.some((r) => typeof r !== 'string' || r === ''))
    throw new Error('trustedRegistries must be a registry or a list of them, e.g. [docker.io, "*.gcr.io"]');
  return {
    ignored: strings(root.ignored).map((s) => s.toLowerCase()),
    override,
    failureThreshold: threshold,
    noFail,
    trustedRegistries: trustedRegistries as string[],
    disableIgnorePragma,
  };
}

/**
 * `upper` laid over `lower`, as hadolint merges its sources (environment, then config file, then
 * command line): lists add up, and a value `upper` sets wins over `lower`'s.
 */
export function layerConfig(lower: HadolintConfig, upper: HadolintConfig): HadolintConfig {
  return {
    ignored: [...lower.ignored, ...upper.ignored],
    override: new Map([...lower.override, ...upper.override]),
    failureThreshold: upper.failureThreshold ?? lower.failureThreshold,
    noFail: upper.noFail ?? lower.noFail,
    trustedRegistries: [...lower.trustedRegistries, ...upper.trustedRegistries],
    disableIgnorePragma: upper.disableIgnorePragma ?? lower.disableIgnorePragma,
  };
}
