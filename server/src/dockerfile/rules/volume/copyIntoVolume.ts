import type { Rule } from '../../lint/types';
import { absolute, copyParts } from '../../lint/util';
import { withVolumes } from './writeUnderVolume';
import { text } from '../../lint/report';

// Both builders keep what COPY/ADD write under a declared VOLUME (moby/moby#33842; BuildKit treats
// VOLUME as image metadata only), unlike RUN. What surprises people is what a container sees.
export const copyIntoVolume: Rule = {
  id: 'copy-into-volume',
  aliases: [],
  category: 'volume',
  severity: 'info',
  docs: {
    en: {
      title: 'COPY/ADD into a path already declared VOLUME',
      explanation:
        'Unlike RUN, COPY and ADD keep their files in the image after a VOLUME, with the classic builder and with BuildKit. But a container never sees the image at that path directly: the files only fill a new, empty volume. A named volume that already holds data, or a bind mount (`-v ./dir:/path`), hides them, so shipping an updated image does not update what a running service reads. Keep defaults outside the volume and copy them in at start-up, or document that the volume must be recreated.',
    },
    'zh-cn': {
      title: 'COPY/ADD 写入了已声明为 VOLUME 的路径',
      explanation:
        '与 RUN 不同，无论经典构建器还是 BuildKit，VOLUME 之后 COPY 和 ADD 写入的文件都会留在镜像里。但容器不会直接看到镜像里这个路径的内容：这些文件只用于初始化一个新的空卷。已有数据的命名卷或绑定挂载（`-v ./dir:/path`）会把它们遮住，所以发布新镜像并不会更新运行中的服务读到的内容。请把默认文件放在卷之外、在启动时复制进去，或者说明需要重建卷。',
    },
  },
  check(ctx) {
    withVolumes(ctx, (ins, volumes) => {
      if (ins.name !== 'COPY' && ins.name !== 'ADD') return;
      const { dest } = copyParts(ins);
      if (dest === undefined || dest.includes('$')) return;
      const path = absolute(dest, ctx.workdir(ins));
      const volume = volumes.containing(path);
      if (!volume) return;
      const destWord = ins.args[ins.args.length - 1];
      ctx.report(
        destWord?.range ?? ins.argsRange,
        text(
          `${path} is inside VOLUME ${volume.path} (line ${volume.line + 1}). The image keeps these files, but they only fill a new, empty volume: an existing named volume or a bind mount hides them, and an updated image does not update the volume.`,
          `${path} 位于 VOLUME ${volume.path}（第 ${volume.line + 1} 行）之内。镜像会保留这些文件，但它们只用于初始化新的空卷：已有的命名卷或绑定挂载会遮住它们，更新镜像也不会更新卷里的内容。`,
        ),
      );
    });
  },
};
