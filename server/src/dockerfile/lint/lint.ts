import { defaultMaxInstructions, type LintSettings } from '../../../../common/protocol';
import type { RuleMeta, RuleSeverity } from '../../../../common/rules';
import { maxLineBytes, parseDockerfile, type Dockerfile, type ParseError } from '../parser';
import { emptyConfig, type HadolintConfig } from './config';
import { LintContext, reportLimit, type LintEnvironment } from './context';
import { allRules, lintLimitRule, parseErrorRule } from './registry';
import { codesOf, ruleAsCode } from './ruleCodes';
import { isBuildKitName, matchesRule, Suppressions } from './suppress';
import type { Finding, Rule } from './types';
import type { Localized } from './report';

export interface LintOptions {
  settings?: LintSettings;
  config?: HadolintConfig;
  env?: LintEnvironment;
}

function lookup<T>(get: (key: string) => T | undefined, rule: RuleMeta): T | undefined {
  return get(rule.id) ?? rule.aliases.map(get).find((v) => v !== undefined);
}

function disabledSet(options: LintOptions): Set<string> {
  const ids = [...(options.settings?.disabledRules ?? []), ...(options.config ?? emptyConfig).ignored];
  return new Set(ids.map((s) => s.toLowerCase()));
}

/** The severity a rule reports at after config and settings, or `off`. */
export function effectiveSeverity(
  rule: RuleMeta,
  options: LintOptions,
  disabled: ReadonlySet<string> = disabledSet(options),
): RuleSeverity | 'off' {
  const settings = options.settings;
  const config = options.config ?? emptyConfig;
  if (matchesRule(disabled, rule)) return 'off';
  const fromSettings = settings?.severity ?? {};
  return (
    lookup((key) => (Object.hasOwn(fromSettings, key) ? fromSettings[key] : undefined), rule) ??
    lookup((key) => config.override.get(key.toLowerCase()), rule) ??
    rule.severity
  );
}

/** The instruction limit these options set; `Infinity` for 0 (read everything). */
export function maxInstructionsOf(options: LintOptions): number {
  const value = options.settings?.maxInstructions;
  if (value === 0) return Infinity;
  return typeof value === 'number' && value > 0 ? Math.floor(value) : defaultMaxInstructions;
}

interface PlannedRule {
  rule: Rule;
  severity: RuleSeverity;
  /** For a rule that stands for several hadolint codes: the severity of each, or `off`. */
  codes: ReadonlyMap<string, RuleSeverity | 'off'> | undefined;
}

interface RulePlan {
  parseSeverity: RuleSeverity | 'off';
  limitSeverity: RuleSeverity | 'off';
  rules: readonly PlannedRule[];
}

/** A rule in the plan, or undefined when it is off (for every code it stands for). */
function planRule(rule: Rule, options: LintOptions, disabled: ReadonlySet<string>): PlannedRule | undefined {
  const codes = codesOf(rule);
  if (codes.length === 0) {
    const severity = effectiveSeverity(rule, options, disabled);
    return severity === 'off' ? undefined : { rule, severity, codes: undefined };
  }
  const byCode = new Map(
    codes.map((code) => [code, effectiveSeverity(ruleAsCode(rule, code), options, disabled)]),
  );
  // A report without a code (none should lack one) goes at the first severity that is not off.
  const severity = [...byCode.values()].find((s) => s !== 'off');
  return severity === undefined ? undefined : { rule, severity, codes: byCode };
}

// Settings and config objects are replaced, never mutated, so a plan computed for a pair stays
// valid; every lint with the same pair skips working out 55 severities again.
const noSettings = {};
const plans = new WeakMap<object, WeakMap<HadolintConfig, RulePlan>>();

function planFor(options: LintOptions): RulePlan {
  const settingsKey = options.settings ?? noSettings;
  const configKey = options.config ?? emptyConfig;
  let byConfig = plans.get(settingsKey);
  if (!byConfig) plans.set(settingsKey, (byConfig = new WeakMap()));
  let plan = byConfig.get(configKey);
  if (!plan) {
    const disabled = disabledSet(options);
    const rules: PlannedRule[] = [];
    for (const rule of allRules) {
      const planned = planRule(rule, options, disabled);
      if (planned) rules.push(planned);
    }
    plan = {
      parseSeverity: effectiveSeverity(parseErrorRule, options, disabled),
      limitSeverity: effectiveSeverity(lintLimitRule, options, disabled),
      rules,
    };
    byConfig.set(configKey, plan);
  }
  return plan;
}

/** Parses `source` as lint() reads it under these options (up to their instruction limit). */
export function parseForLint(source: string, options: LintOptions = {}): Dockerfile {
  return parseDockerfile(source, { maxInstructions: maxInstructionsOf(options) });
}

/**
 * Lints one Dockerfile; never throws on any input. Findings are sorted by position. A `parsed`
 * file must come from parseForLint with the same options.
 */
export function lint(source: string, options: LintOptions = {}, parsed?: Dockerfile): Finding[] {
  const file = parsed ?? parseForLint(source, options);
  const complete = file.stoppedAt === undefined && file.overlongLine === undefined;
  const ctx = new LintContext(file, options.env ?? {}, options.config);
  const suppress = new Suppressions(file, source, options.config?.disableIgnorePragma !== true);
  const findings: Finding[] = [];
  const plan = planFor(options);
  const parseSeverity = plan.parseSeverity;
  if (parseSeverity !== 'off') {
    for (const e of file.errors) {
      const message = parseErrorMessage(e, file);
      findings.push({
        rule: parseErrorRule,
        severity: parseSeverity,
        range: e.range,
        message,
        fix: undefined,
      });
    }
  }
  if (file.stoppedAt !== undefined && plan.limitSeverity !== 'off')
    findings.push(limitNotice(file, options, plan.limitSeverity));
  // Indexed loops: for-of makes an object per step until V8 optimizes it, which a short run never sees.
  const planned = plan.rules;
  for (let k = 0; k < planned.length; k++) {
    const { rule, codes } = planned[k];
    let severity = planned[k].severity;
    if (!complete && rule.readsFinalImage) continue;
    if (codes ? everyCodeSkipped(rule, codes, suppress) : suppress.skipsFile(rule)) continue;
    const checkError = suppress.checkError && rule.aliases.some(isBuildKitName);
    if (checkError) severity = 'error';
    let reports;
    try {
      reports = ctx.collect(rule);
    } catch (err) {
      // A rule bug must not take the whole lint down; it shows up as one finding instead.
      const message = `internal error in rule ${rule.id}: ${err instanceof Error ? err.message : String(err)}`;
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      findings.push({
        rule,
        severity: 'error',
        range,
        message: { en: message, 'zh-cn': message },
        fix: undefined,
      });
      continue;
    }
    for (let j = 0; j < reports.length; j++) {
      const r = reports[j];
      if (codes && r.code !== undefined) {
        const asCode = ruleAsCode(rule, r.code);
        const codeSeverity = codes.get(r.code) ?? severity;
        if (codeSeverity === 'off' || suppress.skipsFile(asCode) || suppress.suppressed(asCode, r.range))
          continue;
        findings.push({
          rule,
          severity: checkError ? 'error' : codeSeverity,
          range: r.range,
          message: r.message,
          fix: r.fix,
          code: r.code,
        });
        continue;
      }
      if (suppress.suppressed(rule, r.range)) continue;
      findings.push({ rule, severity, range: r.range, message: r.message, fix: r.fix });
    }
    const last = reports.at(-1);
    if (ctx.truncated && last) findings.push(limitFinding(rule, severity, last.range));
  }
  return findings.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}

/** Whether the file skips a rule as each of the codes it stands for (`# hadolint global ignore=`). */
function everyCodeSkipped(
  rule: RuleMeta,
  codes: ReadonlyMap<string, unknown>,
  suppress: Suppressions,
): boolean {
  for (const code of codes.keys()) if (!suppress.skipsFile(ruleAsCode(rule, code))) return false;
  return true;
}

/** BuildKit's message, and for an overlong line what it means and how to fix it. */
function parseErrorMessage(e: ParseError, file: Dockerfile): Localized {
  if (!e.overlongLine) return { en: e.message, 'zh-cn': e.message };
  const escape = file.escapeToken;
  const limit = withThousands(maxLineBytes);
  return {
    en: `${e.message}. BuildKit refuses to build a file with a line over ${limit} bytes. Split this line with line continuations (${escape}), or, if its lines end with a CR only, save the file with LF line ends. Berth checked only the lines above it.`,
    'zh-cn': `${e.message}。BuildKit 拒绝构建含有超过 ${limit} 字节的行的文件。请用续行符（${escape}）拆分此行；如果各行只以 CR 结尾，请改用 LF 换行保存。Berth 只检查了此行之前的内容。`,
  };
}

function limitNotice(file: Dockerfile, options: LintOptions, severity: RuleSeverity): Finding {
  const line = file.stoppedAt ?? 0;
  const limit = withThousands(maxInstructionsOf(options));
  const shown = String(line + 1);
  return {
    rule: lintLimitRule,
    severity,
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    message: {
      en: `Berth checked the first ${limit} instructions and stopped here, at line ${shown}; rules that need the final stage were skipped. Raise the berth.lint.maxInstructions setting (berth-lint: --max-instructions) to check the whole file.`,
      'zh-cn': `Berth 检查了前 ${limit} 条指令，在此处（第 ${shown} 行）停止；需要最终阶段的规则已跳过。提高 berth.lint.maxInstructions 设置（berth-lint：--max-instructions）即可检查整个文件。`,
    },
    fix: undefined,
  };
}

/**
 * `1,000` for 1000. Not toLocaleString: that builds an ICU number formatter on every call, about
 * 20 ms, which was most of the time a capped file took.
 */
function withThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

function limitFinding(rule: Rule, severity: Finding['severity'], range: Finding['range']): Finding {
  return {
    rule,
    severity,
    range,
    message: {
      en: `${rule.id} stopped after ${reportLimit} findings in this file; fix these to see the rest.`,
      'zh-cn': `规则 ${rule.id} 在此文件中报告 ${reportLimit} 处后已停止；修复这些问题后可看到其余的。`,
    },
    fix: undefined,
  };
}
