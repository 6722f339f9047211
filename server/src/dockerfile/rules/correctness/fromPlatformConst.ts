import type { Rule } from '../../lint/types';
import { unquote } from '../../lint/util';
import { text } from '../../lint/report';

// containerd's platforms.Parse, as BuildKit reads a constant --platform: the operating systems
// and architectures it knows, and the architecture spellings it normalizes.
const knownOS = new Set(
  'aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd plan9 solaris wasip1 windows zos'.split(
    ' ',
  ),
);
const archAliases: Record<string, string> = {
  i386: '386',
  x86_64: 'amd64',
  'x86-64': 'amd64',
  aarch64: 'arm64',
  armhf: 'arm',
  armel: 'arm',
};
const knownArch = new Set(
  '386 amd64 amd64p32 arm armbe arm64 arm64be loong64 mips mipsle mips64 mips64le mips64p32 mips64p32le ppc ppc64 ppc64le riscv riscv64 s390 s390x sparc sparc64 wasm'.split(
    ' ',
  ),
);

/** The OS and architecture a constant `--platform` names, or undefined when BuildKit could not parse it. */
function parsePlatform(value: string): { os: string; arch: string } | undefined {
  const parts = value.split('/');
  if (parts.length > 3 || parts.some((p) => !/^[A-Za-z0-9_.-]+$/.test(p))) return undefined;
  const arch = (a: string): string => archAliases[a.toLowerCase()] ?? a.toLowerCase();
  const os = (o: string): string => (o.toLowerCase() === 'macos' ? 'darwin' : o.toLowerCase());
  if (parts.length > 1) return { os: os(parts[0]), arch: arch(parts[1]) };
  if (knownOS.has(os(parts[0]))) return { os: os(parts[0]), arch: '' };
  if (knownArch.has(arch(parts[0]))) return { os: 'linux', arch: arch(parts[0]) };
  return undefined;
}

export const fromPlatformConst: Rule = {
  id: 'from-platform-constant',
  aliases: ['FromPlatformFlagConstDisallowed'],
  category: 'correctness',
  severity: 'warning',
  docs: {
    en: {
      title: '`FROM --platform` with a constant platform',
      explanation:
        '`FROM --platform=linux/amd64` builds that stage for one platform whatever `docker build --platform` asks for, so the Dockerfile cannot produce a multi-platform image. Leave the flag out, or use a variable such as `$BUILDPLATFORM` for a stage whose tools run on the build machine. A stage meant for one platform says so in its name (`build_amd64`), and is not reported, as in BuildKit.',
    },
    'zh-cn': {
      title: '`FROM --platform` 使用了常量平台',
      explanation:
        '`FROM --platform=linux/amd64` 无论 `docker build --platform` 指定什么，都只为一个平台构建该阶段，这个 Dockerfile 因而无法产出多平台镜像。请去掉这个标志，或对工具在构建机上运行的阶段使用 `$BUILDPLATFORM` 等变量。专为某个平台的阶段应在名字里写明（`build_amd64`），与 BuildKit 一样不会被报告。',
    },
  },
  check(ctx) {
    for (const stage of ctx.stages) {
      const platform = stage.from.flags.find((f) => f.name === 'platform');
      const value = platform?.value === undefined ? '' : unquote(platform.value);
      if (!platform || value === '' || value.includes('$')) continue;
      const parsed = parsePlatform(value);
      if (!parsed) continue;
      const name = stage.name ?? '';
      if (name.includes(parsed.os) || (parsed.arch !== '' && name.includes(parsed.arch))) continue;
      ctx.report(
        platform.range,
        text(
          `\`--platform=${value}\` builds this stage for ${value} only, whatever platform the build asks for: leave it out or use a variable like $BUILDPLATFORM.`,
          `\`--platform=${value}\` 无论构建要求什么平台，都只为 ${value} 构建这个阶段：请去掉它，或使用 $BUILDPLATFORM 等变量。`,
        ),
      );
    }
  },
};
