import type { Rule } from '../../lint/types';
import { volumePaths } from './paths';
import { text } from '../../lint/report';

export const anonymousVolume: Rule = {
  readsFinalImage: true,
  id: 'volume-anonymous',
  aliases: [],
  category: 'volume',
  severity: 'hint',
  docs: {
    en: {
      title: 'VOLUME creates an anonymous volume on every `docker run`',
      explanation:
        'Each container started without `-v` for this path gets a new volume with a random name. It is not shared between containers, survives the container and piles up (`docker volume prune` removes them all). Name it when running: `docker run -v appdata:/path`.',
    },
    'zh-cn': {
      title: 'VOLUME 会在每次 `docker run` 时创建匿名卷',
      explanation:
        '每个没有为该路径指定 `-v` 的容器都会得到一个随机名字的新卷。它不在容器之间共享，容器删除后仍然存在并不断堆积（`docker volume prune` 会把它们全部删掉）。运行时请给它命名：`docker run -v appdata:/path`。',
    },
  },
  check(ctx) {
    for (const [ins, stage] of ctx.ofKind('VOLUME')) {
      if (!stage.inFinalImage) continue;
      for (const { path, word } of volumePaths(ins)) {
        ctx.report(
          word.range,
          text(
            `Every \`docker run\` without \`-v <name>:${path}\` creates a new anonymous volume here.`,
            `每次不带 \`-v <名字>:${path}\` 的 \`docker run\` 都会在这里创建一个新的匿名卷。`,
          ),
        );
      }
    }
  },
};
