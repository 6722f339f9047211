import type { ShellCommand } from '../shell';
import type { Rule } from '../types';
import { text } from '../types';
import { absolute, isUnder } from '../util';
import type { Stage } from '../context';
import { volumePaths } from './paths';

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

/** VOLUMEs a stage inherits from its parent stages. */
function inheritedVolumes(stage: Stage): Array<{ path: string; line: number }> {
  const out: Array<{ path: string; line: number }> = [];
  for (let s = stage.parent; s; s = s.parent) {
    for (const ins of s.instructions) {
      if (ins.name !== 'VOLUME') continue;
      for (const { path } of volumePaths(ins)) out.push({ path, line: ins.range.start.line });
    }
  }
  return out;
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
        'With the classic builder, changes a RUN makes inside a declared volume are discarded: RUN works on a fresh anonymous volume that is thrown away. BuildKit keeps them, so the image depends on the builder. Prepare the directory first, declare VOLUME last.',
    },
    'zh-cn': {
      title: 'RUN 写入了已声明为 VOLUME 的路径',
      explanation:
        '使用经典构建器时，RUN 在已声明卷内做的修改会被丢弃：RUN 操作的是一个随后被丢掉的新匿名卷。BuildKit 会保留这些修改，于是镜像内容取决于用哪个构建器。请先准备好目录，最后再声明 VOLUME。',
    },
  },
  check(ctx) {
    for (const stage of ctx.stages) {
      const volumes = inheritedVolumes(stage);
      for (const ins of stage.instructions) {
        if (ins.name === 'VOLUME') {
          for (const { path } of volumePaths(ins)) volumes.push({ path, line: ins.range.start.line });
        }
        if (ins.name !== 'RUN' || volumes.length === 0) continue;
        const workdir = ctx.workdir(ins);
        for (const { cmd, script } of ctx.commands(ins)) {
          for (const w of writtenPaths(cmd, workdir)) {
            const volume = volumes.find((v) => v.path.startsWith('/') && isUnder(w.path, v.path));
            if (!volume) continue;
            ctx.report(
              script.locate(w.start, w.end),
              text(
                `${w.path} is inside VOLUME ${volume.path} (line ${volume.line + 1}); the classic builder discards this change. Declare the VOLUME after this RUN.`,
                `${w.path} 位于 VOLUME ${volume.path}（第 ${volume.line + 1} 行）之内；经典构建器会丢弃这次修改。请把 VOLUME 放到这条 RUN 之后。`,
              ),
            );
            break;
          }
        }
      }
    }
  },
};
