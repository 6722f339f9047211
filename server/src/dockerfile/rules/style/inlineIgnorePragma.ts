import type { Rule } from '../../lint/types';
import { text } from '../../lint/report';
import { isLineIgnorePragma } from '../../lint/suppress';
import { edit, fix } from '../../lint/util';

export const inlineIgnorePragma: Rule = {
  id: 'inline-ignore-pragma',
  aliases: ['DL1001'],
  category: 'style',
  severity: 'off',
  docs: {
    en: {
      title: 'An inline `# hadolint ignore=` comment',
      explanation:
        'A `# hadolint ignore=…` (or `# berth ignore=…`) comment above an instruction silences rules where nobody reviewing the project\'s lint settings sees it. A team that wants every exception in one place keeps them in `.hadolint.yaml` (`ignored:`) and turns this rule on. As hadolint\'s DL1001 it is off until given a severity: `berth.lint.severity` (`"DL1001": "warning"`), a `.hadolint.yaml` `override` (`warning: [DL1001]`) or `berth-lint --warning DL1001`. `global` and `stage` ignore comments are not reported, as in hadolint. The quick fix removes the comment.',
    },
    'zh-cn': {
      title: '行内的 `# hadolint ignore=` 注释',
      explanation:
        '写在指令上方的 `# hadolint ignore=…`（或 `# berth ignore=…`）注释会在原地屏蔽规则，查看项目 lint 配置的人看不到。希望所有例外都集中在一处的团队，会把它们写进 `.hadolint.yaml`（`ignored:`），并打开这条规则。与 hadolint 的 DL1001 一样，它在被赋予严重级别之前是关闭的：`berth.lint.severity`（`"DL1001": "warning"`）、`.hadolint.yaml` 的 `override`（`warning: [DL1001]`）或 `berth-lint --warning DL1001`。与 hadolint 一样，`global` 和 `stage` 形式的 ignore 注释不报告。快速修复会删除这条注释。',
    },
  },
  check(ctx) {
    for (const comment of ctx.file.comments) {
      if (!isLineIgnorePragma(comment.text)) continue;
      const line = comment.range.start.line;
      // The whole line with its line break; the last line of a file may have none.
      const end = line + 1 < ctx.file.lineCount ? { line: line + 1, character: 0 } : comment.range.end;
      ctx.report(
        comment.range,
        text(
          'This comment silences rules here rather than in .hadolint.yaml, where the project asks for exceptions to be.',
          '这条注释在原地屏蔽规则，而项目要求把例外写在 .hadolint.yaml 里。',
        ),
        fix(
          text('Remove this ignore comment', '删除这条 ignore 注释'),
          edit({ start: { line, character: 0 }, end }, ''),
        ),
      );
    }
  },
};
