import type { Rule } from '../../lint/types';
import { text } from '../../lint/types';
import type { Instruction, Word } from '../../parser';
import type { LintContext } from '../../lint/context';
import { ScopedMap, withInherited } from '../../semantics/scope';
import { portsOf, type PortSpec } from '../expose/ports';
import { normalizePath } from '../../lint/util';
import { volumePaths } from '../volume/paths';

/**
 * Walks the stages with the first line each key was declared on by `name` instructions, the
 * parent stages' included (what the image inherits); `duplicate` gets every later repeat.
 */
function repeats<K, T extends { key: K }>(
  ctx: LintContext,
  name: 'EXPOSE' | 'VOLUME',
  keys: (ins: Instruction) => T[],
  duplicate: (item: T, first: number) => void,
): void {
  const seen = new ScopedMap<K, number>();
  withInherited(ctx.stages, seen, (stage) => {
    for (const ins of stage.instructions) {
      if (ins.name !== name) continue;
      for (const item of keys(ins)) {
        const first = seen.get(item.key);
        if (first === undefined) seen.setIfAbsent(item.key, ins.range.start.line);
        else duplicate(item, first);
      }
    }
  });
}

const protocolIndex: Record<string, number> = { tcp: 0, udp: 1, sctp: 2 };

/**
 * What makes two EXPOSE words the same port: a number for a single port written plainly (no
 * string to build and hash; a line of 60k ports spent most of its time there), else the text.
 */
function portKey(p: PortSpec): number | string {
  const protocol = (p.protocol ?? 'tcp').toLowerCase();
  const index = protocolIndex[protocol];
  const plain =
    p.from !== undefined &&
    p.ports.length < 10 &&
    !p.ports.includes('-') &&
    (p.ports.charCodeAt(0) !== 0x30 || p.ports === '0');
  return plain && index !== undefined ? p.from! * 4 + index : `${p.ports}/${protocol}`;
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
    const ports = (ins: Instruction): Array<{ key: number | string; spec: PortSpec }> => {
      const keys: Array<{ key: number | string; spec: PortSpec }> = [];
      for (const p of portsOf(ins))
        if (p.from !== undefined && p.mapping === undefined) keys.push({ key: portKey(p), spec: p });
      return keys;
    };
    repeats(ctx, 'EXPOSE', ports, ({ spec }, first) => {
      const key = `${spec.ports}/${(spec.protocol ?? 'tcp').toLowerCase()}`;
      ctx.report(
        spec.word.range,
        text(`${key} is already exposed on line ${first + 1}.`, `${key} 已在第 ${first + 1} 行声明过。`),
      );
    });
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
    const paths = (ins: Instruction): Array<{ key: string; word: Word }> =>
      volumePaths(ins).map(({ path, word }) => ({ key: normalizePath(path), word }));
    repeats(ctx, 'VOLUME', paths, ({ key, word }, first) =>
      ctx.report(
        word.range,
        text(
          `${key} is already a VOLUME (line ${first + 1}).`,
          `${key} 已在第 ${first + 1} 行声明为 VOLUME。`,
        ),
      ),
    );
  },
};

export const notInFinalImage: Rule = {
  readsFinalImage: true,
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
