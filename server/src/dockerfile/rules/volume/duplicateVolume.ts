import type { Instruction, Word } from '../../parser';
import { repeats } from '../../lint/repeats';
import type { Rule } from '../../lint/types';
import { normalizePath } from '../../lint/util';
import { volumePaths } from './paths';
import { text } from '../../lint/report';

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
