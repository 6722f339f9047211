import type { RuleDoc, RuleLanguage } from '../../../../../common/rules';
import { countFlag, hasAnyFlag } from '../../lint/commandArgs';
import { commandRange, insertAfter, runsRunning } from '../../lint/runs';
import type { Rule } from '../../lint/types';
import type { ShellCommand, ShellWord } from '../../lint/shellTypes';
import { text } from '../../lint/report';

/** A package manager's install that asks for confirmation unless told not to. */
interface Prompting {
  id: string;
  alias: string;
  programs: ReadonlySet<string>;
  /** Sub-commands that ask (any word of the command equal to one counts, as in hadolint). */
  subcommands: readonly string[];
  /** The flags that answer for the user. */
  answered: (cmd: ShellCommand) => boolean;
  /** The flag the fix adds, and the word it goes after. */
  flag: string;
  insertAfter: (cmd: ShellCommand) => ShellWord | undefined;
  docs: Readonly<Record<RuleLanguage, RuleDoc>>;
}

function assumeYesRule(p: Prompting): Rule {
  return {
    id: p.id,
    aliases: [p.alias],
    category: 'correctness',
    severity: 'warning',
    docs: p.docs,
    check(ctx) {
      for (const [ins] of runsRunning(ctx, p.programs)) {
        for (const ref of ctx.commandsNamed(ins, p.programs)) {
          const { cmd, script } = ref;
          const sub = cmd.args.find((a) => p.subcommands.includes(a.value));
          if (!sub || p.answered(cmd)) continue;
          const anchor = p.insertAfter(cmd);
          ctx.report(
            commandRange(ref),
            text(
              `\`${cmd.name} ${sub.value}\` waits for a yes that no build can type: add \`${p.flag}\`.`,
              `\`${cmd.name} ${sub.value}\` 会等待确认，而构建过程中没人能输入：加上 \`${p.flag}\`。`,
            ),
            anchor && insertAfter(script, anchor, ` ${p.flag}`, text(`Add ${p.flag}`, `加上 ${p.flag}`)),
          );
        }
      }
    },
  };
}

const afterSubcommand =
  (subcommands: readonly string[]) =>
  (cmd: ShellCommand): ShellWord | undefined =>
    cmd.args.find((a) => subcommands.includes(a.value));

const aptInstall = ['install'];
const rpmInstall = ['install', 'groupinstall', 'localinstall'];

export const aptGetWithoutYes = assumeYesRule({
  id: 'apt-get-without-yes',
  alias: 'DL3014',
  programs: new Set(['apt-get']),
  subcommands: aptInstall,
  // `-qq` (quiet level 2) implies `--assume-yes`; a third `q` is not counted, as hadolint does.
  // A simulation (`-s`) installs nothing and asks nothing.
  answered: (cmd) =>
    hasAnyFlag(cmd, [
      'y',
      'yes',
      'qq',
      'assume-yes',
      's',
      'simulate',
      'just-print',
      'dry-run',
      'recon',
      'no-act',
    ]) ||
    countFlag(cmd, 'q') === 2 ||
    countFlag(cmd, 'quiet') === 2 ||
    cmd.args.some((a) => a.value === '-q=2'),
  flag: '-y',
  insertAfter: afterSubcommand(aptInstall),
  docs: {
    en: {
      title: '`apt-get install` without `-y`',
      explanation:
        'When an install pulls in more than the packages named, apt-get asks "Do you want to continue? [Y/n]". A build has no terminal to answer, so apt-get reads the end of its input and aborts. Add `-y` (or `--yes`, `--assume-yes`, `-qq`). A simulated install (`-s`) asks nothing and is not reported.',
    },
    'zh-cn': {
      title: '`apt-get install` 没有 `-y`',
      explanation:
        '安装的包不止命令里写的那些时，apt-get 会问“Do you want to continue? [Y/n]”。构建过程没有终端可以回答，apt-get 读到输入结束就会中止。请加上 `-y`（或 `--yes`、`--assume-yes`、`-qq`）。模拟安装（`-s`）不会询问，不会被报告。',
    },
  },
});

export const yumWithoutYes = assumeYesRule({
  id: 'yum-without-yes',
  alias: 'DL3030',
  programs: new Set(['yum']),
  subcommands: rpmInstall,
  answered: (cmd) => hasAnyFlag(cmd, ['y', 'assumeyes']),
  flag: '-y',
  insertAfter: afterSubcommand(rpmInstall),
  docs: {
    en: {
      title: '`yum install` without `-y`',
      explanation:
        '`yum install` asks "Is this ok [y/N]" before it installs anything. A build cannot answer, so yum gives up and the RUN fails. Add `-y` (`--assumeyes`).',
    },
    'zh-cn': {
      title: '`yum install` 没有 `-y`',
      explanation:
        '`yum install` 在安装前会问“Is this ok [y/N]”。构建过程无法回答，yum 会放弃，这条 RUN 随之失败。请加上 `-y`（`--assumeyes`）。',
    },
  },
});

export const dnfWithoutYes = assumeYesRule({
  id: 'dnf-without-yes',
  alias: 'DL3038',
  programs: new Set(['dnf', 'microdnf']),
  subcommands: rpmInstall,
  answered: (cmd) => hasAnyFlag(cmd, ['y', 'assumeyes']),
  flag: '-y',
  insertAfter: afterSubcommand(rpmInstall),
  docs: {
    en: {
      title: '`dnf install` without `-y`',
      explanation:
        '`dnf install` (and `microdnf install`) asks "Is this ok [y/N]" before it installs anything. A build cannot answer, so the RUN fails. Add `-y` (`--assumeyes`).',
    },
    'zh-cn': {
      title: '`dnf install` 没有 `-y`',
      explanation:
        '`dnf install`（以及 `microdnf install`）在安装前会问“Is this ok [y/N]”。构建过程无法回答，这条 RUN 会失败。请加上 `-y`（`--assumeyes`）。',
    },
  },
});

const zypperAsks = ['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch'];

export const zypperWithoutNonInteractive = assumeYesRule({
  id: 'zypper-without-non-interactive',
  alias: 'DL3034',
  programs: new Set(['zypper']),
  subcommands: zypperAsks,
  answered: (cmd) => hasAnyFlag(cmd, ['non-interactive', 'n', 'no-confirm', 'y']),
  // A global option: it goes before the sub-command and works for every one of them.
  flag: '--non-interactive',
  insertAfter: (cmd) => cmd.nameWord,
  docs: {
    en: {
      title: '`zypper install` without `--non-interactive`',
      explanation:
        'zypper asks before it installs, removes or patches anything. A build cannot answer, so the RUN fails. Write `zypper --non-interactive install …` (`-n`), or `zypper install -y …` (`--no-confirm`).',
    },
    'zh-cn': {
      title: '`zypper install` 没有 `--non-interactive`',
      explanation:
        'zypper 在安装、删除或打补丁前都会先询问。构建过程无法回答，这条 RUN 会失败。请写成 `zypper --non-interactive install …`（`-n`），或 `zypper install -y …`（`--no-confirm`）。',
    },
  },
});
