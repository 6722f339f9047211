import type { Instruction } from '../../parser';
import type { LintContext } from '../../lint/context';
import type { Rule } from '../../lint/types';
import { absolute, copyParts, normalizePath } from '../../lint/util';
import { text } from '../../lint/report';

/** Paths a RUN downloads to: `curl -o X`, `wget -O X`. */
function downloads(args: ReadonlyArray<{ value: string }>): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length - 1; i++) {
    const v = args[i].value;
    if (
      (v === '-o' || v === '-O' || v === '--output' || v === '--output-document') &&
      args[i + 1].value !== '-'
    ) {
      out.push(args[i + 1].value);
    }
  }
  return out;
}

const rmNames: ReadonlySet<string> = new Set(['rm']);
const downloaders: ReadonlySet<string> = new Set(['curl', 'wget']);

/** Ancestors registered per added path; deeper ones are not (no real path is this deep). */
const maxDepth = 64;

/**
 * Paths added by earlier layers, indexed by themselves and their parent directories, so that
 * `rm -rf /dir` finds the first file added below it without scanning every earlier COPY.
 */
class AddedPaths {
  private readonly first = new Map<string, { path: string; line: number }>();

  add(path: string, line: number): void {
    const entry = { path, line };
    if (!this.first.has(path)) this.first.set(path, entry);
    let depth = 0;
    for (let cut = path.lastIndexOf('/'); cut > 0 && depth < maxDepth; cut = path.lastIndexOf('/', cut - 1)) {
      const dir = path.slice(0, cut);
      if (!this.first.has(dir)) this.first.set(dir, entry);
      depth++;
    }
  }

  /** The first path added at or below `path` (`/` itself only matches a file added as `/`). */
  under(path: string): { path: string; line: number } | undefined {
    return this.first.get(path);
  }
}

export const deletedLater: Rule = {
  id: 'file-deleted-in-later-layer',
  aliases: [],
  category: 'layers',
  severity: 'warning',
  docs: {
    en: {
      title: 'A file added in one layer is deleted in a later one',
      explanation:
        'Layers are read-only and stacked: deleting a file in a later RUN only hides it, the bytes stay in the earlier layer and in every pull. Download, use and delete in the same RUN, use a multi-stage build, or a `RUN --mount` for build-only files.',
    },
    'zh-cn': {
      title: '前一层加入的文件在后面的层里被删除',
      explanation:
        '镜像层是只读、逐层叠加的：在后面的 RUN 里删除文件只是把它遮住，字节仍然留在之前那一层，每次 pull 都要下载。请在同一条 RUN 里下载、使用并删除，或使用多阶段构建，或用 `RUN --mount` 挂载只在构建时需要的文件。',
    },
  },
  check(ctx) {
    for (const stage of ctx.allStages) {
      const added = new AddedPaths();
      // One function per instruction: V8 compiled an inner loop of this nest alone and threw it
      // away on every exit, over a hundred times on one fuzz input.
      for (const ins of stage.instructions) {
        if ((ins.name === 'COPY' || ins.name === 'ADD') && ins.heredocs.length === 0)
          addCopied(ctx, ins, added);
        else if (ins.name === 'RUN') checkRun(ctx, ins, added);
      }
    }
  },
};

/** Records the files a COPY or ADD puts in the layer. */
function addCopied(ctx: LintContext, ins: Instruction, added: AddedPaths): void {
  const { sources, dest } = copyParts(ins);
  if (dest === undefined || sources.length === 0) return;
  const target = absolute(dest, ctx.workdir(ins));
  for (const src of sources) {
    if (/[*?[$]/.test(src) || /^https?:/.test(src)) continue;
    const base = normalizePath(src).split('/').pop() ?? '';
    const isDir = dest.endsWith('/') || sources.length > 1;
    if (isDir && !base.includes('.')) continue;
    const path = isDir ? `${target}/${base}` : target;
    if (base !== '' && base !== '.') added.add(normalizePath(path), ins.range.start.line);
  }
}

/** Reports what a RUN deletes from earlier layers, then records what it downloads. */
function checkRun(ctx: LintContext, ins: Instruction, added: AddedPaths): void {
  const workdir = ctx.workdir(ins);
  for (const { cmd, script } of ctx.commandsNamed(ins, rmNames)) {
    for (const arg of cmd.args) {
      if (arg.value.startsWith('-') || /[*?$]/.test(arg.value)) continue;
      const path = absolute(arg.value, workdir);
      const hit = added.under(path);
      if (!hit) continue;
      ctx.report(
        script.locate(arg.start, arg.end),
        text(
          `${hit.path} was added in an earlier layer (line ${hit.line + 1}); deleting it here does not make the image smaller.`,
          `${hit.path} 是在之前的层（第 ${hit.line + 1} 行）加入的；在这里删除并不会让镜像变小。`,
        ),
      );
    }
  }
  for (const { cmd } of ctx.commandsNamed(ins, downloaders)) {
    for (const p of downloads(cmd.args)) {
      if (!/[$*]/.test(p)) added.add(absolute(p, workdir), ins.range.start.line);
    }
  }
}
