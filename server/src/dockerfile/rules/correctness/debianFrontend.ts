import type { Rule } from '../../lint/types';
import { edit, fix } from '../../lint/util';
import { text } from '../../lint/report';

export const debianFrontendEnv: Rule = {
  readsFinalImage: true,
  id: 'debian-frontend-env',
  aliases: [],
  category: 'correctness',
  severity: 'warning',
  docs: {
    en: {
      title: '`ENV DEBIAN_FRONTEND=noninteractive` leaks into the running container',
      explanation:
        'ENV persists in the image, so interactive tools (`apt`, `dpkg-reconfigure`) in `docker exec` sessions silently stop asking. It is only needed while building: use `ARG DEBIAN_FRONTEND=noninteractive` or prefix the command: `RUN DEBIAN_FRONTEND=noninteractive apt-get install …`.',
    },
    'zh-cn': {
      title: '`ENV DEBIAN_FRONTEND=noninteractive` 泄漏到运行的容器中',
      explanation:
        'ENV 会保留在镜像里，`docker exec` 进去后交互式工具（`apt`、`dpkg-reconfigure`）会悄悄不再提问。它只在构建时需要：请用 `ARG DEBIAN_FRONTEND=noninteractive`，或写在命令前：`RUN DEBIAN_FRONTEND=noninteractive apt-get install …`。',
    },
  },
  check(ctx) {
    for (const [ins, stage] of ctx.ofKind('ENV')) {
      if (!stage.inFinalImage) continue;
      const pair = ins.pairs.find((p) => p.key === 'DEBIAN_FRONTEND');
      if (!pair) continue;
      ctx.report(
        pair.range,
        text(
          'DEBIAN_FRONTEND stays set in the running container: use `ARG` instead of `ENV`.',
          'DEBIAN_FRONTEND 会在运行的容器里保持设置：请用 `ARG` 代替 `ENV`。',
        ),
        ins.pairs.length === 1 && !pair.legacy
          ? fix(text('Use ARG instead of ENV', '改用 ARG'), edit(ins.keywordRange, 'ARG'))
          : undefined,
      );
    }
  },
};
