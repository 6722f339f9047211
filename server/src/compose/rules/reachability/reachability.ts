// The notes' orderservice/userservice lesson: containers reach each other by name only on a
// network they share.
import { text } from '../../../dockerfile/lint/report';
import type { Range } from '../../parse/lines';
import type { ServiceDecl } from '../../parse/model';
import type { ComposeRule } from '../context';
import { hostsInEnv, hostsInText } from './hosts';

/** The networks a service is on, or undefined when its network_mode makes that unknowable here. */
function networksOf(service: ServiceDecl, byName: Map<string, ServiceDecl>, depth = 0): string[] | undefined {
  const mode = service.networkMode?.text;
  if (mode?.startsWith('service:') && depth < 4) {
    const other = byName.get(mode.slice('service:'.length));
    return other ? networksOf(other, byName, depth + 1) : undefined;
  }
  if (mode) return undefined;
  return service.networks && service.networks.length > 0 ? service.networks.map((n) => n.name) : ['default'];
}

export const unreachableByName: ComposeRule = {
  id: 'unreachable-by-name',
  aliases: [],
  category: 'reachability',
  severity: 'warning',
  docs: {
    en: {
      title: 'A service names another it shares no network with',
      explanation:
        "The service's environment, command or healthcheck uses another service as a host name (`DB_HOST=db`, `http://userservice:8080`), but the two are on no common network, so the name does not resolve and the connection fails at run time. The notes show it: orderservice could ping userservice by IP but not by name until both joined `my_net`. Put both services on a shared network.",
    },
    'zh-cn': {
      title: '服务用名字访问一个与它不在同一网络的服务',
      explanation:
        '服务的环境变量、命令或健康检查把另一个服务当作主机名使用（`DB_HOST=db`、`http://userservice:8080`），但两者没有共同的网络，名字无法解析，连接会在运行时失败。笔记中的例子：orderservice 能用 IP ping 通 userservice，却不能用名字，直到两者都加入 `my_net`。请让两个服务加入同一个网络。',
    },
  },
  check(ctx) {
    const services = ctx.allServices;
    const byName = new Map<string, ServiceDecl>();
    for (const s of services) byName.set(s.name, s);
    const byHost = new Map<string, ServiceDecl>(byName);
    for (const s of services) for (const h of s.hostnames) if (!byHost.has(h)) byHost.set(h, s);
    for (const from of ctx.file.services) {
      const mine = networksOf(from, byName);
      if (!mine) continue;
      const linked = new Set(from.links.map((l) => l.target.text));
      const mentions: Array<{ host: string; range: Range }> = [
        ...from.environment.flatMap((e) =>
          hostsInEnv(e.key, e.value).map((host) => ({ host, range: e.range })),
        ),
        ...from.commands.flatMap((c) => hostsInText(c.text).map((host) => ({ host, range: c.range }))),
      ];
      const reported = new Set<string>();
      for (const { host, range } of mentions) {
        const to = byHost.get(host);
        if (!to || to.name === from.name || linked.has(to.name) || reported.has(to.name)) continue;
        const theirs = networksOf(to, byName);
        if (!theirs || theirs.some((n) => mine.includes(n))) continue;
        reported.add(to.name);
        ctx.report({
          range,
          message: text(
            `\`${from.name}\` reaches \`${host}\` by name, but \`${from.name}\` is on ${mine.map((n) => `\`${n}\``).join(', ')} and \`${to.name}\` on ${theirs.map((n) => `\`${n}\``).join(', ')}: with no shared network the name does not resolve.`,
            `\`${from.name}\` 通过名字访问 \`${host}\`，但 \`${from.name}\` 在 ${mine.map((n) => `\`${n}\``).join('、')} 上，\`${to.name}\` 在 ${theirs.map((n) => `\`${n}\``).join('、')} 上：没有共同的网络，名字无法解析。`,
          ),
        });
      }
    }
  },
};
