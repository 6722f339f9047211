import type { Rule } from '../../lint/types';
import { copyParts } from '../../lint/util';
import { text } from '../../lint/report';

const secretFile =
  /(?:^|\/)(?:\.env(?:\.[\w.-]+)?|id_rsa|id_dsa|id_ecdsa|id_ed25519|\.npmrc|\.pypirc|\.netrc|\.git-credentials|\.dockercfg|credentials\.json|[^/]+\.pem|[^/]+\.key|[^/]+\.p12|[^/]+\.pfx|\.aws|\.ssh)$/;
const notSecret = /\.env\.(?:example|sample|template|dist|defaults?)$/;

export const secretFileCopied: Rule = {
  id: 'secret-file-copied',
  aliases: [],
  category: 'security',
  severity: 'warning',
  docs: {
    en: {
      title: 'A secret file is copied into the image',
      explanation:
        'Files such as `.env`, `id_rsa`, `.npmrc` or `*.pem` stay readable in the layer forever, even if deleted later, and travel with every push. Mount them only for the step that needs them: `RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci`.',
    },
    'zh-cn': {
      title: '把机密文件复制进了镜像',
      explanation:
        '`.env`、`id_rsa`、`.npmrc`、`*.pem` 这类文件会永久留在镜像层中（之后删除也没用），并随每次 push 传出去。请只在需要的那一步挂载：`RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci`。',
    },
  },
  check(ctx) {
    for (const [ins] of ctx.ofKind('COPY', 'ADD')) {
      if (ins.flags.some((f) => f.name === 'from')) continue;
      const { sources } = copyParts(ins);
      ins.args.slice(0, sources.length).forEach((word, i) => {
        const src = sources[i].replace(/\/+$/, '');
        if (!secretFile.test(src) || notSecret.test(src)) return;
        ctx.report(
          word.range,
          text(
            `\`${src}\` looks like a secret; it will be readable in the image. Use a secret mount instead.`,
            `\`${src}\` 看起来是机密文件，会在镜像中可读。请改用 secret 挂载。`,
          ),
        );
      });
    }
  },
};

/** BuildKit's words for a secret, each a whole `_`-separated part of the name (dockerfile2llb getSecretsRegex). */
const secretName =
  /(?:^|_)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
/** The parts BuildKit lets through (`PUBLIC_KEY`, `PASSWORD_FILE`, `AUTH_VERSION`). */
const allowedByBuildKit = /(?:^|_)(?:public|file|version)(?:_|$)/i;
/** Names that point at a secret rather than hold one, and the signing-key fingerprints official images set. */
const notASecret =
  /(?:_PATH|_DIR|_URL|_HOST|_PORT|_USER|_NAME)$|(?:^|_)(?:GPG|PGP)(?:_|$)|_KEYS?_?(?:URL|SERVER)$/i;

export const secretInArgEnv: Rule = {
  id: 'secret-in-arg-env',
  aliases: ['SecretsUsedInArgOrEnv'],
  category: 'security',
  severity: 'warning',
  docs: {
    en: {
      title: 'A secret-looking name in ARG or ENV',
      explanation:
        "ENV values are stored in the image config and build args show up in `docker history`: anyone with the image can read them, even when the Dockerfile leaves the value empty for a `--build-arg`. Pass secrets with `RUN --mount=type=secret` or at run time. The names are judged as BuildKit's SecretsUsedInArgOrEnv does (a part such as `PASSWORD`, `TOKEN`, `KEY`, `AUTH`, `SECRET`, unless another part is `PUBLIC`, `FILE` or `VERSION`; ARGs before the first FROM are not checked), except that names which point at a secret (`…_PATH`, `…_URL`, `…_USER`, `…_NAME`…) and `GPG_KEY` fingerprints are left alone.",
    },
    'zh-cn': {
      title: 'ARG 或 ENV 中出现疑似机密的名字',
      explanation:
        'ENV 的值保存在镜像配置里，构建参数会出现在 `docker history` 中：拿到镜像的人都能读到，即使 Dockerfile 里的值是空的、等着 `--build-arg` 传入。请用 `RUN --mount=type=secret` 或在运行时传入机密。名字的判断与 BuildKit 的 SecretsUsedInArgOrEnv 相同（名字中有 `PASSWORD`、`TOKEN`、`KEY`、`AUTH`、`SECRET` 等部分，且没有 `PUBLIC`、`FILE`、`VERSION` 部分；第一条 FROM 之前的 ARG 不检查），只是指向机密的名字（`…_PATH`、`…_URL`、`…_USER`、`…_NAME` 等）和 `GPG_KEY` 指纹不报告。',
    },
  },
  check(ctx) {
    for (const [ins] of ctx.ofKind('ARG', 'ENV')) {
      for (const pair of ins.pairs) {
        if (!secretName.test(pair.key) || allowedByBuildKit.test(pair.key) || notASecret.test(pair.key))
          continue;
        ctx.report(
          pair.keyRange,
          text(
            `\`${pair.key}\` looks like a secret; ${ins.name} values can be read from the image. Use a secret mount.`,
            `\`${pair.key}\` 看起来是机密；${ins.name} 的值可以从镜像中读出。请使用 secret 挂载。`,
          ),
        );
      }
    }
  },
};

export const copyAllNoDockerignore: Rule = {
  id: 'copy-all-without-dockerignore',
  aliases: [],
  category: 'security',
  severity: 'info',
  docs: {
    en: {
      title: '`COPY . .` without a `.dockerignore`',
      explanation:
        'Without a `.dockerignore` beside the Dockerfile, `COPY . .` sends and copies everything: `.git`, `.env`, local builds, `node_modules`. That leaks secrets, bloats the image and busts the cache on every change. Add a `.dockerignore`.',
    },
    'zh-cn': {
      title: '没有 `.dockerignore` 却 `COPY . .`',
      explanation:
        'Dockerfile 旁边没有 `.dockerignore` 时，`COPY . .` 会发送并复制一切：`.git`、`.env`、本地构建产物、`node_modules`。这会泄漏机密、撑大镜像，并让任何改动都打破缓存。请添加 `.dockerignore`。',
    },
  },
  check(ctx) {
    if (ctx.env.hasDockerignore !== false) return;
    for (const [ins] of ctx.ofKind('COPY', 'ADD')) {
      if (ins.flags.some((f) => f.name === 'from')) continue;
      if (!copyParts(ins).sources.some((s) => s === '.' || s === './')) continue;
      ctx.report(
        ins.argsRange,
        text(
          'No .dockerignore beside this Dockerfile: this copies the whole context, .git and secrets included.',
          '这个 Dockerfile 旁边没有 .dockerignore：这会复制整个上下文，包括 .git 和机密文件。',
        ),
      );
      return;
    }
  },
};
