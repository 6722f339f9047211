import type { Rule } from '../../lint/types';
import { copyParts, unquote } from '../../lint/util';
import { text } from '../../lint/report';

const dropsPrivileges = /\b(gosu|su-exec|setpriv|runuser|chroot|s6-setuidgid|setuser)\b/;

export const lastUserRoot: Rule = {
  readsFinalImage: true,
  id: 'last-user-root',
  aliases: [],
  category: 'security',
  severity: 'warning',
  docs: {
    en: {
      title: 'The final image switches back to root',
      explanation:
        "The last USER of the final image is root (in the final stage, or in the stage it is built FROM when it has none), so the container runs as root: a process escaping the app gets root inside the container. Switch back to an unprivileged user after the steps that need root. Unlike hadolint's DL3002, which reports the last USER root of every stage, only the final image counts here: a build stage's user never reaches a container. So this rule does not claim DL3002.",
    },
    'zh-cn': {
      title: '最终镜像又切换回 root',
      explanation:
        '最终镜像的最后一条 USER 是 root（在最终阶段里；最终阶段没有 USER 时，在它 FROM 的那个阶段里），容器会以 root 运行：进程一旦被攻破，攻击者在容器里就是 root。请在需要 root 的步骤之后切回非特权用户。hadolint 的 DL3002 会报告每个阶段最后一条为 root 的 USER，这里只看最终镜像：构建阶段的用户不会进入容器。因此本规则不对应 DL3002。',
    },
  },
  check(ctx) {
    // The final stage's USER, else the one it inherits from the stage it is built FROM.
    for (let stage = ctx.stages.at(-1); stage; stage = stage.parent) {
      const users = stage.instructions.filter((i) => i.name === 'USER');
      const user = users[users.length - 1];
      if (!user) continue;
      const name = unquote(user.argsText).split(':')[0];
      if (name === 'root' || name === '0')
        ctx.report(user.argsRange, text('The container will run as root.', '容器将以 root 身份运行。'));
      return;
    }
  },
};

export const noUser: Rule = {
  readsFinalImage: true,
  id: 'no-user',
  aliases: [],
  category: 'security',
  severity: 'info',
  docs: {
    en: {
      title: 'Application image without USER',
      explanation:
        'Without USER the container runs as root. For an image that ships your application, create a user and switch to it (`RUN useradd -r app` then `USER app`), or drop privileges in the entrypoint. Base images and images whose entrypoint drops privileges (gosu, su-exec…) are not reported.',
    },
    'zh-cn': {
      title: '应用镜像没有 USER',
      explanation:
        '没有 USER 时容器以 root 运行。对于打包你自己应用的镜像，请创建用户并切换过去（`RUN useradd -r app` 再 `USER app`），或在入口脚本里降权。基础镜像以及入口会降权（gosu、su-exec…）的镜像不会报告。',
    },
  },
  check(ctx) {
    const last = ctx.stages[ctx.stages.length - 1];
    if (!last) return;
    const chain = [];
    for (let s: typeof last | undefined = last; s; s = s.parent) chain.push(s);
    const instructions = chain.flatMap((s) => s.instructions);
    if (instructions.some((i) => i.name === 'USER')) return;
    const appCopy = instructions.find(
      (i) =>
        i.name === 'COPY' &&
        copyParts(i).sources.some((s) => s === '.' || s === './' || i.flags.some((f) => f.name === 'from')),
    );
    const runs = instructions.some((i) => i.name === 'CMD' || i.name === 'ENTRYPOINT');
    if (!appCopy || !runs) return;
    if (instructions.some((i) => dropsPrivileges.test(i.argsText))) return;
    ctx.report(
      last.from.keywordRange,
      text(
        'This image runs an application as root: add a USER (or drop privileges in the entrypoint).',
        '这个镜像以 root 运行应用：请加上 USER（或在入口脚本中降权）。',
      ),
    );
  },
};
