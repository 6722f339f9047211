import type { RuleMeta } from '../../../common/rules';
import type { Dockerfile, Range } from '../parser';

const ignorePattern = /^(?:hadolint|berth)\s+(global\s+|stage\s+)?ignore\s*=\s*([A-Za-z0-9_,\s-]+)$/i;

interface Scoped {
  ids: Set<string>;
  /** Lines this suppression covers, inclusive. */
  from: number;
  to: number;
}

function idList(text: string): Set<string> {
  return new Set(
    text
      .split(/[,\s]+/)
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );
}

/** BuildKit check names (`JSONArgsRecommended`), as opposed to hadolint codes (`DL3025`). */
export function isBuildKitName(alias: string): boolean {
  return !/^(?:DL|SC)\d+$/.test(alias);
}

export function matchesRule(ids: ReadonlySet<string>, rule: RuleMeta): boolean {
  if (ids.has(rule.id.toLowerCase())) return true;
  return rule.aliases.some((a) => ids.has(a.toLowerCase()));
}

/**
 * In-file suppressions: `# hadolint ignore=…` on the line(s) right above an instruction,
 * `# hadolint global ignore=…`, `# hadolint stage ignore=…` (until the next FROM), and BuildKit's
 * `# check=skip=…;error=true` parser directive. Our ids and the aliases both work.
 */
export class Suppressions {
  private readonly scoped: Scoped[] = [];
  private readonly global = new Set<string>();
  private readonly checkSkip = new Set<string>();
  /** BuildKit `check=error=true`: its checks fail the build, so we report them as errors. */
  readonly checkError: boolean;

  constructor(file: Dockerfile) {
    const commentAt = new Map<number, string>();
    for (const c of file.comments) commentAt.set(c.range.start.line, c.text);
    const fromLines = file.instructions.filter((i) => i.name === 'FROM').map((i) => i.range.start.line);
    for (const c of file.comments) {
      const m = ignorePattern.exec(c.text);
      if (!m) continue;
      const ids = idList(m[2]);
      const scope = (m[1] ?? '').trim().toLowerCase();
      const line = c.range.start.line;
      if (scope === 'global') ids.forEach((id) => this.global.add(id));
      else if (scope === 'stage') {
        const next = fromLines.find((l) => l > line) ?? Number.MAX_SAFE_INTEGER;
        this.scoped.push({ ids, from: line, to: next - 1 });
      }
    }
    for (const ins of file.instructions) {
      const ids = new Set<string>();
      for (let line = ins.range.start.line - 1; commentAt.has(line); line--) {
        const m = ignorePattern.exec(commentAt.get(line) ?? '');
        if (m && !m[1]) idList(m[2]).forEach((id) => ids.add(id));
      }
      if (ids.size > 0) this.scoped.push({ ids, from: ins.range.start.line, to: ins.fullRange.end.line });
    }
    let error = false;
    for (const d of file.directives) {
      if (d.name !== 'check') continue;
      for (const part of d.value.split(';')) {
        const [key, value = ''] = part.split('=', 2).map((s) => s.trim());
        if (key === 'skip') idList(value).forEach((id) => this.checkSkip.add(id));
        if (key === 'error') error = value === 'true';
      }
    }
    this.checkError = error;
  }

  /** Whether the whole file skips this rule (global ignore or BuildKit `check=skip`). */
  skipsFile(rule: RuleMeta): boolean {
    if (matchesRule(this.global, rule)) return true;
    const isBuildKitCheck = rule.aliases.some(isBuildKitName);
    return isBuildKitCheck && (this.checkSkip.has('all') || matchesRule(this.checkSkip, rule));
  }

  suppressed(rule: RuleMeta, range: Range): boolean {
    const line = range.start.line;
    return this.scoped.some((s) => line >= s.from && line <= s.to && matchesRule(s.ids, rule));
  }
}
