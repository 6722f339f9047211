import type { LintContext, Stage } from '../../lint/context';
import type { Rule } from '../../lint/types';
import { unquote } from '../../lint/util';
import { text } from '../../lint/report';

export const copyManyToFile: Rule = {
  id: 'copy-many-to-file',
  aliases: ['DL3021'],
  category: 'correctness',
  severity: 'error',
  docs: {
    en: {
      title: 'COPY of several sources to a destination without a trailing `/`',
      explanation:
        'With more than one source the destination must be a directory, written with a trailing `/`. The classic builder refuses the file ("When using COPY with more than one source file, the destination must be a directory and end with a /"); BuildKit guesses a directory. Write `COPY a b /dest/`.',
    },
    'zh-cn': {
      title: 'COPY 有多个源，目标却不以 `/` 结尾',
      explanation:
        '源不止一个时，目标必须是目录，并以 `/` 结尾。经典构建器会拒绝这个文件（"When using COPY with more than one source file, the destination must be a directory and end with a /"）；BuildKit 则会猜它是目录。请写成 `COPY a b /dest/`。',
    },
  },
  check(ctx) {
    for (const [ins] of ctx.ofKind('COPY')) {
      if (ins.args.length < 3) continue;
      const dest = ins.args[ins.args.length - 1];
      const path = ins.json ? dest.value : unquote(dest.value);
      if (path.endsWith('/')) continue;
      // Before a closing quote, if there is one.
      const quoted = ins.json !== undefined || path !== dest.value;
      const end = dest.range.end;
      const at = quoted ? { line: end.line, character: end.character - 1 } : end;
      ctx.report(
        dest.range,
        text(
          `${ins.args.length - 1} sources are copied here: the destination must be a directory ending in \`/\`.`,
          `这里复制了 ${ins.args.length - 1} 个源：目标必须是以 \`/\` 结尾的目录。`,
        ),
        {
          title: text('Add a trailing /', '在末尾加上 /'),
          edits: [{ range: { start: at, end: at }, newText: '/' }],
        },
      );
    }
  },
};

/** Whether a WORKDIR was set in the stage before `line`, or in a stage it is built FROM. */
function workdirSetter(ctx: LintContext): (stage: Stage, line: number) => boolean {
  const firstWorkdir = new Map<Stage, number>();
  for (const [ins, stage] of ctx.ofKind('WORKDIR'))
    if (!firstWorkdir.has(stage)) firstWorkdir.set(stage, ins.range.start.line);
  return (stage, line) => {
    const own = firstWorkdir.get(stage);
    if (own !== undefined && own < line) return true;
    for (let s = stage.parent; s; s = s.parent) if (firstWorkdir.has(s)) return true;
    return false;
  };
}

export const copyRelativeNoWorkdir: Rule = {
  id: 'copy-relative-without-workdir',
  aliases: ['DL3045'],
  category: 'correctness',
  severity: 'warning',
  docs: {
    en: {
      title: 'COPY to a relative path with no WORKDIR set',
      explanation:
        'A relative COPY destination is taken from the working directory, and with no WORKDIR in the stage (or in the stage it is built FROM) that is whatever the base image chose, `/` for many. The files land somewhere a reader cannot see. Set `WORKDIR /app` first, or copy to an absolute path.',
    },
    'zh-cn': {
      title: '没有设置 WORKDIR 就 COPY 到相对路径',
      explanation:
        'COPY 的相对目标以工作目录为准；阶段里（以及它 FROM 的阶段里）没有 WORKDIR 时，工作目录由基础镜像决定，很多镜像是 `/`。文件会落在读者看不出来的地方。请先设置 `WORKDIR /app`，或者复制到绝对路径。',
    },
  },
  check(ctx) {
    const copies = ctx.ofKind('COPY');
    if (copies.length === 0) return;
    const workdirSet = workdirSetter(ctx);
    for (const [ins, stage] of copies) {
      const dest = ins.args[ins.args.length - 1];
      if (!dest || ins.args.length < 2) continue;
      const path = ins.json ? dest.value : unquote(dest.value);
      if (path.startsWith('/') || path.startsWith('$') || /^[A-Za-z]:/.test(path)) continue;
      if (workdirSet(stage, ins.range.start.line)) continue;
      ctx.report(
        dest.range,
        text(
          `\`${path}\` is relative, and no WORKDIR says where to: set WORKDIR first or use an absolute path.`,
          `\`${path}\` 是相对路径，却没有 WORKDIR 说明相对于哪里：请先设置 WORKDIR，或使用绝对路径。`,
        ),
      );
    }
  },
};
