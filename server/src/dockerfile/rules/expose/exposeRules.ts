import type { Rule } from '../../lint/types';
import { edit, fix } from '../../lint/util';
import { portsOf } from './ports';
import { text } from '../../lint/report';

const protocols: ReadonlySet<string> = new Set(['tcp', 'udp', 'sctp']);

const docsPublish = {
  en: ' EXPOSE only documents a port; it publishes nothing. `docker run -p 8080:80` (or `-P`) does.',
  zh: ' EXPOSE 只是说明端口，并不发布任何端口；真正发布的是 `docker run -p 8080:80`（或 `-P`）。',
};

export const exposeInvalidPort: Rule = {
  id: 'expose-invalid-port',
  aliases: ['DL3011'],
  category: 'expose',
  severity: 'error',
  docs: {
    en: {
      title: 'EXPOSE port is not a number between 1 and 65535',
      explanation:
        'A port is a number from 1 to 65535, or a range `8000-8010`; variables are allowed.' + docsPublish.en,
    },
    'zh-cn': {
      title: 'EXPOSE 的端口不是 1 到 65535 之间的数字',
      explanation: '端口是 1 到 65535 之间的数字，或范围 `8000-8010`；可以使用变量。' + docsPublish.zh,
    },
  },
  check(ctx) {
    for (const [ins] of ctx.ofKind('EXPOSE')) {
      for (const p of portsOf(ins)) {
        const word = p.word;
        if (p.hasVariable || p.mapping !== undefined) continue;
        const bad =
          p.from === undefined || p.to === undefined || p.from < 1 || p.to > 65535 || p.from > 65535;
        if (!bad) continue;
        ctx.report(
          word.range,
          text(
            `\`${p.ports}\` is not a port between 1 and 65535.`,
            `\`${p.ports}\` 不是 1 到 65535 之间的端口。`,
          ),
        );
      }
    }
  },
};

export const exposeProtocol: Rule = {
  id: 'expose-protocol',
  aliases: [],
  category: 'expose',
  severity: 'error',
  docs: {
    en: {
      title: 'EXPOSE protocol is not tcp, udp or sctp',
      explanation:
        'The protocol suffix is `/tcp` (the default), `/udp` or `/sctp`; Docker refuses any other. (Their casing is expose-proto-casing.)' +
        docsPublish.en,
    },
    'zh-cn': {
      title: 'EXPOSE 的协议不是 tcp、udp 或 sctp',
      explanation:
        '协议后缀只能是 `/tcp`（默认）、`/udp` 或 `/sctp`；其他协议 Docker 会拒绝。（大小写见 expose-proto-casing。）' +
        docsPublish.zh,
    },
  },
  check(ctx) {
    for (const [ins] of ctx.ofKind('EXPOSE')) {
      for (const p of portsOf(ins)) {
        const word = p.word;
        if (p.protocol === undefined || p.hasVariable || protocols.has(p.protocol.toLowerCase())) continue;
        ctx.report(
          word.range,
          text(
            `\`${p.protocol}\` is not a protocol Docker knows: use tcp, udp or sctp.`,
            `Docker 不认识 \`${p.protocol}\` 这个协议：请用 tcp、udp 或 sctp。`,
          ),
        );
      }
    }
  },
};

export const exposeProtoCasing: Rule = {
  id: 'expose-proto-casing',
  aliases: ['ExposeProtoCasing'],
  category: 'expose',
  severity: 'warning',
  docs: {
    en: {
      title: 'EXPOSE protocol not in lower case',
      explanation:
        'Docker reads `80/TCP` as `80/tcp`, but the image config, `docker inspect` and every example write the protocol in lower case; BuildKit warns about it too.',
    },
    'zh-cn': {
      title: 'EXPOSE 的协议不是小写',
      explanation:
        'Docker 会把 `80/TCP` 当作 `80/tcp`，但镜像配置、`docker inspect` 和所有示例都用小写协议；BuildKit 也会对此给出警告。',
    },
  },
  check(ctx) {
    for (const [ins] of ctx.ofKind('EXPOSE')) {
      for (const p of portsOf(ins)) {
        const word = p.word;
        if (p.protocol === undefined || p.hasVariable) continue;
        const lower = p.protocol.toLowerCase();
        if (lower === p.protocol || !protocols.has(lower)) continue;
        const start = word.range.end.character - p.protocol.length;
        const range = { start: { line: word.range.end.line, character: start }, end: word.range.end };
        ctx.report(
          range,
          text(`Write the protocol in lower case: \`${lower}\`.`, `协议请用小写：\`${lower}\`。`),
          fix(text(`Change to ${lower}`, `改为 ${lower}`), edit(range, lower)),
        );
      }
    }
  },
};

export const exposeMapping: Rule = {
  id: 'expose-host-mapping',
  aliases: ['ExposeInvalidFormat'],
  category: 'expose',
  severity: 'error',
  docs: {
    en: {
      title: 'EXPOSE with a `host:container` or `ip:port` mapping',
      explanation:
        'Which host port or address to use is decided when running, never in the image: `EXPOSE 80:80` belongs to `docker run -p 80:80`. EXPOSE takes only the container port.' +
        docsPublish.en,
    },
    'zh-cn': {
      title: 'EXPOSE 写了 `宿主机:容器` 或 `ip:端口` 映射',
      explanation:
        '用哪个宿主机端口或地址是在运行时决定的，而不是写进镜像：`EXPOSE 80:80` 应该是 `docker run -p 80:80`。EXPOSE 只写容器端口。' +
        docsPublish.zh,
    },
  },
  check(ctx) {
    for (const [ins] of ctx.ofKind('EXPOSE')) {
      for (const p of portsOf(ins)) {
        const word = p.word;
        if (p.mapping === undefined) continue;
        const kept = p.ports + (p.protocol !== undefined ? `/${p.protocol}` : '');
        ctx.report(
          word.range,
          text(
            `\`${word.value}\` is a publish mapping; it belongs to \`docker run -p ${word.value}\`. EXPOSE takes only the container port (\`${kept}\`).`,
            `\`${word.value}\` 是发布映射，应该写在 \`docker run -p ${word.value}\` 里。EXPOSE 只写容器端口（\`${kept}\`）。`,
          ),
          fix(text(`Keep only ${kept}`, `只保留 ${kept}`), edit(word.range, kept)),
        );
      }
    }
  },
};

export const exposeReversedRange: Rule = {
  id: 'expose-reversed-range',
  aliases: [],
  category: 'expose',
  severity: 'error',
  docs: {
    en: {
      title: 'EXPOSE range with its ends reversed',
      explanation: 'A range is written low-high: `8000-8010`.',
    },
    'zh-cn': { title: 'EXPOSE 端口范围写反了', explanation: '端口范围应写成从小到大：`8000-8010`。' },
  },
  check(ctx) {
    for (const [ins] of ctx.ofKind('EXPOSE')) {
      for (const p of portsOf(ins)) {
        const word = p.word;
        if (p.from === undefined || p.to === undefined || p.from <= p.to || p.hasVariable) continue;
        const fixed = word.value.replace(p.ports, `${p.to}-${p.from}`);
        ctx.report(
          word.range,
          text(
            `The range ${p.ports} is reversed: write ${p.to}-${p.from}.`,
            `端口范围 ${p.ports} 写反了：应为 ${p.to}-${p.from}。`,
          ),
          fix(text(`Change to ${p.to}-${p.from}`, `改为 ${p.to}-${p.from}`), edit(word.range, fixed)),
        );
      }
    }
  },
};
