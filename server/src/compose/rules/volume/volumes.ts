// Mounts: named volumes must be declared, bind sources should exist, and a bind mount hides
// what the image put at its target.
import * as path from 'node:path';
import { text } from '../../../dockerfile/lint/report';
import type { ComposeRule } from '../context';
import { dockerfileFacts } from '../dockerfileFacts';
import { declareEdit } from '../edits';

export const undeclaredVolume: ComposeRule = {
  id: 'undeclared-volume',
  aliases: [],
  category: 'volume',
  severity: 'error',
  docs: {
    en: {
      title: 'A named volume that is mounted but not declared',
      explanation:
        'A service mounts a named volume that the top-level `volumes:` does not declare. `docker compose` refuses the project: "service refers to undefined volume". Declare it, or write a path (`./data`) if a host folder was meant.',
    },
    'zh-cn': {
      title: '挂载了没有声明的命名卷',
      explanation:
        '服务挂载的命名卷没有在顶层 `volumes:` 中声明。`docker compose` 会拒绝项目："service refers to undefined volume"。请声明它；如果想挂载宿主机目录，请写成路径（`./data`）。',
    },
  },
  check(ctx) {
    const declared = ctx.declared('volume');
    for (const service of ctx.file.services) {
      for (const m of service.volumes) {
        if (m.type !== 'volume' || !m.source || m.interpolated || declared.has(m.source) || !m.sourceRange)
          continue;
        ctx.report({
          range: m.sourceRange,
          message: text(
            `Service \`${service.name}\` mounts the volume \`${m.source}\`, which is not declared under the top-level \`volumes:\`; docker compose refuses the file.`,
            `服务 \`${service.name}\` 挂载了卷 \`${m.source}\`，但它没有在顶层 \`volumes:\` 中声明；docker compose 会拒绝这个文件。`,
          ),
          fix: {
            title: text(`Declare volume \`${m.source}\``, `声明卷 \`${m.source}\``),
            edits: [declareEdit(ctx.file, 'volume', m.source)],
          },
        });
      }
    }
  },
};

export const missingBindSource: ComposeRule = {
  id: 'missing-bind-source',
  aliases: [],
  category: 'volume',
  severity: 'warning',
  docs: {
    en: {
      title: 'A bind-mount source that does not exist',
      explanation:
        'The host path, relative to the Compose file, does not exist. With the short syntax Docker creates an empty folder there, owned by root, and mounts that; with the long syntax `docker compose` refuses unless `bind.create_host_path: true`. Usually the path has a typo or is relative to the wrong folder.',
    },
    'zh-cn': {
      title: '绑定挂载的源路径不存在',
      explanation:
        '相对于 Compose 文件的宿主机路径不存在。短语法下 Docker 会在那里创建一个属于 root 的空目录并挂载它；长语法下除非设置 `bind.create_host_path: true`，否则 `docker compose` 会拒绝。通常是路径写错了，或者相对的目录不对。',
    },
  },
  check(ctx) {
    const dir = ctx.dir;
    if (!dir || !ctx.host) return;
    for (const service of ctx.file.services) {
      for (const m of service.volumes) {
        if (m.type !== 'bind' || !m.source || m.interpolated || !m.source.startsWith('.')) continue;
        if (ctx.host.exists(path.resolve(dir, m.source))) continue;
        const created = m.short || m.createHostPath;
        ctx.report({
          range: m.sourceRange ?? m.range,
          message: created
            ? text(
                `\`${m.source}\` does not exist next to the Compose file; Docker will create it as an empty folder owned by root.`,
                `\`${m.source}\` 在 Compose 文件旁不存在；Docker 会把它创建成一个属于 root 的空目录。`,
              )
            : text(
                `\`${m.source}\` does not exist next to the Compose file; docker compose refuses a missing bind source unless \`bind.create_host_path: true\`.`,
                `\`${m.source}\` 在 Compose 文件旁不存在；除非设置 \`bind.create_host_path: true\`，docker compose 会拒绝不存在的绑定源。`,
              ),
        });
      }
    }
  },
};

export const bindHidesImageContent: ComposeRule = {
  id: 'bind-hides-image-content',
  aliases: [],
  category: 'volume',
  severity: 'info',
  docs: {
    en: {
      title: 'A bind mount hides files the image put there',
      explanation:
        "The service's Dockerfile fills this path (COPY or ADD), and a bind mount lays the host folder over it. While the container runs, only the host folder's content is visible there: what the build put there, such as installed dependencies, is hidden (the notes' empty-bind-mount pitfall). A named volume is filled from the image when it is empty; a bind mount never is. Intended for live editing? Then keep generated folders in a volume of their own.",
    },
    'zh-cn': {
      title: '绑定挂载遮住了镜像放在那里的文件',
      explanation:
        '服务的 Dockerfile 向这个路径写入了内容（COPY 或 ADD），而绑定挂载把宿主机目录盖在了上面。容器运行时那里只能看到宿主机目录的内容：构建时放进去的东西（例如安装好的依赖）被遮住了（笔记中的空绑定挂载陷阱）。命名卷为空时会先用镜像内容填充，绑定挂载则不会。如果是为了实时编辑，请把生成的目录放进单独的卷。',
    },
  },
  check(ctx) {
    for (const service of ctx.file.services) {
      const facts = dockerfileFacts(ctx, service.build);
      if (!facts || facts.filled.length === 0) continue;
      for (const m of service.volumes) {
        if (m.type !== 'bind' || !m.target || m.interpolated || !m.target.startsWith('/')) continue;
        const target = path.posix.resolve(m.target);
        const hidden = facts.filled.find(
          (f) => f.path === target || f.path.startsWith(target === '/' ? '/' : `${target}/`),
        );
        if (!hidden) continue;
        ctx.report({
          range: m.range,
          message: text(
            `\`${m.source ?? ''}\` is mounted over \`${target}\`, which the image fills (Dockerfile line ${hidden.line}: \`${hidden.instruction}\`); the image's files there are hidden while the container runs.`,
            `\`${m.source ?? ''}\` 挂载到了 \`${target}\`，而镜像在那里放了文件（Dockerfile 第 ${hidden.line} 行：\`${hidden.instruction}\`）；容器运行时镜像中的这些文件会被遮住。`,
          ),
        });
      }
    }
  },
};
