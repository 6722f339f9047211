// What `network_mode` rules out: published ports on host or none, and a `networks:` list.
import { text } from '../../../dockerfile/lint/report';
import { interpolation } from '../../parse/model';
import type { ComposeRule } from '../context';

export const hostNetworkPorts: ComposeRule = {
  id: 'host-network-ports',
  aliases: [],
  category: 'network',
  severity: 'warning',
  docs: {
    en: {
      title: '`ports` does nothing with `network_mode: host`',
      explanation:
        "A container on the host network uses the host's ports directly, so published ports are discarded (the notes: `-p` is ignored under `--network host`). The service listens on whatever port it opens, and two such services clash on the host.",
    },
    'zh-cn': {
      title: '`network_mode: host` 下 `ports` 不起作用',
      explanation:
        'host 网络中的容器直接使用宿主机的端口，发布的端口会被丢弃（笔记中：`--network host` 下 `-p` 被忽略）。服务监听它自己打开的端口，两个这样的服务会在宿主机上冲突。',
    },
  },
  check(ctx) {
    for (const s of ctx.file.services) {
      if (s.networkMode?.text !== 'host' || !s.portsKey || s.ports.length === 0) continue;
      ctx.report({
        range: s.portsKey,
        message: text(
          `Service \`${s.name}\` uses the host's network, so its \`ports\` are discarded: it listens on the host's ports directly.`,
          `服务 \`${s.name}\` 使用宿主机网络，它的 \`ports\` 会被丢弃：它直接监听宿主机的端口。`,
        ),
      });
    }
  },
};

export const noneNetworkPorts: ComposeRule = {
  id: 'none-network-ports',
  aliases: [],
  category: 'network',
  severity: 'warning',
  docs: {
    en: {
      title: '`ports` with `network_mode: none`',
      explanation:
        'A container with no network has only a loopback interface; nothing can reach a published port.',
    },
    'zh-cn': {
      title: '`network_mode: none` 下的 `ports`',
      explanation: '没有网络的容器只有回环接口；发布的端口无法从外部访问。',
    },
  },
  check(ctx) {
    for (const s of ctx.file.services) {
      if (s.networkMode?.text !== 'none' || !s.portsKey || s.ports.length === 0) continue;
      ctx.report({
        range: s.portsKey,
        message: text(
          `Service \`${s.name}\` has no network (\`network_mode: none\`), so nothing can reach its published ports.`,
          `服务 \`${s.name}\` 没有网络（\`network_mode: none\`），发布的端口无法访问。`,
        ),
      });
    }
  },
};

export const networkModeWithNetworks: ComposeRule = {
  id: 'network-mode-with-networks',
  aliases: [],
  category: 'network',
  severity: 'error',
  docs: {
    en: {
      title: '`network_mode` and `networks` together',
      explanation:
        'A service either shares a network stack (`network_mode: host`, `none`, `service:x`, `container:x`) or joins networks, not both. `docker compose` refuses the file: "declares mutually exclusive `network_mode` and `networks`".',
    },
    'zh-cn': {
      title: '同时使用 `network_mode` 和 `networks`',
      explanation:
        '服务要么共享一个网络栈（`network_mode: host`、`none`、`service:x`、`container:x`），要么加入网络，不能两者兼有。`docker compose` 会拒绝这个文件："declares mutually exclusive `network_mode` and `networks`"。',
    },
  },
  check(ctx) {
    for (const s of ctx.file.services) {
      if (!s.networkMode || !s.networksKey || !s.networks || s.networks.length === 0) continue;
      ctx.report({
        range: s.networksKey,
        message: text(
          `Service \`${s.name}\` has \`network_mode: ${s.networkMode.text}\`, so it cannot also list \`networks\`; docker compose refuses the file.`,
          `服务 \`${s.name}\` 设置了 \`network_mode: ${s.networkMode.text}\`，不能再列出 \`networks\`；docker compose 会拒绝这个文件。`,
        ),
      });
    }
  },
};

export const undefinedService: ComposeRule = {
  id: 'undefined-service',
  aliases: [],
  category: 'network',
  severity: 'error',
  docs: {
    en: {
      title: 'A reference to a service the project does not define',
      explanation:
        '`depends_on`, `links`, `network_mode: service:`, `volumes_from` and `extends` name services of the same project. `docker compose` refuses a name it cannot find.',
    },
    'zh-cn': {
      title: '引用了项目中不存在的服务',
      explanation:
        '`depends_on`、`links`、`network_mode: service:`、`volumes_from` 和 `extends` 引用的是同一项目中的服务。找不到这个名字时 `docker compose` 会拒绝执行。',
    },
  },
  check(ctx) {
    const defined = new Set(ctx.allServices.map((s) => s.name));
    for (const ref of ctx.file.symbols) {
      if (ref.kind !== 'service' || ref.declaration || defined.has(ref.name)) continue;
      if (interpolation.test(ref.name)) continue;
      ctx.report({
        range: ref.range,
        message: text(
          `No service \`${ref.name}\` is defined in this project.`,
          `这个项目中没有定义服务 \`${ref.name}\`。`,
        ),
      });
    }
  },
};
