import type { Rule } from '../../lint/types';
import { absolute } from '../../lint/util';
import type { Instruction } from '../../parser';
import { type LintContext } from '../../lint/context';
import { withInherited } from '../../semantics/scope';
import { volumePaths } from './paths';
import { VolumeScope } from './volumeScope';
import { text } from '../../lint/report';
import type { ShellCommand } from '../../lint/shellTypes';
import { inOrder } from '../../lint/commandIndex';

const writers = new Set([
  'mkdir',
  'touch',
  'cp',
  'mv',
  'ln',
  'chown',
  'chmod',
  'chgrp',
  'rm',
  'tee',
  'install',
  'tar',
  'unzip',
  'sed',
  'git',
  'curl',
  'wget',
  'echo',
  'printf',
  'rsync',
  'truncate',
  'dd',
]);

/** Absolute paths a command may write (its path-looking arguments and redirect targets). */
function writtenPaths(
  cmd: ShellCommand,
  workdir: string,
): Array<{ path: string; start: number; end: number }> {
  const out: Array<{ path: string; start: number; end: number }> = [];
  for (const r of cmd.redirects) {
    if (r.value !== '/dev/null' && !/^&?\d$/.test(r.value))
      out.push({ path: absolute(r.value, workdir), ...r });
  }
  if (!writers.has(cmd.name) || cmd.name === 'echo' || cmd.name === 'printf') return out;
  if (cmd.name === 'sed' && !cmd.args.some((a) => /^-[a-z]*i/.test(a.value))) return out;
  for (const a of cmd.args) {
    if (a.value.startsWith('/')) out.push({ path: absolute(a.value, workdir), ...a });
  }
  return out;
}

/**
 * Walks every stage with the VOLUMEs it inherits and has declared so far, calling `visit` for
 * each other instruction (ONBUILD bodies excluded: they run in another build).
 */
export function withVolumes(ctx: LintContext, visit: (ins: Instruction, volumes: VolumeScope) => void): void {
  const volumes = new VolumeScope();
  withInherited(ctx.allStages, volumes, (stage) => {
    for (const ins of stage.instructions) {
      if (ins.name === 'VOLUME') {
        for (const { path } of volumePaths(ins)) volumes.declare(path, ins.range.start.line);
      } else if (!volumes.empty) visit(ins, volumes);
    }
  });
}

export const writeUnderVolume: Rule = {
  id: 'write-under-volume',
  aliases: [],
  category: 'volume',
  severity: 'warning',
  docs: {
    en: {
      title: 'RUN writes under a path already declared VOLUME',
      explanation:
        'With the classic builder, changes a RUN makes inside a declared volume are discarded: RUN works on a fresh anonymous volume that is thrown away. BuildKit keeps them, so the image depends on the builder. Prepare the directory first, declare VOLUME last. COPY and ADD are different: both builders keep what they write (see `copy-into-volume`).',
    },
    'zh-cn': {
      title: 'RUN 写入了已声明为 VOLUME 的路径',
      explanation:
        '使用经典构建器时，RUN 在已声明卷内做的修改会被丢弃：RUN 操作的是一个随后被丢掉的新匿名卷。BuildKit 会保留这些修改，于是镜像内容取决于用哪个构建器。请先准备好目录，最后再声明 VOLUME。COPY 和 ADD 不同：两种构建器都会保留它们写入的内容（见 `copy-into-volume`）。',
    },
  },
  check(ctx) {
    withVolumes(ctx, (ins, volumes) => {
      if (ins.name !== 'RUN') return;
      const workdir = ctx.workdir(ins);
      // Writers by name, and any command by its redirects (`echo … > /data/x`).
      const candidates = inOrder([
        ctx.commandsWhere(ins, (name) => writers.has(name)),
        ctx.redirectingCommands(ins),
      ]);
      // Indexed: a 30k-command heredoc of redirects makes no iterator result per command.
      for (let k = 0; k < candidates.length; k++) {
        const { cmd, script } = candidates[k];
        for (const w of writtenPaths(cmd, workdir)) {
          const volume = volumes.containing(w.path);
          if (!volume) continue;
          ctx.report(
            script.locate(w.start, w.end),
            text(
              `${w.path} is inside VOLUME ${volume.path} (line ${volume.line + 1}); the classic builder discards this change (BuildKit keeps it). Declare the VOLUME after this RUN.`,
              `${w.path} 位于 VOLUME ${volume.path}（第 ${volume.line + 1} 行）之内；经典构建器会丢弃这次修改（BuildKit 会保留）。请把 VOLUME 放到这条 RUN 之后。`,
            ),
          );
          break;
        }
      }
    });
  },
};
