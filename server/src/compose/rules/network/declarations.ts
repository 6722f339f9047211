// Names a service uses that the project never declares, and declarations nobody uses.
import { text } from '../../../dockerfile/lint/report';
import { interpolation, type ServiceDecl } from '../../parse/model';
import { declareEdit } from '../edits';
import type { ComposeContext, ComposeRule } from '../context';

export const undeclaredNetwork: ComposeRule = {
  id: 'undeclared-network',
  aliases: [],
  category: 'network',
  severity: 'error',
  docs: {
    en: {
      title: 'A service joins a network the file does not declare',
      explanation:
        'Every network a service lists under `networks:` must be declared under the top-level `networks:` (only `default` exists without it). `docker compose up` refuses the project: "service refers to undefined network".',
    },
    'zh-cn': {
      title: '服务加入了文件中没有声明的网络',
      explanation:
        '服务在 `networks:` 下列出的每个网络都必须在顶层 `networks:` 中声明（只有 `default` 无需声明）。否则 `docker compose up` 会拒绝整个项目："service refers to undefined network"。',
    },
  },
  check(ctx) {
    const declared = ctx.declared('network');
    for (const service of ctx.file.services) {
      for (const n of service.networks ?? []) {
        if (n.name === 'default' || declared.has(n.name) || interpolation.test(n.name)) continue;
        ctx.report({
          range: n.range,
          message: text(
            `Service \`${service.name}\` joins network \`${n.name}\`, which is not declared under the top-level \`networks:\`; docker compose refuses the file.`,
            `服务 \`${service.name}\` 加入了网络 \`${n.name}\`，但它没有在顶层 \`networks:\` 中声明；docker compose 会拒绝这个文件。`,
          ),
          fix: {
            title: text(`Declare network \`${n.name}\``, `声明网络 \`${n.name}\``),
            edits: [declareEdit(ctx.file, 'network', n.name)],
          },
        });
      }
    }
  },
};

/** A service that uses the `default` network: it lists none and has no network_mode. */
function joinsDefault(service: ServiceDecl): boolean {
  return !service.networkMode && (service.networks === undefined || service.networks.length === 0);
}

function unused(kind: 'network' | 'volume'): ComposeRule {
  const en = kind === 'network' ? 'network' : 'volume';
  const zh = kind === 'network' ? '网络' : '卷';
  return {
    id: `unused-${kind}`,
    aliases: [],
    category: kind === 'network' ? 'network' : 'volume',
    severity: 'info',
    docs: {
      en: {
        title: `A declared ${en} no service uses`,
        explanation: `No service of the project uses this ${en}. Compose leaves it out, so it is either left over or a service forgot to list it.`,
      },
      'zh-cn': {
        title: `声明了但没有服务使用的${zh}`,
        explanation: `项目中没有任何服务使用这个${zh}。Compose 会忽略它：要么是遗留的声明，要么是某个服务忘了列出它。`,
      },
    },
    check(ctx: ComposeContext) {
      const services = ctx.allServices;
      // A service extended from another file may use it; that file is not read here.
      if (services.some((s) => s.extendsFile !== undefined)) return;
      const used = new Set(
        ctx.allFiles.flatMap((f) =>
          f.symbols.filter((s) => s.kind === kind && !s.declaration).map((s) => s.name),
        ),
      );
      if (kind === 'network' && services.some(joinsDefault)) used.add('default');
      for (const decl of kind === 'network' ? ctx.file.networks : ctx.file.volumes) {
        if (used.has(decl.name)) continue;
        ctx.report({
          range: decl.keyRange,
          message: text(
            `No service uses the ${en} \`${decl.name}\`.`,
            `没有任何服务使用${zh} \`${decl.name}\`。`,
          ),
        });
      }
    },
  };
}

export const unusedNetwork = unused('network');
export const unusedVolume = unused('volume');
