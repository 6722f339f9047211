import type { Rule } from '../types';
import { text } from '../types';
import type { Stage } from '../context';
import { parsePort } from '../expose/ports';
import { normalizePath } from '../util';
import { volumePaths } from '../volume/paths';

/** A stage's and its parent stages' instructions named `name`, oldest first (what the image inherits). */
function inherited(stage: Stage, name: string): Stage['instructions'] {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s; s = s.parent) chain.push(s);
  return chain.reverse().flatMap((s) => s.instructions.filter((i) => i.name === name));
}

export const duplicateExpose: Rule = {
  id: 'expose-duplicate',
  aliases: [],
  category: 'expose',
  severity: 'warning',
  docs: {
    en: {
      title: 'Port exposed twice',
      explanation: 'The same port and protocol is already exposed in this image.',
    },
    'zh-cn': {
      title: '端口被重复 EXPOSE',
      explanation: '这个端口和协议在镜像中（包括父阶段）已经声明过，重复的声明没有任何作用。',
    },
  },
  check(ctx) {
    for (const stage of ctx.stages) {
      const seen = new Map<string, number>();
      const own = new Set(stage.instructions.filter((i) => i.name === 'EXPOSE'));
      if (own.size === 0) continue;
      for (const ins of inherited(stage, 'EXPOSE')) {
        for (const word of ins.args) {
          const p = parsePort(word);
          if (p.from === undefined || p.mapping !== undefined) continue;
          const key = `${p.ports}/${(p.protocol ?? 'tcp').toLowerCase()}`;
          const first = seen.get(key);
          if (first === undefined) seen.set(key, ins.range.start.line);
          else if (own.has(ins)) {
            ctx.report(
              word.range,
              text(
                `${key} is already exposed on line ${first + 1}.`,
                `${key} 已在第 ${first + 1} 行声明过。`,
              ),
            );
          }
        }
      }
    }
  },
};

export const duplicateVolume: Rule = {
  id: 'volume-duplicate',
  aliases: [],
  category: 'volume',
  severity: 'warning',
  docs: {
    en: {
      title: 'Path declared VOLUME twice',
      explanation: 'The same path is already a volume in this image.',
    },
    'zh-cn': {
      title: '路径被重复声明为 VOLUME',
      explanation: '这个路径在镜像中（包括父阶段）已经是一个卷，重复声明没有任何作用。',
    },
  },
  check(ctx) {
    for (const stage of ctx.stages) {
      const seen = new Map<string, number>();
      const own = new Set(stage.instructions.filter((i) => i.name === 'VOLUME'));
      if (own.size === 0) continue;
      for (const ins of inherited(stage, 'VOLUME')) {
        for (const { path, word } of volumePaths(ins)) {
          const key = normalizePath(path);
          const first = seen.get(key);
          if (first === undefined) seen.set(key, ins.range.start.line);
          else if (own.has(ins)) {
            ctx.report(
              word.range,
              text(
                `${key} is already a VOLUME (line ${first + 1}).`,
                `${key} 已在第 ${first + 1} 行声明为 VOLUME。`,
              ),
            );
          }
        }
      }
    }
  },
};

export const notInFinalImage: Rule = {
  id: 'expose-volume-in-build-stage',
  aliases: [],
  category: 'correctness',
  severity: 'info',
  docs: {
    en: {
      title: 'EXPOSE or VOLUME in a stage that is not the final image',
      explanation:
        'Image metadata of a build stage is not carried into the final image by `COPY --from`: an EXPOSE or VOLUME there has no effect on what you run. Move it to the last stage.',
    },
    'zh-cn': {
      title: '在非最终镜像的阶段里使用 EXPOSE 或 VOLUME',
      explanation:
        '构建阶段的镜像元数据不会通过 `COPY --from` 带进最终镜像：那里的 EXPOSE 或 VOLUME 对运行的容器没有任何作用。请移到最后一个阶段。',
    },
  },
  check(ctx) {
    if (ctx.stages.length < 2) return;
    // A stage nobody builds on may be a `--target`; only pure intermediate stages are reported.
    const used = new Set<number>();
    for (const s of ctx.stages) {
      if (s.parent) used.add(s.parent.index);
      for (const i of s.instructions) {
        const from = i.flags.find((f) => f.name === 'from')?.value;
        const stage = from === undefined ? undefined : ctx.stageNamed(from);
        if (stage) used.add(stage.index);
      }
    }
    for (const stage of ctx.stages) {
      if (stage.inFinalImage || !used.has(stage.index)) continue;
      for (const ins of stage.instructions) {
        if (ins.name !== 'EXPOSE' && ins.name !== 'VOLUME') continue;
        ctx.report(
          ins.keywordRange,
          text(
            `This ${ins.name} is in a build stage that is not part of the final image; it has no effect there.`,
            `这条 ${ins.name} 所在的构建阶段不属于最终镜像，在那里没有任何作用。`,
          ),
        );
      }
    }
  },
};
