// Shared by the version-pin rules: each names what it installs, and these report the ones that
// name no version, once per command.

import type { RuleDoc, RuleLanguage } from '../../../../../common/rules';
import type { LintContext } from '../../lint/context';
import { commandRange, runsRunning, type ShellRun } from '../../lint/runs';
import type { Rule } from '../../lint/types';
import type { CommandRef } from '../../lint/shellTypes';
import { text } from '../../lint/report';

export interface PinRule {
  id: string;
  alias: string;
  programs: readonly string[];
  /** For programs known by a pattern (`pip3.12`, `python3`): the rule then asks each RUN by it. */
  programLike?: (name: string) => boolean;
  /** What the command installs (empty when it installs nothing). */
  packages: (ref: CommandRef, run: ShellRun, ctx: LintContext) => readonly string[];
  pinned: (pkg: string, ref: CommandRef, run: ShellRun, ctx: LintContext) => boolean;
  /** How a pinned install looks, for the message. */
  example: string;
  docs: Readonly<Record<RuleLanguage, RuleDoc>>;
}

const shown = 3;

export function pinRule(p: PinRule): Rule {
  const programs: ReadonlySet<string> = new Set(p.programs);
  return {
    id: p.id,
    aliases: [p.alias],
    category: 'cache',
    severity: 'info',
    docs: p.docs,
    check(ctx) {
      const like = p.programLike;
      for (const run of like ? ctx.ofKind('RUN') : runsRunning(ctx, programs)) {
        for (const ref of like ? ctx.commandsWhere(run[0], like) : ctx.commandsNamed(run[0], programs)) {
          const loose = p.packages(ref, run, ctx).filter((pkg) => !p.pinned(pkg, ref, run, ctx));
          if (loose.length === 0) continue;
          const names = loose.slice(0, shown).join(', ') + (loose.length > shown ? ', …' : '');
          ctx.report(
            commandRange(ref),
            text(
              `No version pinned for ${names}: write \`${p.example}\` so that a rebuild installs what you tested.`,
              `${names} 没有固定版本：请写成 \`${p.example}\`，这样重新构建时装上的还是测试过的版本。`,
            ),
          );
        }
      }
    },
  };
}

/** Docs that every pin rule shares, around what is particular to its package manager. */
export function pinDocs(
  title: { en: string; zh: string },
  how: { en: string; zh: string },
): Readonly<Record<RuleLanguage, RuleDoc>> {
  return {
    en: {
      title: title.en,
      explanation: `Without a version the install takes whatever the repository has that day, so two builds of the same Dockerfile can differ, and the build cache hides which one you got until it is busted. ${how.en} Berth reports this as information (hadolint: warning), since pinning is a team's choice; raise it with \`berth.lint.severity\` or a \`.hadolint.yaml\` override.`,
    },
    'zh-cn': {
      title: title.zh,
      explanation: `不写版本时，安装的是软件源当天的版本，同一个 Dockerfile 两次构建的结果可能不同，而构建缓存会把装上的是哪个版本藏起来，直到缓存失效。${how.zh}是否固定版本由团队决定，所以 Berth 只把它当作提示（hadolint 是警告）；可以用 \`berth.lint.severity\` 或 \`.hadolint.yaml\` 的 override 调高。`,
    },
  };
}
