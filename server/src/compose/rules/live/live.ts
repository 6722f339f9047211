// Checks against what the connected engine has, from the facts the client sends.
import { overlaps, parseCidr } from '../../../../../common/ip';
import {
  composeCommands,
  type CreateNetworkArgs,
  type CreateVolumeArgs,
} from '../../../../../common/compose';
import { text } from '../../../dockerfile/lint/report';
import type { ResourceDecl } from '../../parse/model';
import { hostIpsOverlap } from '../ports/ports';
import type { ComposeContext, ComposeRule } from '../context';

const liveDoc = {
  en: ' Checked against the connected engine; the diagnostic goes away once the engine has what the file needs.',
  zh: '依据当前连接的引擎检查；引擎满足文件的要求后，诊断会自动消失。',
};

function createNetworkArgs(name: string, decl: ResourceDecl): CreateNetworkArgs {
  return {
    name,
    driver: decl.driver ?? 'bridge',
    ...(decl.ipamDriver ? { ipamDriver: decl.ipamDriver } : {}),
    subnets: decl.ipam
      .filter((c) => c.subnet)
      .map((c) => ({
        subnet: c.subnet?.text ?? '',
        ...(c.gateway ? { gateway: c.gateway.text } : {}),
        ...(c.ipRange ? { ipRange: c.ipRange.text } : {}),
      })),
    internal: decl.internal,
    attachable: decl.attachable,
    enableIPv6: decl.enableIpv6,
    options: decl.driverOpts,
    labels: decl.labels,
  };
}

function missingExternal(kind: 'network' | 'volume'): ComposeRule {
  const zh = kind === 'network' ? '网络' : '卷';
  return {
    id: `external-${kind}-missing`,
    aliases: [],
    category: 'live',
    severity: 'error',
    live: true,
    docs: {
      en: {
        title: `An external ${kind} that does not exist`,
        explanation: `\`external: true\` tells Compose to use an existing ${kind} and never create it; \`docker compose up\` fails when the engine has none by that name. The quick fix creates it with the declared driver${kind === 'network' ? ' and IPAM settings' : ' and options'}.${liveDoc.en}`,
      },
      'zh-cn': {
        title: `外部${zh}不存在`,
        explanation: `\`external: true\` 告诉 Compose 使用已有的${zh}、从不创建它；引擎中没有同名${zh}时 \`docker compose up\` 会失败。快速修复会按声明的驱动${kind === 'network' ? '和 IPAM 设置' : '和选项'}创建它。${liveDoc.zh}`,
      },
    },
    check(ctx: ComposeContext) {
      const facts = ctx.facts;
      if (!facts) return;
      for (const decl of kind === 'network' ? ctx.file.networks : ctx.file.volumes) {
        if (!decl.external) continue;
        const name = ctx.engineName(decl);
        if (name === undefined) continue;
        const exists =
          kind === 'network'
            ? facts.networks.some((n) => n.name === name || n.id === name)
            : facts.volumes.some((v) => v.name === name);
        if (exists) continue;
        const args = kind === 'network' ? createNetworkArgs(name, decl) : volumeArgs(name, decl);
        ctx.report({
          range: decl.keyRange,
          message: text(
            `The external ${kind} \`${name}\` does not exist on the engine; docker compose up fails until it is created.`,
            `外部${zh} \`${name}\` 在引擎中不存在；创建之前 docker compose up 会失败。`,
          ),
          command: {
            title: text(`Create ${kind} \`${name}\``, `创建${zh} \`${name}\``),
            command: kind === 'network' ? composeCommands.createNetwork : composeCommands.createVolume,
            arguments: [args],
          },
        });
      }
    },
  };
}

function volumeArgs(name: string, decl: ResourceDecl): CreateVolumeArgs {
  return { name, driver: decl.driver ?? 'local', options: decl.driverOpts, labels: decl.labels };
}

export const externalNetworkMissing = missingExternal('network');
export const externalVolumeMissing = missingExternal('volume');

export const hostPortInUse: ComposeRule = {
  id: 'host-port-in-use',
  aliases: [],
  category: 'live',
  severity: 'warning',
  live: true,
  docs: {
    en: {
      title: 'A host port a running container already holds',
      explanation: `A running container outside this service already publishes the host port, so \`up\` fails with "port is already allocated". Stop that container or pick another host port.${liveDoc.en}`,
    },
    'zh-cn': {
      title: '宿主机端口已被运行中的容器占用',
      explanation: `一个不属于本服务的运行中容器已经发布了这个宿主机端口，\`up\` 会失败（"port is already allocated"）。请停止那个容器，或换一个宿主机端口。${liveDoc.zh}`,
    },
  },
  check(ctx) {
    const facts = ctx.facts;
    if (!facts) return;
    for (const service of ctx.file.services) {
      for (const port of service.ports) {
        const published = port.published;
        if (port.interpolated || !published) continue;
        const holder = facts.ports.find(
          (p) =>
            p.protocol === port.protocol &&
            p.hostPort >= published.start &&
            p.hostPort <= published.end &&
            hostIpsOverlap(p.hostIp, port.hostIp) &&
            !(p.project === ctx.projectName && p.service === service.name),
        );
        if (!holder) continue;
        ctx.report({
          range: port.range,
          message: text(
            `Host port ${holder.hostPort}/${holder.protocol} is held by the running container \`${holder.container}\`; \`up\` fails with "port is already allocated".`,
            `宿主机端口 ${holder.hostPort}/${holder.protocol} 已被运行中的容器 \`${holder.container}\` 占用；\`up\` 会失败（"port is already allocated"）。`,
          ),
        });
      }
    }
  },
};

export const subnetOverlap: ComposeRule = {
  id: 'subnet-overlap',
  aliases: [],
  category: 'live',
  severity: 'error',
  live: true,
  docs: {
    en: {
      title: 'A declared subnet overlaps an existing network',
      explanation: `Another network on the engine already uses addresses in this subnet; creating this one fails with "Pool overlaps with other one on this address space". Pick a free subnet.${liveDoc.en}`,
    },
    'zh-cn': {
      title: '声明的子网与已有网络重叠',
      explanation: `引擎上已有网络使用了这个子网中的地址；创建这个网络会失败（"Pool overlaps with other one on this address space"）。请换一个空闲的子网。${liveDoc.zh}`,
    },
  },
  check(ctx) {
    const facts = ctx.facts;
    if (!facts) return;
    for (const decl of ctx.file.networks) {
      if (decl.external) continue;
      const name = ctx.engineName(decl);
      for (const config of decl.ipam) {
        const mine = config.subnet ? parseCidr(config.subnet.text) : undefined;
        if (!mine || !config.subnet) continue;
        const other = facts.networks.find(
          (n) =>
            n.name !== name &&
            !(n.project === ctx.projectName && n.composeKey === decl.name) &&
            n.subnets.some((s) => {
              const theirs = parseCidr(s);
              return !!theirs && overlaps(mine, theirs);
            }),
        );
        if (!other) continue;
        ctx.report({
          range: config.subnet.range,
          message: text(
            `\`${config.subnet.text}\` overlaps the subnet of the existing network \`${other.name}\` (${other.subnets.join(', ')}); creating \`${name ?? decl.name}\` fails with "Pool overlaps".`,
            `\`${config.subnet.text}\` 与已有网络 \`${other.name}\` 的子网（${other.subnets.join('、')}）重叠；创建 \`${name ?? decl.name}\` 会失败（"Pool overlaps"）。`,
          ),
        });
      }
    }
  },
};
