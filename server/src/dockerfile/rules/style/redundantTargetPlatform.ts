import type { Rule } from '../../lint/types';
import { edit, fix, unquote } from '../../lint/util';
import { text } from '../../lint/report';

/** `$TARGETPLATFORM`, `${TARGETPLATFORM}`, or with a default for when it is unset (it never is). */
const targetPlatform = /^\$(?:TARGETPLATFORM|\{TARGETPLATFORM(?::?-[^}]*)?\})$/;

export const redundantTargetPlatform: Rule = {
  id: 'redundant-target-platform',
  aliases: ['RedundantTargetPlatform'],
  category: 'style',
  severity: 'info',
  docs: {
    en: {
      title: '`FROM --platform=$TARGETPLATFORM` says the default',
      explanation:
        "A stage is built for the target platform unless `--platform` says otherwise, so `--platform=$TARGETPLATFORM` changes nothing. Leave the flag out; use `--platform=$BUILDPLATFORM` where a stage must run on the build machine. As BuildKit does, Berth also reports `${TARGETPLATFORM:-…}`, which hadolint's DL3065 leaves alone, so Berth does not claim DL3065.",
    },
    'zh-cn': {
      title: '`FROM --platform=$TARGETPLATFORM` 写的就是默认值',
      explanation:
        '除非 `--platform` 另有指定，阶段本来就为目标平台构建，所以 `--platform=$TARGETPLATFORM` 没有任何作用。请去掉这个标志；需要在构建机上运行的阶段才用 `--platform=$BUILDPLATFORM`。与 BuildKit 一样，Berth 也会报告 `${TARGETPLATFORM:-…}`，而 hadolint 的 DL3065 不报告它，因此 Berth 不把 DL3065 作为别名。',
    },
  },
  check(ctx) {
    for (const stage of ctx.stages) {
      const from = stage.from;
      const at = from.flags.findIndex((f) => f.name === 'platform');
      const platform = from.flags[at];
      if (!platform?.value || !targetPlatform.test(unquote(platform.value))) continue;
      // The flag and the blank after it, so the line reads as if it was never there.
      const next = (from.flags[at + 1] ?? from.args[0])?.range.start ?? platform.range.end;
      ctx.report(
        platform.range,
        text(
          '`--platform=$TARGETPLATFORM` is what FROM does anyway: leave it out.',
          '`--platform=$TARGETPLATFORM` 本来就是 FROM 的默认行为：请去掉它。',
        ),
        fix(
          text('Remove --platform', '去掉 --platform'),
          edit({ start: platform.range.start, end: next }, ''),
        ),
      );
    }
  },
};
