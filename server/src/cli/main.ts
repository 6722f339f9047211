#!/usr/bin/env node
import * as fs from 'node:fs';
import * as path from 'node:path';
import { version } from '../../../package.json';
import { defaultLintSettings } from '../../../common/protocol';
import type { RuleSeverity } from '../../../common/rules';
import { helpText, parseArgs, UsageError, type CliOptions } from './args';
import { discover } from './discover';
import {
  formatCheckstyle,
  formatJson,
  formatRuleList,
  formatSarif,
  formatText,
  type FileFindings,
} from './formats';
import { loadConfig, findHadolintConfig } from '../workspace/hadolintConfig';
import type { FailureThreshold, HadolintConfig } from '../dockerfile/lint/config';
import { lint } from '../dockerfile/lint/lint';
import { allRuleMeta } from '../dockerfile/lint/registry';

const rank: Record<RuleSeverity, number> = { error: 4, warning: 3, info: 2, hint: 1 };
const thresholdRank: Record<FailureThreshold, number> = {
  error: 4,
  warning: 3,
  info: 2,
  style: 1,
  none: Infinity,
};

function configFor(
  file: string,
  options: CliOptions,
  cache: Map<string, HadolintConfig>,
): HadolintConfig | undefined {
  const configPath = options.config ?? findHadolintConfig(path.dirname(path.resolve(file)));
  if (!configPath) return undefined;
  let config = cache.get(configPath);
  if (!config) {
    const loaded = loadConfig(configPath);
    if (loaded.error) throw new UsageError(`invalid config ${loaded.error}`);
    config = loaded.config;
    cache.set(configPath, config);
  }
  return config;
}

function run(argv: readonly string[]): number {
  const options = parseArgs(argv);
  const out = (s: string): void => void process.stdout.write(s);
  if (options.help) {
    out(helpText);
    return 0;
  }
  if (options.listRules) {
    out(formatRuleList(allRuleMeta, options.lang));
    return 0;
  }
  if (options.paths.length === 0) throw new UsageError('no Dockerfile given (see --help)');
  if (options.config && !fs.existsSync(options.config))
    throw new UsageError(`${options.config}: no such config file`);
  const files = discover(options.paths);
  if (files.length === 0) throw new UsageError(`no Dockerfile found in ${options.paths.join(', ')}`);
  const configs = new Map<string, HadolintConfig>();
  const results: FileFindings[] = [];
  let threshold: FailureThreshold = options.failureThreshold ?? 'info';
  // One object for the run: the linter caches its rule plan per settings object.
  const settings =
    options.maxInstructions === undefined
      ? undefined
      : { ...defaultLintSettings, maxInstructions: options.maxInstructions };
  for (const file of files) {
    const config = configFor(file, options, configs);
    if (!options.failureThreshold && config?.failureThreshold) threshold = config.failureThreshold;
    const source = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const hasDockerignore = fs.existsSync(path.join(path.dirname(file), '.dockerignore'));
    results.push({ file, findings: lint(source, { settings, config, env: { hasDockerignore } }) });
  }
  const lang = options.lang;
  if (options.format === 'json') out(formatJson(results, lang));
  else if (options.format === 'sarif') out(formatSarif(results, allRuleMeta, lang, version));
  else if (options.format === 'checkstyle') out(formatCheckstyle(results, lang));
  else out(formatText(results, lang));
  const failing = results.some(({ findings }) =>
    findings.some((f) => rank[f.severity] >= thresholdRank[threshold]),
  );
  return failing ? 1 : 0;
}

try {
  process.exitCode = run(process.argv.slice(2));
} catch (err) {
  if (err instanceof UsageError) {
    process.stderr.write(`berth-lint: ${err.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`berth-lint: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 2;
  }
}
