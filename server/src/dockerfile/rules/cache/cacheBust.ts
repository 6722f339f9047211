import type { Instruction } from '../../parser';
import type { Rule } from '../../lint/types';
import { text } from '../../lint/report';

const bustName =
  /^(?:REFRESH(?:ED)?(?:_(?:AT|DATE|ON))?|CACHE_?BUST(?:ER)?|BUST_?CACHE|LAST_?UPDATED?|UPDATED_AT|FORCE_?REBUILD)$/i;

const reference = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g;

/** For each `$NAME`/`${NAME` written anywhere, the first two instructions that write it. */
function referencingInstructions(all: readonly Instruction[]): Map<string, Instruction[]> {
  const users = new Map<string, Instruction[]>();
  for (const ins of all) {
    if (!ins.argsText.includes('$')) continue;
    for (const m of ins.argsText.matchAll(reference)) {
      const list = users.get(m[1]);
      if (!list) users.set(m[1], [ins]);
      else if (list.length < 2 && list[list.length - 1] !== ins) list.push(ins);
    }
  }
  return users;
}

export const cacheBustEnv: Rule = {
  id: 'cache-bust-variable',
  aliases: [],
  category: 'cache',
  severity: 'info',
  docs: {
    en: {
      title: 'A variable that only exists to bust the build cache',
      explanation:
        'Changing `ENV REFRESH_DATE …` by hand invalidates the cache for every later instruction, and the value then ships inside the image. Use `docker build --no-cache` (or `--no-cache-filter <stage>`), or an `ARG` that a specific RUN references: `ARG CACHEBUST` and `RUN echo $CACHEBUST && …`, set with `--build-arg CACHEBUST=$(date +%s)`.',
    },
    'zh-cn': {
      title: '只为打破构建缓存而存在的变量',
      explanation:
        '手工修改 `ENV REFRESH_DATE …` 会让之后所有指令的缓存失效，而且这个值还会留在镜像里。请用 `docker build --no-cache`（或 `--no-cache-filter <阶段>`），或者用一个被某条 RUN 引用的 `ARG`：`ARG CACHEBUST` 加 `RUN echo $CACHEBUST && …`，构建时 `--build-arg CACHEBUST=$(date +%s)`。',
    },
  },
  check(ctx) {
    let users: Map<string, Instruction[]> | undefined;
    for (const ins of ctx.file.instructions) {
      if (ins.name !== 'ENV' && ins.name !== 'ARG') continue;
      for (const pair of ins.pairs) {
        if (!bustName.test(pair.key)) continue;
        users ??= referencingInstructions(ctx.file.instructions);
        const used = (users.get(pair.key) ?? []).some((other) => other !== ins);
        if (ins.name === 'ARG' && used) continue;
        ctx.report(
          pair.keyRange,
          ins.name === 'ENV'
            ? text(
                `\`${pair.key}\` only busts the cache and ships in the image: use \`docker build --no-cache\` or an ARG that one RUN references.`,
                `\`${pair.key}\` 只是用来打破缓存，还会留在镜像里：请用 \`docker build --no-cache\` 或被某条 RUN 引用的 ARG。`,
              )
            : text(
                `\`${pair.key}\` is never referenced, so it does not bust anything: reference it in the RUN that must rerun.`,
                `\`${pair.key}\` 没有被任何指令引用，因此什么缓存也打不破：请在需要重新执行的 RUN 里引用它。`,
              ),
        );
      }
    }
  },
};
