import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { version } from '../../../package.json';
import { defaultLintSettings } from '../../../common/protocol';
import type { RuleSeverity } from '../../../common/rules';
import type { FailureThreshold } from '../dockerfile/lint/config';
import { lint } from '../dockerfile/lint/lint';
import { outputFormatNamed, outputFormats, parseArgs, UsageError, type OutputFormat } from './args';
import { wantsColor } from './color';
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
import { checkOutputs, pairReports, writeReports } from './reports';
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
    const rules = await everyRule();
    io.write(
      options.formats[0] === 'json' ? ruleListJson(rules, options.lang) : ruleListText(rules, options.lang),
    );
    return 0;
  }
  if (options.paths.length === 0 && !options.stdin)
    throw new UsageError('no Dockerfile given (see --help; - reads standard input)');
  if (options.config && !existsSync(options.config))
    throw new UsageError(`${options.config}: no such config file`);
  checkOutputs(options.outputs, io.cwd);
  let flags = ruleFlagSettings(options, allRuleMeta);
  // Compose's rules come with Compose's code: loaded only for a name the Dockerfile rules lack.
  if (flags.namingNoRule.length > 0) flags = ruleFlagSettings(options, await everyRule());
  const { namingNoRule, ...ruleSettings } = flags;
  for (const flag of namingNoRule)
    io.warn(`berth-lint: ${flag} names no rule of Berth's, so it changes nothing (see --list-rules)\n`);
  const fromEnvironment = hadolintEnvironment(io.env);
  for (const warning of fromEnvironment.warnings) io.warn(`berth-lint: ${warning}\n`);
  const surroundings = new CliSurroundings(options.config, options, fromEnvironment.config);
  // What is the run's rather than a file's (its reports, colour, verbosity) comes from --config or
  // the working folder's config, as hadolint reads one config for a run.
  const runConfig = await surroundings.configFor(io.cwd);
  const reports = pairReports(
    options.formats.length > 0
      ? options.formats
      : formatsNamed(runConfig?.formats ?? [], surroundings.configFileFor(io.cwd)),
    options.outputs,
  );
  const verbose = options.verbose || runConfig?.verbose === true;
  const inputs = await lintInputs(options);
  if (options.filePathInReport !== undefined && inputs.length > 1)
    throw new UsageError(
      `--file-path-in-report names the one file a report is about, and ${inputs.length} files are linted`,
    );
  tuneForRun(inputs.length);
  // One object for the run: the linter caches its rule plan per settings object.
  const flagged = ruleSettings.disabledRules.length > 0 || Object.keys(ruleSettings.severity).length > 0;
  const settings =
    options.maxInstructions === undefined && !flagged
      ? undefined
      : { ...defaultLintSettings, ...ruleSettings, maxInstructions: options.maxInstructions };
  let threshold: FailureThreshold = options.failureThreshold ?? 'info';
  let noFail = options.noFail;
  const results: FileFindings[] = [];
  const filesPerConfig = new Map<string | undefined, number>();
  for (const input of inputs) {
    const name = options.filePathInReport ?? input.name;
    if (input.file !== undefined && isComposePath(input.file)) {
      const { lintComposePath } = await import('./compose');
      results.push({ file: name, findings: lintComposePath(input.file, settings) });
      continue;
    }
    const config = await surroundings.configFor(input.dir);
    if (verbose) {
      const file = surroundings.configFileFor(input.dir);
      filesPerConfig.set(file, (filesPerConfig.get(file) ?? 0) + 1);
    }
    if (!options.failureThreshold && config?.failureThreshold) threshold = config.failureThreshold;
    if (config?.noFail) noFail = true;
    const findings = lint(input.read(), {
      settings,
      config,
      env: surroundings.envFor(dockerfilePath(input)),
    });
    results.push({ file: name, findings });
  }
  if (verbose) {
    for (const [file, count] of filesPerConfig)
      io.warn(`berth-lint: ${plural(count, 'Dockerfile')} linted with ${file ?? 'no config file'}\n`);
    const variables = Object.keys(io.env).filter((name) => name.startsWith('HADOLINT_'));
    if (variables.length > 0)
      io.warn(`berth-lint: read from the environment: ${variables.sort().join(', ')}\n`);
    io.warn(`berth-lint: failure threshold ${threshold}${noFail ? ', no-fail' : ''}\n`);
  }
  const written = await writeReports(reports, io, {
    results,
    lang: options.lang,
    version,
    color: wantsColor(options.color ?? (runConfig?.noColor ? false : undefined), io.env, io.isTTY),
    verbose,
  });
  if (!written) return 2;
  const failing = results.some(({ findings }) =>
    findings.some((f) => rank[f.severity] >= thresholdRank[threshold]),
  );
  return failing && !noFail ? 1 : 0;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The formats a config or HADOLINT_FORMAT names, by Berth's names or hadolint's. */
function formatsNamed(names: readonly string[], configFile: string | undefined): OutputFormat[] {
  return names.map((name) => {
    const format = outputFormatNamed(name);
    if (format === undefined)
      throw new UsageError(
        `${configFile ?? 'the config'}: format "${name}" is none berth-lint writes (${outputFormats.join(', ')}, or hadolint's tty and gitlab_codeclimate)`,
      );
    return format;
  });
}
