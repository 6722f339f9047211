import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { version } from '../../../package.json';
import { defaultLintSettings } from '../../../common/protocol';
import type { RuleSeverity } from '../../../common/rules';
import type { FailureThreshold } from '../dockerfile/lint/config';
import { lint } from '../dockerfile/lint/lint';
import { parseArgs, UsageError } from './args';
import { ansiPalette, plainPalette, wantsColor } from './color';
import { loadFormatter } from './formats';
import type { FileFindings } from './formats/records';
import { ruleListJson, ruleListText } from './formats/ruleList';
import { helpText } from './help';
import { lintInputs, type LintInput } from './inputs';
import { tuneForRun } from './jit';
import { CliSurroundings } from './surroundings';
import { hadolintEnvironment } from './hadolintEnv';
import { ruleFlagSettings } from './ruleFlags';
import { allRuleMeta } from '../dockerfile/lint/registry';
import { isComposePath } from './composePath';
import { everyRule } from './everyRule';

const rank: Record<RuleSeverity, number> = { error: 4, warning: 3, info: 2, hint: 1 };
const thresholdRank: Record<FailureThreshold, number> = {
  error: 4,
  warning: 3,
  info: 2,
  style: 1,
  none: Infinity,
};

/** Where the Dockerfile is, or would be for standard input: its .dockerignore is looked up beside it. */
function dockerfilePath(input: LintInput): string {
  return input.file ?? join(input.dir, input.name === '-' ? 'Dockerfile' : basename(input.name));
}

export interface CliIo {
  write(text: string): void;
  /** Standard error: what the user should know that is not a finding. */
  warn(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  isTTY: boolean;
  cwd: string;
}

/** Runs berth-lint with these arguments; resolves with the exit code, throws UsageError. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const options = parseArgs(argv);
  if (options.help) {
    io.write(helpText);
    return 0;
  }
  if (options.version) {
    io.write(`berth-lint ${version}\n`);
    return 0;
  }
  if (options.listRules) {
    io.write(
      options.format === 'json'
        ? ruleListJson(await everyRule(), options.lang)
        : ruleListText(await everyRule(), options.lang),
    );
    return 0;
  }
  if (options.paths.length === 0 && !options.stdin)
    throw new UsageError('no Dockerfile given (see --help; - reads standard input)');
  if (options.config && !existsSync(options.config))
    throw new UsageError(`${options.config}: no such config file`);
  let flags = ruleFlagSettings(options, allRuleMeta);
  // Compose's rules come with Compose's code: loaded only for a name the Dockerfile rules lack.
  if (flags.namingNoRule.length > 0) flags = ruleFlagSettings(options, await everyRule());
  const { namingNoRule, ...ruleSettings } = flags;
  for (const flag of namingNoRule)
    io.warn(`berth-lint: ${flag} names no rule of Berth's, so it changes nothing (see --list-rules)\n`);
  const fromEnvironment = hadolintEnvironment(io.env);
  for (const warning of fromEnvironment.warnings) io.warn(`berth-lint: ${warning}\n`);
  const format = options.formatGiven ? options.format : (fromEnvironment.format ?? options.format);
  const inputs = await lintInputs(options);
  tuneForRun(inputs.length);
  const surroundings = new CliSurroundings(options.config, options, fromEnvironment.config);
  // One object for the run: the linter caches its rule plan per settings object.
  const flagged = ruleSettings.disabledRules.length > 0 || Object.keys(ruleSettings.severity).length > 0;
  const settings =
    options.maxInstructions === undefined && !flagged
      ? undefined
      : { ...defaultLintSettings, ...ruleSettings, maxInstructions: options.maxInstructions };
  let threshold: FailureThreshold = options.failureThreshold ?? 'info';
  let noFail = options.noFail;
  const results: FileFindings[] = [];
  for (const input of inputs) {
    if (input.file !== undefined && isComposePath(input.file)) {
      const { lintComposePath } = await import('./compose');
      results.push({ file: input.name, findings: lintComposePath(input.file, settings) });
      continue;
    }
    const config = await surroundings.configFor(input.dir);
    if (!options.failureThreshold && config?.failureThreshold) threshold = config.failureThreshold;
    if (config?.noFail) noFail = true;
    const findings = lint(input.read(), {
      settings,
      config,
      env: surroundings.envFor(dockerfilePath(input)),
    });
    results.push({ file: input.name, findings });
  }
  const formatter = await loadFormatter[format]();
  const color = format === 'text' && wantsColor(options.color, io.env, io.isTTY);
  io.write(
    formatter({
      results,
      lang: options.lang,
      version,
      palette: color ? ansiPalette : plainPalette,
      cwd: io.cwd,
    }),
  );
  const failing = results.some(({ findings }) =>
    findings.some((f) => rank[f.severity] >= thresholdRank[threshold]),
  );
  return failing && !noFail ? 1 : 0;
}
