import type { Rule } from '../../lint/types';
import { text } from '../../lint/report';
import { rootImage } from '../../lint/baseImage';
import type { Stage } from '../../lint/context';
import { copyParts, flag } from '../../lint/util';

/**
 * A stage built FROM scratch holds only what was put in it (an export stage), and an image with a
 * namespace (`tonistiigi/xx`) is usually a bundle of tools: both are made to be copied whole.
 * A base named by a variable could be either, and is left alone.
 */
function madeToCopyWhole(stage: Stage | undefined, from: string): boolean {
  const image = stage ? rootImage(stage) : from.toLowerCase();
  return image === 'scratch' || image.includes('/') || image.includes('$');
}

export const copyWholeStage: Rule = {
  id: 'copy-whole-filesystem',
  aliases: ['DL3067'],
  category: 'layers',
  severity: 'warning',
  docs: {
    en: {
      title: '`COPY --from=<stage> / /` copies a whole filesystem',
      explanation:
        "Copying the root of another stage onto the root of this one brings its every file along: package caches, compilers, shells and whatever the build left behind, in one more layer on top of this image's own. Copy the paths the image needs (`COPY --from=build /app /app`), or build FROM that stage.",
    },
    'zh-cn': {
      title: '`COPY --from=<阶段> / /` 复制了整个文件系统',
      explanation:
        '把另一个阶段的根目录复制到这个阶段的根目录，会把那里的所有文件都带过来：包缓存、编译器、shell 以及构建留下的一切，还要在本镜像自己的层之上再叠一层。请只复制镜像需要的路径（`COPY --from=build /app /app`），或者直接 FROM 那个阶段。FROM scratch 构建的阶段（导出用的阶段）和带命名空间的镜像（例如 `tonistiigi/xx`）里只有专门放进去、用来整体复制的内容，不会被报告。',
    },
  },
  check(ctx) {
    for (const [ins] of ctx.ofKind('COPY')) {
      const from = flag(ins, 'from');
      if (from === undefined || madeToCopyWhole(ctx.stageNamed(from), from)) continue;
      const { sources, dest } = copyParts(ins);
      if (dest !== '/' || !sources.includes('/')) continue;
      ctx.report(
        ins.argsRange,
        text(
          'This copies the whole filesystem of the other stage: copy only the paths the image needs.',
          '这会复制另一个阶段的整个文件系统：请只复制镜像需要的路径。',
        ),
      );
    }
  },
};
