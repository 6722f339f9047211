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
  /** `label-schema`: label name → the type its value must have (the label-* rules); empty: none. */
  labelSchema: ReadonlyMap<string, LabelType>;
  /** `strict-labels: true`: a label outside `label-schema` is reported (label-not-in-schema). */
  strictLabels: boolean | undefined;
  /**
   * `formats` then `format`, as written: what berth-lint writes (the editor has no use for them).
   * The CLI checks the names, which are its own; empty: none set.
   */
  formats: string[];
  /** `no-color: true`: berth-lint's text without colour. */
  noColor: boolean | undefined;
  /** `verbose: true`: berth-lint says on standard error which configs and reports it used. */
  verbose: boolean | undefined;
}

/** The value types hadolint's `label-schema` names. */
export const labelTypes = ['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'] as const;
export type LabelType = (typeof labelTypes)[number];

/** The type a schema entry names, as hadolint reads it: case-sensitive, and empty for `text`. */
export function labelTypeNamed(name: string): LabelType | undefined {
  if (name === '') return 'text';
  return (labelTypes as readonly string[]).includes(name) ? (name as LabelType) : undefined;
}

/** The types, listed for a message about one that is none of them. */
export const labelTypeList = labelTypes.join(', ');

export type FailureThreshold = 'error' | 'warning' | 'info' | 'style' | 'none';

export const emptyConfig: HadolintConfig = {
  ignored: [],
  override: new Map(),
  failureThreshold: undefined,
  noFail: undefined,
  trustedRegistries: [],
  disableIgnorePragma: undefined,
  labelSchema: new Map(),
  strictLabels: undefined,
  formats: [],
  noColor: undefined,
  verbose: undefined,
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
  const strictLabels = flag(root, 'strict-labels');
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
    labelSchema: labelSchemaOf(root['label-schema']),
    strictLabels,
    formats: formatsOf(root),
    noColor: flag(root, 'no-color'),
    verbose: flag(root, 'verbose'),
  };
}

/** hadolint's `formats:` list followed by its `format:`, as its config parser joins them. */
function formatsOf(root: Record<string, unknown>): string[] {
  const format = root.format;
  const formats: unknown = root.formats ?? [];
  if (format !== undefined && format !== null && typeof format !== 'string')
    throw new Error('format must be the name of a format, e.g. json');
  if (!Array.isArray(formats) || formats.some((f) => typeof f !== 'string'))
    throw new Error('formats must be a list of format names, e.g. [tty, sarif]');
  return typeof format === 'string' ? [...(formats as string[]), format] : (formats as string[]);
}

/** `label-schema:`, a mapping of label name to type; an entry left empty is `text`. */
function labelSchemaOf(value: unknown): Map<string, LabelType> {
  const schema = new Map<string, LabelType>();
  if (value === undefined || value === null) return schema;
  if (typeof value !== 'object' || Array.isArray(value))
    throw new Error('label-schema must map label names to types, e.g. {version: semver, source: url}');
  for (const [label, type] of Object.entries(value as Record<string, unknown>)) {
    // hadolint refuses `label:` with nothing after it; Berth takes it for `text`, as an empty string.
    const named = type === null ? 'text' : typeof type === 'string' ? labelTypeNamed(type) : undefined;
    if (named === undefined)
      throw new Error(
        `label-schema: label "${label}" has type ${JSON.stringify(type)}; use one of ${labelTypeList}`,
      );
    schema.set(label, named);
  }
  return schema;
}

/**
 * `upper` laid over `lower`, as hadolint merges its sources (environment, then config file, then
 * command line): lists add up, and a value `upper` sets wins over `lower`'s. The label schema is
 * the exception, mirrored from hadolint: its Semigroup joins the two maps with `Map.<>`, a
 * left-biased union, so for a label both name the LOWER layer's type stays (the environment's
 * over the config file's, the config file's over --require-label).
 */
export function layerConfig(lower: HadolintConfig, upper: HadolintConfig): HadolintConfig {
  return {
    ignored: [...lower.ignored, ...upper.ignored],
    override: new Map([...lower.override, ...upper.override]),
    failureThreshold: upper.failureThreshold ?? lower.failureThreshold,
    noFail: upper.noFail ?? lower.noFail,
    trustedRegistries: [...lower.trustedRegistries, ...upper.trustedRegistries],
    disableIgnorePragma: upper.disableIgnorePragma ?? lower.disableIgnorePragma,
    labelSchema: new Map([
      ...lower.labelSchema,
      ...[...upper.labelSchema].filter(([l]) => !lower.labelSchema.has(l)),
    ]),
    strictLabels: upper.strictLabels ?? lower.strictLabels,
    // hadolint adds the lists up, so a config's `format: json` and `-f sarif -o out.sarif` would
    // write JSON into out.sarif (formats and outputs pair by position): the upper list wins instead.
    formats: upper.formats.length > 0 ? upper.formats : lower.formats,
    noColor: upper.noColor ?? lower.noColor,
    verbose: upper.verbose ?? lower.verbose,
  };
}
