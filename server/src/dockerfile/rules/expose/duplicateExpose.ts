import type { Instruction } from '../../parser';
import { repeats } from '../../lint/repeats';
import type { Rule } from '../../lint/types';
import { portsOf, type PortSpec } from './ports';
import { text } from '../../lint/report';

const protocolIndex: Record<string, number> = { tcp: 0, udp: 1, sctp: 2 };

/**
 * What makes two EXPOSE words the same port: a number for a single port written plainly (no
 * string to build and hash; a line of 60k ports spent most of its time there), else the text.
 */
function portKey(p: PortSpec): number | string {
  const protocol = (p.protocol ?? 'tcp').toLowerCase();
  const index = protocolIndex[protocol];
  const plain =
    p.from !== undefined &&
    p.ports.length < 10 &&
    !p.ports.includes('-') &&
    (p.ports.charCodeAt(0) !== 0x30 || p.ports === '0');
  return plain && index !== undefined ? p.from! * 4 + index : `${p.ports}/${protocol}`;
}

export const duplicateExpose: Rule = {
  id: 'expose-duplicate',
  aliases: [],
  category: 'expose',
  severity: 'warning',
  docs: {
    en: {
      title: 'Port exposed twice',
      explanation: 'The same port and protocol is already exposed in this image.',
    },
    'zh-cn': {
      title: '端口被重复 EXPOSE',
      explanation: '这个端口和协议在镜像中（包括父阶段）已经声明过，重复的声明没有任何作用。',
    },
  },
  check(ctx) {
    const ports = (ins: Instruction): Array<{ key: number | string; spec: PortSpec }> => {
      const keys: Array<{ key: number | string; spec: PortSpec }> = [];
      for (const p of portsOf(ins))
        if (p.from !== undefined && p.mapping === undefined) keys.push({ key: portKey(p), spec: p });
      return keys;
    };
    repeats(ctx, 'EXPOSE', ports, ({ spec }, first) => {
      const key = `${spec.ports}/${(spec.protocol ?? 'tcp').toLowerCase()}`;
      ctx.report(
        spec.word.range,
        text(`${key} is already exposed on line ${first + 1}.`, `${key} 已在第 ${first + 1} 行声明过。`),
      );
    });
  },
};
