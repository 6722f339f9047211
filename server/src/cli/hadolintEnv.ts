import type { RuleSeverity } from '../../../common/rules';
import { isFailureThreshold, type HadolintConfig, type LabelType } from '../dockerfile/lint/config';
import { labelRequirement, outputFormatNamed } from './args';

/** What hadolint's HADOLINT_* variables say, for berth-lint. */
export interface HadolintEnvironment {
  /** The config layer below every .hadolint.yaml and the flags; undefined when no variable sets one. */
  config: HadolintConfig | undefined;
  /** What the user should know: a value that is not understood, a variable that changes nothing. */
  warnings: string[];
}

const overrides: ReadonlyArray<readonly [string, RuleSeverity]> = [
  ['HADOLINT_OVERRIDE_ERROR', 'error'],
  ['HADOLINT_OVERRIDE_WARNING', 'warning'],
  ['HADOLINT_OVERRIDE_INFO', 'info'],
  ['HADOLINT_OVERRIDE_STYLE', 'hint'],
];

/** hadolint's reading of a yes/no variable: set to anything else means no. */
function truthy(value: string | undefined): boolean | undefined {
  return value === undefined ? undefined : ['1', 'y', 'on', 'true', 'yes'].includes(value.toLowerCase());
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * A pipeline moved from hadolint (its GitHub Action passes its inputs this way) keeps its settings:
 * the variables are read as hadolint reads them, as the layer under each config file. A value
 * hadolint would drop silently is dropped with a word on standard error instead.
 */
export function hadolintEnvironment(env: Readonly<Record<string, string | undefined>>): HadolintEnvironment {
  const warnings: string[] = [];
  const override = new Map<string, RuleSeverity | 'off'>();
  for (const [name, severity] of overrides)
    for (const rule of list(env[name])) override.set(rule.toLowerCase(), severity);

  let failureThreshold: HadolintConfig['failureThreshold'];
  const threshold = env.HADOLINT_FAILURE_THRESHOLD;
  if (threshold !== undefined && threshold !== '') {
    if (isFailureThreshold(threshold)) failureThreshold = threshold;
    else
      warnings.push(
        `HADOLINT_FAILURE_THRESHOLD=${threshold} is not one of error, warning, info, style, none, so it is not used`,
      );
  }

  const formats = list(env.HADOLINT_FORMAT).filter((name) => {
    const known = outputFormatNamed(name) !== undefined;
    if (!known) warnings.push(`HADOLINT_FORMAT: berth-lint does not write ${name} (see --help)`);
    return known;
  });

  // `name:type,name:type`. hadolint drops an entry it cannot read silently; here it is said.
  const labelSchema = new Map<string, LabelType>();
  for (const entry of list(env.HADOLINT_REQUIRE_LABELS)) {
    const requirement = labelRequirement(entry);
    if (typeof requirement === 'string')
      warnings.push(`HADOLINT_REQUIRE_LABELS: ${requirement}, so that entry is not used`);
    else labelSchema.set(requirement.label, requirement.type);
  }

  const config: HadolintConfig = {
    ignored: list(env.HADOLINT_IGNORE).map((rule) => rule.toLowerCase()),
    override,
    failureThreshold,
    noFail: truthy(env.HADOLINT_NOFAIL),
    trustedRegistries: list(env.HADOLINT_TRUSTED_REGISTRIES),
    disableIgnorePragma: truthy(env.HADOLINT_DISABLE_IGNORE_PRAGMA),
    labelSchema,
    strictLabels: truthy(env.HADOLINT_STRICT_LABELS),
    formats,
    // NO_COLOR, which hadolint also reads here, is read with the other colour variables (color.ts).
    noColor: undefined,
    verbose: truthy(env.HADOLINT_VERBOSE),
  };
  const setsAnything =
    config.ignored.length > 0 ||
    override.size > 0 ||
    config.trustedRegistries.length > 0 ||
    config.failureThreshold !== undefined ||
    config.noFail !== undefined ||
    config.disableIgnorePragma !== undefined ||
    labelSchema.size > 0 ||
    config.strictLabels !== undefined ||
    formats.length > 0 ||
    config.verbose !== undefined;
  return { config: setsAnything ? config : undefined, warnings };
}
