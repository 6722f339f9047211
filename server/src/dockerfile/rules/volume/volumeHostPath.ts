import type { Rule } from '../../lint/types';
import { volumePaths } from './paths';
import { text } from '../../lint/report';

export const volumeHostPath: Rule = {
  id: 'volume-host-path',
  aliases: [],
  category: 'volume',
  severity: 'error',
  docs: {
    en: {
      title: 'VOLUME with a host path or `host:container` form',
      explanation:
        'A Dockerfile cannot bind a host directory: the image must build the same anywhere. VOLUME only takes container paths. Bind or name the volume when running: `docker run -v myvol:/data` or `--mount type=bind,src=…,dst=/data`.',
    },
    'zh-cn': {
      title: 'VOLUME 写了宿主机路径或 `宿主机:容器` 形式',
      explanation:
        'Dockerfile 不能绑定宿主机目录：镜像必须在任何地方都能同样构建。VOLUME 只接受容器内的路径。请在运行时绑定或命名卷：`docker run -v myvol:/data` 或 `--mount type=bind,src=…,dst=/data`。',
    },
  },
  check(ctx) {
    for (const ins of ctx.file.instructions) {
      if (ins.name !== 'VOLUME') continue;
      for (const { path, word } of volumePaths(ins)) {
        if (/^[A-Za-z]:[\\/]/.test(path) || path.startsWith('$')) continue;
        const mapping = path.includes(':');
        const relative = !path.startsWith('/') && !path.startsWith('$');
        if (!mapping && !relative) continue;
        ctx.report(
          word.range,
          mapping
            ? text(
                `\`${path}\` maps a host path; VOLUME takes only the container path. Use \`docker run -v ${path}\` instead.`,
                `\`${path}\` 映射了宿主机路径；VOLUME 只接受容器路径。请改用 \`docker run -v ${path}\`。`,
              )
            : text(`\`${path}\` is not an absolute container path.`, `\`${path}\` 不是容器内的绝对路径。`),
        );
      }
    }
  },
};
