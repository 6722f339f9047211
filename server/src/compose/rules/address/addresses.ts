// Static addresses: only on a network with a declared subnet, inside it, and each used once.
import { contains, parseAddress, parseCidr, type Cidr } from '../../../../../common/ip';
import { text } from '../../../dockerfile/lint/report';
import { interpolation, type Located, type ResourceDecl } from '../../parse/model';
import type { ComposeContext, ComposeRule } from '../context';

interface StaticAddress {
  service: string;
  network: string;
  address: Located;
  family: 4 | 6;
}

function staticAddresses(ctx: ComposeContext): StaticAddress[] {
  const out: StaticAddress[] = [];
  for (const s of ctx.file.services) {
    for (const n of s.networks ?? []) {
      for (const [address, family] of [
        [n.ipv4, 4],
        [n.ipv6, 6],
      ] as const) {
        if (address && !interpolation.test(address.text))
          out.push({ service: s.name, network: n.name, address, family });
      }
    }
  }
  return out;
}

function declaration(ctx: ComposeContext, name: string): ResourceDecl | undefined {
  return ctx.allFiles.flatMap((f) => f.networks).find((d) => d.name === name);
}

function subnets(decl: ResourceDecl): Cidr[] {
  return decl.ipam
    .map((c) => (c.subnet ? parseCidr(c.subnet.text) : undefined))
    .filter((c): c is Cidr => !!c);
}

export const staticAddressNoSubnet: ComposeRule = {
  id: 'static-address-no-subnet',
  aliases: [],
  category: 'address',
  severity: 'error',
  docs: {
    en: {
      title: 'A fixed address on a network without a declared subnet',
      explanation:
        'The engine gives a container a fixed IP only on a network created with an explicit subnet (the notes: `--ip` works only with `docker network create --subnet`). Declare `ipam: config: - subnet: …` on the network, or drop the fixed address.',
    },
    'zh-cn': {
      title: '在没有声明子网的网络上使用固定地址',
      explanation:
        '只有用显式子网创建的网络才能给容器分配固定 IP（笔记中：`--ip` 只在 `docker network create --subnet` 创建的网络上有效）。请在网络上声明 `ipam: config: - subnet: …`，或去掉固定地址。',
    },
  },
  check(ctx) {
    for (const a of staticAddresses(ctx)) {
      const decl = declaration(ctx, a.network);
      // An external network's subnet is known only on the engine; the default network never has one here.
      if (decl?.external) continue;
      if (decl && decl.ipam.some((c) => c.subnet && interpolation.test(c.subnet.text))) continue;
      if (decl && subnets(decl).some((c) => c.family === a.family)) continue;
      ctx.report({
        range: a.address.range,
        message: text(
          `\`${a.address.text}\` is a fixed address on \`${a.network}\`, which declares no IPv${a.family} subnet; the engine refuses it ("user specified IP address is supported only when connecting to networks with user configured subnets").`,
          `\`${a.address.text}\` 是网络 \`${a.network}\` 上的固定地址，但该网络没有声明 IPv${a.family} 子网；引擎会拒绝（"user specified IP address is supported only when connecting to networks with user configured subnets"）。`,
        ),
      });
    }
  },
};

export const addressOutsideSubnet: ComposeRule = {
  id: 'address-outside-subnet',
  aliases: [],
  category: 'address',
  severity: 'error',
  docs: {
    en: {
      title: "A fixed address outside the network's subnet",
      explanation:
        'The address must lie inside one of the subnets declared under the network\'s `ipam.config`; the engine refuses it otherwise ("no configured subnet contains IP address").',
    },
    'zh-cn': {
      title: '固定地址不在网络的子网内',
      explanation:
        '地址必须位于网络 `ipam.config` 中声明的某个子网内；否则引擎会拒绝（"no configured subnet contains IP address"）。',
    },
  },
  check(ctx) {
    for (const a of staticAddresses(ctx)) {
      const decl = declaration(ctx, a.network);
      if (!decl || decl.external) continue;
      const own = subnets(decl).filter((c) => c.family === a.family);
      const address = parseAddress(a.address.text);
      if (own.length === 0) continue;
      if (!address) {
        ctx.report({
          range: a.address.range,
          message: text(
            `\`${a.address.text}\` is not an IPv${a.family} address.`,
            `\`${a.address.text}\` 不是 IPv${a.family} 地址。`,
          ),
        });
        continue;
      }
      if (own.some((c) => contains(c, address))) continue;
      const list = decl.ipam
        .map((c) => c.subnet?.text ?? '')
        .filter((t) => parseCidr(t)?.family === a.family)
        .join(', ');
      ctx.report({
        range: a.address.range,
        message: text(
          `\`${a.address.text}\` is outside the subnet of \`${a.network}\` (${list}); the engine refuses it.`,
          `\`${a.address.text}\` 不在网络 \`${a.network}\` 的子网（${list}）内；引擎会拒绝。`,
        ),
      });
    }
  },
};

export const duplicateStaticAddress: ComposeRule = {
  id: 'duplicate-static-address',
  aliases: [],
  category: 'address',
  severity: 'error',
  docs: {
    en: {
      title: 'The same fixed address twice on one network',
      explanation:
        'Two services ask for the same IP on the same network; the second one fails to start ("Address already in use").',
    },
    'zh-cn': {
      title: '同一网络上两次使用同一个固定地址',
      explanation: '两个服务在同一网络上请求同一个 IP；第二个会启动失败（"Address already in use"）。',
    },
  },
  check(ctx) {
    const seen = new Map<string, StaticAddress>();
    for (const a of staticAddresses(ctx)) {
      const parsed = parseAddress(a.address.text);
      const key = `${a.network}|${parsed ? `${parsed.family}:${parsed.value}` : a.address.text}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, a);
        continue;
      }
      ctx.report({
        range: a.address.range,
        message: text(
          `\`${a.address.text}\` on \`${a.network}\` is already taken by service \`${first.service}\`; only one container can have it.`,
          `网络 \`${a.network}\` 上的 \`${a.address.text}\` 已被服务 \`${first.service}\` 使用；同一地址只能分给一个容器。`,
        ),
      });
    }
  },
};
