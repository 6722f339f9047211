import { knownInstructions } from '../../parser';
import type { Rule } from '../../lint/types';
import { text } from '../../lint/report';

/** BuildKit's words (frontend/dockerfile/instructions/commands.go, CurrentStage). */
const builderError = 'no build stage in current context';

export const noBuildStage: Rule = {
  id: 'no-build-stage',
  aliases: [],
  category: 'correctness',
  severity: 'error',
  docs: {
    en: {
      title: 'Instruction before the first FROM',
      explanation:
        'Only ARG may come before the first FROM: every other instruction belongs to a build stage, and a stage starts with FROM. Docker refuses the file with `no build stage in current context`. Add a `FROM image` line above. Berth still checks these instructions with every rule that needs no FROM, so a Dockerfile you are starting, or a snippet, gets its findings.',
    },
    'zh-cn': {
      title: '指令写在了第一条 FROM 之前',
      explanation:
        '第一条 FROM 之前只能有 ARG：其他指令都属于某个构建阶段，而阶段从 FROM 开始。Docker 会以 `no build stage in current context` 拒绝这个文件。请在上面加一行 `FROM 镜像`。Berth 仍会用所有不需要 FROM 的规则检查这些指令，因此刚开始写的 Dockerfile 或代码片段也能得到检查结果。',
    },
  },
  check(ctx) {
    // Docker stops at the first one; the ARGs of a file without FROM are in the headless stage too.
    const first = ctx.headless?.instructions.find((ins) => ins.name !== 'ARG');
    // An unknown instruction stops the build there with its own error (unknown-instruction).
    if (!first || !knownInstructions.has(first.name)) return;
    ctx.report(
      first.keywordRange,
      text(
        `${builderError}: Docker builds nothing before a FROM. Add a \`FROM image\` line above this ${first.name}.`,
        `${builderError}：FROM 之前不能构建任何内容。请在这条 ${first.name} 上面加一行 \`FROM 镜像\`。`,
      ),
    );
  },
};
