import type { RuleMeta } from '../../../../common/rules';
import type { Dockerfile, Range } from '../parser';

const ignorePattern = /^(?:hadolint|berth)\s+(global\s+|stage\s+)?ignore\s*=\s*([A-Za-z0-9_,\s-]+)$/i;
const mentionsIgnore = /ignore/i;
/**
 * What the source of a `# check=…` comment holds (a comment's text is what follows its `#`,
 * trimmed). "check" alone is in most Dockerfiles (`--no-check-certificate`, HEALTHCHECK), and
 * reading the comments for it made a range for every comment and instruction of those files.
 */
const mentionsCheckComment = /#\s*check\s*=/i;

/** Only comments starting with `hadolint` or `berth` can match ignorePattern. */
function mayIgnore(text: string): boolean {
  const first = text.charCodeAt(0) | 0x20;
  return (first === 0x68 || first === 0x62) && mentionsIgnore.test(text);
}

/** A `# hadolint ignore=…` (or `# berth ignore=…`) comment for the instruction below it. */
export function isLineIgnorePragma(commentText: string): boolean {
  if (!mayIgnore(commentText)) return false;
  const m = ignorePattern.exec(commentText);
  return m !== null && m[1] === undefined;
}

/** Line intervals per rule id or alias, sorted by start and not overlapping one another. */
class Intervals {
  private readonly byId = new Map<string, Array<{ from: number; to: number }>>();

  add(ids: Iterable<string>, from: number, to: number): void {
    for (const id of ids) {
      const list = this.byId.get(id);
      const last = list?.[list.length - 1];
      if (!list) this.byId.set(id, [{ from, to }]);
      else if (last && from <= last.to) last.to = Math.max(last.to, to);
      else list.push({ from, to });
    }
  }

  get empty(): boolean {
    return this.byId.size === 0;
  }

  covers(id: string, line: number): boolean {
    const list = this.byId.get(id);
    if (!list) return false;
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (list[mid].from <= line) lo = mid;
      else hi = mid - 1;
    }
    return list[lo].from <= line && line <= list[lo].to;
  }
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
 * BuildKit checks it runs over the whole file rather than per instruction: a `# check=skip=…`
 * comment above one instruction does not reach them (dockerfile2llb validateStageNames,
 * validateCommandCasing, validateBaseImagesWithDefaultArgs, the parser's warnings).
 */
const fileWideChecks = new Set(
  [
    'ConsistentInstructionCasing',
    'DuplicateStageName',
    'ReservedStageName',
    'InvalidDefaultArgInFrom',
    'NoEmptyContinuation',
  ].map((c) => c.toLowerCase()),
);

/** BuildKit's `skip=` list of a check option (`skip=A,B;error=true`), lower-cased. */
function checkSkipList(value: string): Set<string> {
  const skip = new Set<string>();
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === 'skip')
      idList(part.slice(eq + 1)).forEach((id) => skip.add(id));
  }
  return skip;
}

/**
 * In-file suppressions: `# hadolint ignore=…` on the line(s) right above an instruction,
 * `# hadolint global ignore=…`, `# hadolint stage ignore=…` (until the next FROM), BuildKit's
 * `# check=skip=…;error=true` parser directive, and its `# check=skip=…` comment above one
 * instruction. Our ids and the aliases both work.
 */
export class Suppressions {
  private readonly scoped = new Intervals();
  private readonly stageScoped = new Intervals();
  /** BuildKit `# check=skip=…` comments, over the instruction below them. */
  private readonly checkScoped = new Intervals();
  private readonly global = new Set<string>();
  private readonly checkSkip = new Set<string>();
  /** BuildKit `check=error=true`: its checks fail the build, so we report them as errors. */
  readonly checkError: boolean;

  /**
   * `source` lets a file that never says "ignore" or "check" skip reading its comments at all.
   * `hadolintPragmas` false is `disable-ignore-pragma`: `# hadolint ignore=` comments silence nothing.
   */
  constructor(file: Dockerfile, source?: string, hadolintPragmas = true) {
    this.checkError = this.readCheckDirective(file);
    if (source === undefined || mentionsCheckComment.test(source)) this.readCheckComments(file);
    if (!hadolintPragmas || (source !== undefined && !mentionsIgnore.test(source))) return;
    // Most files have comments and no ignore comment at all: they skip the indexing below.
    if (!file.comments.some((c) => mayIgnore(c.text))) return;
    const commentAt = new Map<number, string>();
    for (const c of file.comments) commentAt.set(c.range.start.line, c.text);
    const fromLines = file.instructions.filter((i) => i.name === 'FROM').map((i) => i.range.start.line);
    let nextFrom = 0;
    for (const c of file.comments) {
      if (!mentionsIgnore.test(c.text)) continue;
      const m = ignorePattern.exec(c.text);
      if (!m) continue;
      const ids = idList(m[2]);
      const scope = (m[1] ?? '').trim().toLowerCase();
      const line = c.range.start.line;
      if (scope === 'global') ids.forEach((id) => this.global.add(id));
      else if (scope === 'stage') {
        // Comments come in line order, so the next FROM only ever moves forward.
        while (nextFrom < fromLines.length && fromLines[nextFrom] <= line) nextFrom++;
        const next = fromLines[nextFrom] ?? Number.MAX_SAFE_INTEGER;
        this.stageScoped.add(ids, line, next - 1);
      }
    }
    for (const ins of file.instructions) {
      const ids = new Set<string>();
      for (let line = ins.range.start.line - 1; commentAt.has(line); line--) {
        const comment = commentAt.get(line) ?? '';
        const m = mentionsIgnore.test(comment) ? ignorePattern.exec(comment) : null;
        if (m && !m[1]) idList(m[2]).forEach((id) => ids.add(id));
      }
      if (ids.size > 0) this.scoped.add(ids, ins.range.start.line, ins.fullRange.end.line);
    }
  }

  /**
   * BuildKit reads the comments between the previous instruction and this one (an empty `#`
   * line starts them afresh; blank lines do not) and takes the first `check=` among them.
   */
  private readCheckComments(file: Dockerfile): void {
    const directiveLines = new Set(file.directives.map((d) => d.range.start.line));
    const comments = file.comments;
    let c = 0;
    let previousEnd = -1;
    for (const ins of file.instructions) {
      let skip: Set<string> | undefined;
      for (; c < comments.length && comments[c].range.start.line < ins.range.start.line; c++) {
        const { text, range } = comments[c];
        if (range.start.line <= previousEnd || directiveLines.has(range.start.line)) continue;
        if (text === '') skip = undefined;
        else if (skip === undefined) {
          const m = /^check\s*=\s*(\S*)/i.exec(text);
          if (m) skip = checkSkipList(m[1]);
        }
      }
      if (skip !== undefined && skip.size > 0)
        this.checkScoped.add(skip, ins.range.start.line, ins.fullRange.end.line);
      previousEnd = ins.fullRange.end.line;
    }
  }

  private readCheckDirective(file: Dockerfile): boolean {
    let error = false;
    for (const d of file.directives) {
      if (d.name !== 'check') continue;
      for (const part of d.value.split(';')) {
        const [key, value = ''] = part.split('=', 2).map((s) => s.trim());
        if (key === 'skip') idList(value).forEach((id) => this.checkSkip.add(id));
        if (key === 'error') error = value === 'true';
      }
    }
    return error;
  }

  private skippedByCheckComment(rule: RuleMeta, line: number): boolean {
    const checks = rule.aliases.filter((a) => isBuildKitName(a) && !fileWideChecks.has(a.toLowerCase()));
    if (checks.length === 0) return false;
    const covers = (id: string): boolean => this.checkScoped.covers(id, line);
    return covers('all') || covers(rule.id.toLowerCase()) || checks.some((a) => covers(a.toLowerCase()));
  }

  /** Whether the whole file skips this rule (global ignore or BuildKit `check=skip`). */
  skipsFile(rule: RuleMeta): boolean {
    if (this.global.size === 0 && this.checkSkip.size === 0) return false;
    if (matchesRule(this.global, rule)) return true;
    const isBuildKitCheck = rule.aliases.some(isBuildKitName);
    return isBuildKitCheck && (this.checkSkip.has('all') || matchesRule(this.checkSkip, rule));
  }

  suppressed(rule: RuleMeta, range: Range): boolean {
    if (this.scoped.empty && this.stageScoped.empty && this.checkScoped.empty) return false;
    const line = range.start.line;
    if (!this.checkScoped.empty && this.skippedByCheckComment(rule, line)) return true;
    const covers = (id: string): boolean => this.scoped.covers(id, line) || this.stageScoped.covers(id, line);
    return covers(rule.id.toLowerCase()) || rule.aliases.some((a) => covers(a.toLowerCase()));
  }
}
