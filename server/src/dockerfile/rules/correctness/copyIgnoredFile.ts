import {
  cleanPath,
  excludedBy,
  ignoreMatcher,
  readIgnoreFile,
  type IgnoreMatcher,
} from '../../lint/dockerignore';
import { text } from '../../lint/report';
import type { Rule } from '../../lint/types';
import { copyParts } from '../../lint/util';

/** The last .dockerignore read and its matcher: the same text comes back on every keystroke. */
let cached: { text: string; matcher: IgnoreMatcher | undefined } | undefined;

function matcherFor(ignoreText: string): IgnoreMatcher | undefined {
  if (cached?.text !== ignoreText)
    cached = { text: ignoreText, matcher: ignoreMatcher(readIgnoreFile(ignoreText)) };
  return cached.matcher;
}

/** `.`, `*`, `**` or `**\/*` leave out every entry of the context root (validations.go copySourceRootIgnored). */
function rootIgnored(matcher: IgnoreMatcher): boolean {
  return matcher.patterns.some(
    (p) => !p.exclusion && (p.text === '*' || p.text === '**' || p.text === '**/*'),
  );
}

export const copyIgnoredFile: Rule = {
  id: 'copy-ignored-file',
  aliases: ['CopyIgnoredFile'],
  category: 'correctness',
  severity: 'warning',
  docs: {
    en: {
      title: 'COPY or ADD of a file .dockerignore leaves out',
      explanation:
        'What `.dockerignore` excludes is not sent to the builder, so a COPY or ADD of it from the build context fails with "not found". Copy something else, or stop ignoring it. As BuildKit does, Berth reads the `.dockerignore` beside the Dockerfile (or `<name>.dockerignore` for `<name>`), and checks nothing when it has `!` exceptions: a file inside an excluded folder may be let back in.',
    },
    'zh-cn': {
      title: 'COPY 或 ADD 了 .dockerignore 排除的文件',
      explanation:
        '`.dockerignore` 排除的内容不会发送给构建器，所以从构建上下文 COPY 或 ADD 它会以“not found”失败。请复制别的文件，或不再忽略它。与 BuildKit 一样，Berth 读取 Dockerfile 旁边的 `.dockerignore`（对 `<name>` 则是 `<name>.dockerignore`），并且当其中有 `!` 例外时不做检查：被排除的目录里的文件可能又被放回来了。',
    },
  },
  check(ctx) {
    const ignoreText = ctx.env.dockerignore;
    if (ignoreText === undefined) return;
    const matcher = matcherFor(ignoreText);
    if (!matcher || matcher.exclusions || matcher.patterns.length === 0) return;
    for (const [ins] of ctx.ofKind('COPY', 'ADD')) {
      if (ins.flags.some((f) => f.name === 'from') || ins.heredocs.length > 0) continue;
      const { sources } = copyParts(ins);
      for (const source of sources) {
        if (source.includes('$') || /^[a-z][a-z0-9+.-]*:\/\//i.test(source) || source.startsWith('git@'))
          continue;
        const path = cleanPath(source);
        if ((path === '.' || path === '/') && !rootIgnored(matcher)) continue;
        const pattern = excludedBy(matcher, path);
        if (pattern === undefined) continue;
        const word = ins.args.find((a) => a.value === source || a.value.slice(1, -1) === source);
        ctx.report(
          word?.range ?? ins.argsRange,
          text(
            `\`${path}\` is left out of the build context by .dockerignore (\`${pattern}\`): this ${ins.name} fails with "not found".`,
            `\`${path}\` 被 .dockerignore（\`${pattern}\`）排除在构建上下文之外：这条 ${ins.name} 会以“not found”失败。`,
          ),
        );
      }
    }
  },
};
