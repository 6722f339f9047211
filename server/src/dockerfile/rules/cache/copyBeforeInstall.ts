import type { Rule } from '../../lint/types';
import { copyParts, hasArg, normalizePath } from '../../lint/util';
import { text } from '../../lint/report';
import type { ShellCommand } from '../../lint/shellTypes';

/** Commands that install dependencies from manifests (their cache should survive code edits). */
const installers = new Set([
  'npm',
  'yarn',
  'pnpm',
  'pip',
  'pip3',
  'poetry',
  'pipenv',
  'bundle',
  'composer',
  'uv',
  'go',
  'mvn',
  'mvnw',
  'dotnet',
  'cargo',
]);

export function installsDependencies(cmd: ShellCommand): boolean {
  // Most commands (apt-get, rm, echo…) are none of these: skip looking for their sub-command.
  if (!installers.has(cmd.name)) return false;
  const sub = cmd.args.find((a) => !a.value.startsWith('-'))?.value ?? '';
  switch (cmd.name) {
    case 'npm':
      return ['install', 'i', 'ci'].includes(sub);
    case 'yarn':
      return sub === '' || sub === 'install';
    case 'pnpm':
      return ['install', 'i', 'fetch'].includes(sub);
    case 'pip':
    case 'pip3':
      return sub === 'install' && hasArg(cmd, '-r', '--requirement');
    case 'poetry':
    case 'pipenv':
    case 'bundle':
    case 'composer':
      return sub === 'install';
    case 'uv':
      return sub === 'sync';
    case 'go':
      return sub === 'mod' && hasArg(cmd, 'download');
    case 'mvn':
    case 'mvnw':
      return cmd.args.some((a) => /^dependency:(go-offline|resolve)/.test(a.value));
    case 'dotnet':
      return sub === 'restore';
    case 'cargo':
      return sub === 'fetch';
    default:
      return false;
  }
}

function copiesWholeContext(sources: string[]): boolean {
  return sources.some((s) => normalizePath(s) === '.' || s === './' || s === '.');
}

export const copyAllBeforeInstall: Rule = {
  id: 'copy-all-before-install',
  aliases: [],
  category: 'cache',
  severity: 'warning',
  docs: {
    en: {
      title: '`COPY . .` before the dependency install',
      explanation:
        'Any change to any file in the context invalidates this COPY and every instruction after it, so the dependency install runs again on every code edit. Copy only the manifests first (`package.json` and the lock file, `requirements.txt`, `go.mod`/`go.sum`…), install, then `COPY . .`.',
    },
    'zh-cn': {
      title: '在安装依赖之前 `COPY . .`',
      explanation:
        '构建上下文里任何文件一改，这条 COPY 及其后的所有指令的缓存都失效，每次改代码都要重新安装依赖。请先只复制清单文件（`package.json` 与锁文件、`requirements.txt`、`go.mod`/`go.sum`…），安装依赖，再 `COPY . .`。',
    },
  },
  check(ctx) {
    for (const stage of ctx.allStages) {
      let copyAll: (typeof stage.instructions)[number] | undefined;
      let installedBefore = false;
      for (const ins of stage.instructions) {
        if ((ins.name === 'COPY' || ins.name === 'ADD') && !ins.flags.some((f) => f.name === 'from')) {
          if (!copyAll && copiesWholeContext(copyParts(ins).sources)) copyAll = ins;
          continue;
        }
        if (ins.name !== 'RUN') continue;
        const install = ctx
          .commandsWhere(ins, (name) => installers.has(name))
          .find(({ cmd }) => installsDependencies(cmd));
        if (!install) continue;
        if (!copyAll) {
          installedBefore = true;
          continue;
        }
        if (installedBefore) break;
        const what =
          `${install.cmd.name} ${install.cmd.args.find((a) => !a.value.startsWith('-'))?.value ?? ''}`.trim();
        ctx.report(
          copyAll.range,
          text(
            `Copying the whole context before \`${what}\` (line ${ins.range.start.line + 1}) reinstalls dependencies on every code change: copy the manifests first.`,
            `在 \`${what}\`（第 ${ins.range.start.line + 1} 行）之前复制整个上下文，每次改代码都会重新安装依赖：请先只复制清单文件。`,
          ),
        );
        break;
      }
    }
  },
};
