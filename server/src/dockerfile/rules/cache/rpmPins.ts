import type { Instruction } from '../../parser';
import { hasWord, operands } from '../../lint/commandArgs';
import type { LintContext, Stage } from '../../lint/context';
import type { ShellRun } from '../../lint/runs';
import { pinDocs, pinRule } from './pins';
import type { ShellCommand } from '../../lint/shellTypes';

/** The words after `install` that name packages (or modules), `install` and `module` left out. */
function installed(cmd: ShellCommand): string[] {
  if (!hasWord(cmd, ['install'])) return [];
  return operands(cmd)
    .map((w) => w.value)
    .filter((v) => v !== 'install' && v !== 'module');
}

const versionChars = /^[0-9A-Za-z.~^_:+]*$/;

/** `name-version[-release]`: what follows the first `-` looks like a version. */
function versionLike(parts: readonly string[]): boolean {
  return parts.length > 0 && parts.every((p) => versionChars.test(p)) && parts.some((p) => /^[0-9]/.test(p));
}

/** ARGs declared before `ins` anywhere, ENVs set before it in its stage or the stages it is built FROM. */
function variablesBefore(ctx: LintContext, ins: Instruction, stage: Stage): Set<string> {
  const names = new Set<string>();
  const line = ins.range.start.line;
  for (const arg of ctx.globalArgs) for (const p of arg.pairs) names.add(p.key);
  const ancestors = new Set<Stage>();
  for (let s: Stage | undefined = stage; s; s = s.parent) ancestors.add(s);
  for (const [decl, declStage] of ctx.ofKind('ARG', 'ENV')) {
    if (decl.range.start.line >= line) break;
    if (decl.name === 'ARG' || ancestors.has(declStage)) for (const p of decl.pairs) names.add(p.key);
  }
  return names;
}

function mentions(pkg: string, name: string): boolean {
  if (pkg.includes('${' + name + '}')) return true;
  const at = pkg.indexOf('$' + name);
  return at >= 0 && !/[A-Za-z0-9_]/.test(pkg[at + 1 + name.length] ?? '');
}

function rpmPinned(pkg: string, run: ShellRun, ctx: LintContext): boolean {
  const parts = pkg.split('-');
  if (parts.length <= 1) return false;
  if (pkg.endsWith('.rpm')) return true;
  // A version kept in a variable (as tools like Renovate write it) counts when the variable is set.
  if (pkg.includes('$')) {
    const names = variablesBefore(ctx, run[0], run[1]);
    for (const name of names) if (mentions(pkg, name)) return true;
    return false;
  }
  return versionLike(parts.slice(1));
}

/** A module stream is pinned with `name:stream`. */
const modulePinned = (pkg: string): boolean => pkg.includes(':');

export const yumUnpinned = pinRule({
  id: 'yum-install-unpinned',
  alias: 'DL3033',
  programs: ['yum'],
  packages: ({ cmd }) => installed(cmd),
  pinned: (pkg, { cmd }, run, ctx) =>
    hasWord(cmd, ['module']) ? modulePinned(pkg) : rpmPinned(pkg, run, ctx),
  example: 'yum install -y <package>-<version>',
  docs: pinDocs(
    { en: '`yum install` without a version', zh: '`yum install` 没有指定版本' },
    {
      en: 'Write `yum install -y httpd-2.4.6`, or for a module `yum module install -y nodejs:18`. A version held in a variable set by ARG or ENV before (`httpd-${HTTPD_VERSION}`) counts as pinned.',
      zh: '请写成 `yum install -y httpd-2.4.6`，模块则写成 `yum module install -y nodejs:18`。版本放在之前由 ARG 或 ENV 设置的变量里（`httpd-${HTTPD_VERSION}`）也算固定。',
    },
  ),
});

export const dnfUnpinned = pinRule({
  id: 'dnf-install-unpinned',
  alias: 'DL3041',
  programs: ['dnf', 'microdnf'],
  packages: ({ cmd }) => (hasWord(cmd, ['group']) && !hasWord(cmd, ['module']) ? [] : installed(cmd)),
  pinned: (pkg, { cmd }, run, ctx) =>
    hasWord(cmd, ['module']) ? modulePinned(pkg) : rpmPinned(pkg, run, ctx),
  example: 'dnf install -y <package>-<version>',
  docs: pinDocs(
    { en: '`dnf install` without a version', zh: '`dnf install` 没有指定版本' },
    {
      en: 'Write `dnf install -y tomcat-9.0.1`, or for a module `dnf module install -y nodejs:18`; `dnf group install` is not reported. A version held in a variable set by ARG or ENV before counts as pinned.',
      zh: '请写成 `dnf install -y tomcat-9.0.1`，模块则写成 `dnf module install -y nodejs:18`；`dnf group install` 不会被报告。版本放在之前由 ARG 或 ENV 设置的变量里也算固定。',
    },
  ),
});

export const zypperUnpinned = pinRule({
  id: 'zypper-install-unpinned',
  alias: 'DL3037',
  programs: ['zypper'],
  packages: ({ cmd }) =>
    hasWord(cmd, ['install', 'in'])
      ? operands(cmd)
          .map((w) => w.value)
          .filter((v) => v !== 'install' && v !== 'in')
      : [],
  pinned: (pkg) => /[=<>]/.test(pkg) || pkg.endsWith('.rpm'),
  example: 'zypper install -y <package>=<version>',
  docs: pinDocs(
    { en: '`zypper install` without a version', zh: '`zypper install` 没有指定版本' },
    {
      en: "Write `zypper install -y tomcat=9.0.39`, or a range such as `'tomcat>=9.0'` (quoted, or the shell reads `>` as a redirect).",
      zh: "请写成 `zypper install -y tomcat=9.0.39`，或者写一个范围，比如 `'tomcat>=9.0'`（要加引号，否则 shell 会把 `>` 当成重定向）。",
    },
  ),
});
