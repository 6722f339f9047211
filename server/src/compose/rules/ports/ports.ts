// Published ports: one host port per service, and ports the service's own image says it serves.
import * as path from 'node:path';
import { text } from '../../../dockerfile/lint/report';
import type { PortSpec, ServiceDecl } from '../../parse/model';
import type { ComposeRule } from '../context';
import { dockerfileFacts } from '../dockerfileFacts';

const anyAddress = new Set(['', '0.0.0.0', '::', '[::]']);

/** Two host addresses can collide when either is a wildcard or they are the same. */
export function hostIpsOverlap(a: string | undefined, b: string | undefined): boolean {
  return anyAddress.has(a ?? '') || anyAddress.has(b ?? '') || a === b;
}

export function sameHostPort(a: PortSpec, b: PortSpec): boolean {
  if (!a.published || !b.published || a.protocol !== b.protocol) return false;
  const overlap = a.published.start <= b.published.end && b.published.start <= a.published.end;
  return overlap && hostIpsOverlap(a.hostIp, b.hostIp);
}

/** Services in profiles that are never active together do not run at the same time. */
function mayRunTogether(a: ServiceDecl, b: ServiceDecl): boolean {
  if (a.profiles.length === 0 || b.profiles.length === 0) return true;
  return a.profiles.some((p) => b.profiles.includes(p));
}

function label(p: PortSpec): string {
  const range = p.published
    ? p.published.start === p.published.end
      ? `${p.published.start}`
      : `${p.published.start}-${p.published.end}`
    : '';
  return p.hostIp && !anyAddress.has(p.hostIp) ? `${p.hostIp}:${range}` : range;
}

export const duplicateHostPort: ComposeRule = {
  id: 'duplicate-host-port',
  aliases: [],
  category: 'ports',
  severity: 'error',
  docs: {
    en: {
      title: 'Two services publish the same host port',
      explanation:
        'Only one container can hold a host port. The service that starts second fails: "Bind for 0.0.0.0:8080 failed: port is already allocated". Give one of them another host port.',
    },
    'zh-cn': {
      title: '两个服务发布了同一个宿主机端口',
      explanation:
        '一个宿主机端口只能被一个容器占用。后启动的服务会失败："Bind for 0.0.0.0:8080 failed: port is already allocated"。请给其中一个换一个宿主机端口。',
    },
  },
  check(ctx) {
    const seen: Array<{ service: ServiceDecl; port: PortSpec }> = [];
    for (const service of ctx.file.services) {
      for (const port of service.ports) {
        if (port.interpolated || !port.published) continue;
        const clash = seen.find(
          (s) =>
            s.service.name !== service.name &&
            mayRunTogether(s.service, service) &&
            sameHostPort(s.port, port),
        );
        if (clash) {
          ctx.report({
            range: port.range,
            message: text(
              `Host port ${label(port)}/${port.protocol} is also published by \`${clash.service.name}\`; whichever starts second fails with "port is already allocated".`,
              `宿主机端口 ${label(port)}/${port.protocol} 也被 \`${clash.service.name}\` 发布；后启动的那个会失败（"port is already allocated"）。`,
            ),
          });
        }
        seen.push({ service, port });
      }
    }
  },
};

export const portNotExposed: ComposeRule = {
  id: 'port-not-exposed',
  aliases: [],
  category: 'ports',
  severity: 'info',
  docs: {
    en: {
      title: "A published port the service's Dockerfile does not EXPOSE",
      explanation:
        "The service is built from a Dockerfile whose EXPOSE lines name other ports than the container port published here. Either the Dockerfile's documentation is out of date or the mapping points at a port nothing listens on. Checked only when the Dockerfile has EXPOSE lines: ports its base image exposes are not known here.",
    },
    'zh-cn': {
      title: '发布的端口没有在服务的 Dockerfile 中 EXPOSE',
      explanation:
        '服务由 Dockerfile 构建，而其中的 EXPOSE 写的是别的端口，不是这里发布的容器端口。要么 Dockerfile 的说明过时了，要么映射指向了一个没有程序监听的端口。只有在 Dockerfile 写了 EXPOSE 时才检查：基础镜像暴露的端口在这里无法得知。',
    },
  },
  check(ctx) {
    for (const service of ctx.file.services) {
      const facts = dockerfileFacts(ctx, service.build);
      if (!facts?.exposed) continue;
      for (const port of service.ports) {
        if (port.interpolated || !port.target) continue;
        const target = port.target;
        const covered = facts.exposed.some(
          (e) => e.protocol === port.protocol && e.start <= target.start && target.end <= e.end,
        );
        if (covered) continue;
        const list = facts.exposed
          .map((e) => (e.start === e.end ? `${e.start}` : `${e.start}-${e.end}`))
          .join(', ');
        const where = facts.file === 'dockerfile_inline' ? 'dockerfile_inline' : path.basename(facts.file);
        ctx.report({
          range: port.range,
          message: text(
            `Container port ${target.start}${target.end !== target.start ? `-${target.end}` : ''}/${port.protocol} is published, but ${where} EXPOSEs only ${list}.`,
            `发布了容器端口 ${target.start}${target.end !== target.start ? `-${target.end}` : ''}/${port.protocol}，但 ${where} 只 EXPOSE 了 ${list}。`,
          ),
        });
      }
    }
  },
};
