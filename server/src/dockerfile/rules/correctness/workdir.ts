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
      title: 'Relative WORKDIR that depends on the base image',
      explanation:
        "A relative WORKDIR is resolved against the working directory before it. When no WORKDIR came before it in the stage (or in the stages it is built FROM), that is whatever the base image set, and it changes when the base image does. Write an absolute path. As BuildKit does, only that first WORKDIR is reported: once it is absolute, the relative ones after it resolve the same way on every base image (hadolint's DL3000 reports those too).",
    },
    'zh-cn': {
      title: '取决于基础镜像的相对路径 WORKDIR',
      explanation:
        '相对路径的 WORKDIR 基于它之前的工作目录解析。如果阶段里（以及它 FROM 的阶段里）在它之前没有 WORKDIR，那就是基础镜像设定的目录，基础镜像一变它也跟着变。请写绝对路径。与 BuildKit 一样，只报告第一条 WORKDIR：它是绝对路径之后，后面的相对路径在任何基础镜像上都解析得一样（hadolint 的 DL3000 对它们也会报告）。',
    },
  },
  check(ctx) {
    const setAtEnd = new Map<object, boolean>();
    for (const stage of ctx.allStages) {
      const inherited = stage.parent ? (setAtEnd.get(stage.parent) ?? false) : false;
      const first = stage.instructions.find((i) => i.name === 'WORKDIR' && i.args.length > 0);
      setAtEnd.set(stage, inherited || first !== undefined);
      if (!first || inherited) continue;
      const path = unquote(first.argsText);
      if (path.startsWith('/') || path.startsWith('$') || /^[A-Za-z]:[\\/]/.test(path)) continue;
      ctx.report(
        first.argsRange,
        text(
          `Relative WORKDIR \`${path}\` depends on the base image's working directory. Write an absolute path.`,
          `相对路径的 WORKDIR \`${path}\` 取决于基础镜像的工作目录。请写绝对路径。`,
        ),
      );
    }
  },
};
