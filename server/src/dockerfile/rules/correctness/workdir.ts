import type { Rule } from '../../lint/types';
import { unquote } from '../../lint/util';
import { text } from '../../lint/report';

export const relativeWorkdir: Rule = {
  id: 'relative-workdir',
  aliases: ['DL3000', 'WorkdirRelativePath'],
  category: 'correctness',
  severity: 'warning',
  docs: {
    en: {
      title: 'Relative WORKDIR',
      explanation:
        'A relative WORKDIR is resolved against the previous one and accumulates: `WORKDIR /a`, `WORKDIR b`, `WORKDIR c` gives `/a/b/c`. Without an absolute WORKDIR before it, it depends on the base image. Write absolute paths.',
    },
    'zh-cn': {
      title: 'WORKDIR 使用相对路径',
      explanation:
        '相对路径的 WORKDIR 基于上一个 WORKDIR 累加：`WORKDIR /a`、`WORKDIR b`、`WORKDIR c` 得到 `/a/b/c`。如果前面没有绝对路径的 WORKDIR，结果取决于基础镜像。请写绝对路径。',
    },
  },
  check(ctx) {
    for (const stage of ctx.stages) {
      for (const ins of stage.instructions) {
        if (ins.name !== 'WORKDIR' || ins.args.length === 0) continue;
        const path = unquote(ins.argsText);
        if (path.startsWith('/') || path.startsWith('$') || /^[A-Za-z]:[\\/]/.test(path)) continue;
        const resolved = ctx.workdir(ins);
        const before = resolved !== '/';
        ctx.report(
          ins.argsRange,
          before
            ? text(
                `Relative WORKDIR accumulates: this is ${resolved === '/' ? '' : resolved}/${path}. Write the absolute path.`,
                `相对路径的 WORKDIR 会累加：这里实际是 ${resolved === '/' ? '' : resolved}/${path}。请写绝对路径。`,
              )
            : text(
                `Relative WORKDIR \`${path}\` depends on the base image's working directory. Write an absolute path.`,
                `相对路径的 WORKDIR \`${path}\` 取决于基础镜像的工作目录。请写绝对路径。`,
              ),
        );
      }
    }
  },
};
