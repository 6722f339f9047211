// How often Berth behaves as a peer linter does on the cases the peer documents, per alias.
// hadolint's specs assert whether a rule fires on a file; BuildKit's tests assert the lines a
// check reports, so a BuildKit case agrees when Berth flags the same instructions.
import type { RuleMeta } from '../../../../common/rules';
import type { HadolintConfig } from '../../../../server/src/dockerfile/lint/config';
import { parseDockerfile } from '../../../../server/src/dockerfile/parser';
import { isHadolintCode } from '../../../../server/src/dockerfile/lint/ruleCodes';
import { buildkitCases, type BuildKitCase } from './buildkitCases';
import { hadolintCases as coreHadolintCases, type HadolintCase } from './hadolintCases';
import { hadolintLabelCases } from './hadolintLabelCases';
import { hadolintPackageCases } from './hadolintPackageCases';
import { hadolintShellCases } from './hadolintShellCases';

/** Every hadolint case, by DL code. */
export const hadolintCases: Record<string, HadolintCase[]> = {
  ...coreHadolintCases,
  ...hadolintLabelCases,
  ...hadolintPackageCases,
  ...hadolintShellCases,
};

export type Peer = 'hadolint' | 'buildkit';

interface Finding {
  rule: { id: string };
  range: { start: { line: number } };
  /** The hadolint code a finding is, for a rule that stands for several. */
  code?: string;
}
/** The .hadolint.yaml keys a hadolint case may set; the rest are the defaults. */
export type CaseConfig = Partial<Pick<HadolintConfig, 'trustedRegistries' | 'labelSchema' | 'strictLabels'>>;

/**
 * lint() as the measurement calls it: the environment carries the .dockerignore text when a case
 * has one, the config the trusted registries, label schema and strict labels of a case that sets them.
 */
export type LintFn = (
  source: string,
  env: { hasDockerignore: boolean; dockerignore?: string },
  config?: CaseConfig,
) => readonly Finding[];

function caseConfig(c: HadolintCase): CaseConfig | undefined {
  if (!c.trustedRegistries && !c.labelSchema && c.strictLabels === undefined) return undefined;
  return {
    ...(c.trustedRegistries && { trustedRegistries: c.trustedRegistries }),
    ...(c.labelSchema && { labelSchema: new Map(Object.entries(c.labelSchema)) }),
    ...(c.strictLabels !== undefined && { strictLabels: c.strictLabels }),
  };
}

export interface Agreement {
  peer: Peer;
  alias: string;
  ruleId: string;
  agreed: number;
  total: number;
  /** The cases Berth disagrees on, described for a test message. */
  misses: string[];
}

/** Every alias the rules claim, by peer. */
export function claimedAliases(
  rules: readonly RuleMeta[],
): Array<{ peer: Peer; alias: string; ruleId: string }> {
  return rules.flatMap((r) =>
    r.aliases.map((alias) => ({
      peer: isHadolintCode(alias) ? ('hadolint' as const) : ('buildkit' as const),
      alias,
      ruleId: r.id,
    })),
  );
}

/** hadolint's onBuildRuleCatches helpers: every RUN wrapped in ONBUILD. */
function wrapRunsInOnbuild(dockerfile: string): string {
  return dockerfile.replace(/^([ \t]*)(run\b)/gim, '$1ONBUILD $2');
}

function hadolintRuns(
  c: HadolintCase,
): Array<{ label: string; dockerfile: string; fires: boolean; count?: number }> {
  const runs: Array<{ label: string; dockerfile: string; fires: boolean; count?: number }> = [
    { label: c.name, dockerfile: c.dockerfile, fires: c.fires, count: c.count },
  ];
  if (c.onbuild !== undefined)
    runs.push({
      label: `${c.name} [ONBUILD]`,
      dockerfile: wrapRunsInOnbuild(c.dockerfile),
      fires: c.onbuild,
    });
  return runs;
}

export function hadolintAgreement(lint: LintFn, alias: string, ruleId: string): Agreement {
  const result: Agreement = { peer: 'hadolint', alias, ruleId, agreed: 0, total: 0, misses: [] };
  for (const c of hadolintCases[alias] ?? []) {
    for (const run of hadolintRuns(c)) {
      result.total++;
      // A rule that stands for several codes must also say it is this one.
      const found = lint(run.dockerfile, { hasDockerignore: false }, caseConfig(c)).filter(
        (f) => f.rule.id === ruleId && (f.code === undefined || f.code === alias),
      ).length;
      const fires = found > 0;
      if (run.count === undefined ? fires === run.fires : found === run.count) result.agreed++;
      else if (run.count !== undefined)
        result.misses.push(
          `${run.label}: hadolint fires ${run.count} time(s), Berth ${found}\n${run.dockerfile}`,
        );
      else
        result.misses.push(
          `${run.label}: hadolint ${run.fires ? 'fires' : 'is quiet'}, Berth ${fires ? 'fires' : 'is quiet'}\n${run.dockerfile}`,
        );
    }
  }
  return result;
}

/** The first line of the instruction holding each line (0-based), or the line itself. */
function instructionLines(dockerfile: string, lines0: Iterable<number>): Set<number> {
  const spans = parseDockerfile(dockerfile, { maxInstructions: Infinity }).instructions.map((i) => ({
    from: i.range.start.line,
    to: i.fullRange.end.line,
  }));
  const out = new Set<number>();
  for (const line of lines0) out.add(spans.find((s) => s.from <= line && line <= s.to)?.from ?? line);
  return out;
}

function sameSet(a: Set<number>, b: Set<number>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

function buildkitEnv(c: BuildKitCase): { hasDockerignore: boolean; dockerignore?: string } {
  return c.dockerignore === undefined
    ? { hasDockerignore: false }
    : { hasDockerignore: true, dockerignore: c.dockerignore };
}

export function buildkitAgreement(lint: LintFn, alias: string, ruleId: string): Agreement {
  const result: Agreement = { peer: 'buildkit', alias, ruleId, agreed: 0, total: 0, misses: [] };
  for (const c of buildkitCases[alias] ?? []) {
    result.total++;
    const found = lint(c.dockerfile, buildkitEnv(c))
      .filter((f) => f.rule.id === ruleId)
      .map((f) => f.range.start.line);
    const berth = instructionLines(c.dockerfile, found);
    const peer = instructionLines(
      c.dockerfile,
      c.lines.map((l) => l - 1),
    );
    if (sameSet(berth, peer)) result.agreed++;
    else {
      const show = (s: Set<number>): string => (s.size === 0 ? 'none' : [...s].map((l) => l + 1).join(', '));
      result.misses.push(
        `${c.name}: BuildKit at line(s) ${show(peer)}, Berth at ${show(berth)}\n${c.dockerfile}`,
      );
    }
  }
  return result;
}

export function agreement(lint: LintFn, peer: Peer, alias: string, ruleId: string): Agreement {
  return peer === 'hadolint'
    ? hadolintAgreement(lint, alias, ruleId)
    : buildkitAgreement(lint, alias, ruleId);
}

export function percent(a: Agreement): string {
  return a.total === 0 ? 'no cases' : `${((100 * a.agreed) / a.total).toFixed(1)}%`;
}

/** One line per alias, and a total per peer over all cases. */
export function agreementTable(rows: readonly Agreement[]): string {
  const out: string[] = [];
  for (const peer of ['hadolint', 'buildkit'] as const) {
    const mine = rows.filter((r) => r.peer === peer);
    if (mine.length === 0) continue;
    for (const r of mine)
      out.push(
        `${r.alias.padEnd(32)} ${r.ruleId.padEnd(34)} ${String(r.agreed).padStart(3)}/${String(r.total).padEnd(3)} ${percent(r)}`,
      );
    const agreed = mine.reduce((n, r) => n + r.agreed, 0);
    const total = mine.reduce((n, r) => n + r.total, 0);
    out.push(
      `${peer}: ${mine.length} aliases, ${agreed}/${total} cases agree (${((100 * agreed) / Math.max(total, 1)).toFixed(1)}%)`,
      '',
    );
  }
  return out.join('\n');
}
