import { defaultMetaArgs, expandWord } from '../../lint/buildArgs';
import { invalidReference } from '../../lint/imageReference';
import { text } from '../../lint/report';
import type { Rule } from '../../lint/types';

export const invalidDefaultArgInFrom: Rule = {
  id: 'invalid-default-arg-in-from',
  aliases: ['InvalidDefaultArgInFrom'],
  category: 'correctness',
  severity: 'warning',
  docs: {
    en: {
      title: 'FROM image not valid without --build-arg',
      explanation:
        'A build should work without `--build-arg`. With the defaults of the ARGs before the first FROM (an ARG without a default is unset), this FROM names no valid image: `ARG TAG` then `FROM busybox:${TAG}` gives `busybox:`. Give the ARG a default, or a fallback in the FROM (`${TAG:-1.36}`). As BuildKit does, an image name Docker refuses outright (`FROM Ubuntu`) is reported too.',
    },
    'zh-cn': {
      title: '不加 --build-arg 时 FROM 的镜像无效',
      explanation:
        '不加 `--build-arg` 也应该能构建。按第一条 FROM 之前 ARG 的默认值（没有默认值的 ARG 是未设置的），这条 FROM 得不到有效的镜像：`ARG TAG` 再 `FROM busybox:${TAG}` 得到的是 `busybox:`。请给 ARG 一个默认值，或在 FROM 中写上后备值（`${TAG:-1.36}`）。与 BuildKit 一样，Docker 直接拒绝的镜像名（`FROM Ubuntu`）也会报告。',
    },
  },
  check(ctx) {
    const env = defaultMetaArgs(ctx.globalArgs);
    if (!env) return;
    for (const stage of ctx.stages) {
      const word = stage.from.args[0];
      // A template placeholder (`{{ .variant }}`) is unknown-instruction's: the file is no Dockerfile yet.
      if (!word || word.value.includes('{{')) continue;
      const image = expandWord(word.value, env);
      if (image === undefined) continue;
      const why = invalidReference(image);
      if (why === undefined) continue;
      const expanded = word.value.includes('$');
      ctx.report(
        word.range,
        expanded
          ? text(
              `Without --build-arg this is \`${image}\`, which is no valid image (${why.en}): give the ARG a default.`,
              `不加 --build-arg 时这里是 \`${image}\`，不是有效的镜像（${why['zh-cn']}）：请给 ARG 一个默认值。`,
            )
          : text(
              `\`${image}\` is no valid image name: ${why.en}.`,
              `\`${image}\` 不是有效的镜像名：${why['zh-cn']}。`,
            ),
      );
    }
  },
};
