// The flags BuildKit accepts on each instruction (frontend/dockerfile/instructions/parse.go and
// commands_run*.go) and their values. Completion, signature help and hover read this table.
import type { RuleLanguage } from '../../../../common/rules';

export type Docs = Readonly<Record<RuleLanguage, string>>;

export interface FlagSpec {
  readonly name: string;
  /** A flag without `=value` (`--link`); `--link=false` is accepted too. */
  readonly boolean?: true;
  /** May be given more than once (`--mount`, `--exclude`). */
  readonly repeatable?: true;
  /** What the value looks like, for the snippet and signature: `<user>:<group>`. */
  readonly placeholder: string;
  /** The values to offer after `=`. */
  readonly values?: readonly string[];
  /** The value names a stage (`--from`). */
  readonly stage?: true;
  readonly docs: Docs;
}

export function docs(en: string, zh: string): Docs {
  return { en, 'zh-cn': zh };
}

const chown: FlagSpec = {
  name: 'chown',
  placeholder: '<user>:<group>',
  docs: docs(
    'Owner of the copied files, e.g. `1000:1000` or `app:app`.',
    '复制后文件的属主，例如 `1000:1000` 或 `app:app`。',
  ),
};
const chmod: FlagSpec = {
  name: 'chmod',
  placeholder: '<mode>',
  values: ['644', '755', '0444', 'u=rwX,go=rX'],
  docs: docs('Permissions of the copied files, octal or symbolic.', '复制后文件的权限，八进制或符号形式。'),
};
const link: FlagSpec = {
  name: 'link',
  boolean: true,
  placeholder: 'true|false',
  docs: docs(
    'Copy into a layer of its own, independent of the layers below: the copy is reused even when the base changes.',
    '复制到独立的一层，不依赖下面的层：基础镜像变化时这一层仍可复用。',
  ),
};
const exclude: FlagSpec = {
  name: 'exclude',
  repeatable: true,
  placeholder: '<path pattern>',
  docs: docs('Leave out the sources matching this pattern.', '排除匹配该模式的源文件。'),
};

export const flagTable: Readonly<Record<string, readonly FlagSpec[]>> = {
  FROM: [
    {
      name: 'platform',
      placeholder: '<platform>',
      values: [
        '$BUILDPLATFORM',
        '$TARGETPLATFORM',
        'linux/amd64',
        'linux/arm64',
        'linux/arm/v7',
        'windows/amd64',
      ],
      docs: docs(
        'The platform of the base image, e.g. `$BUILDPLATFORM` for a stage that cross-compiles.',
        '基础镜像的平台，例如交叉编译的阶段用 `$BUILDPLATFORM`。',
      ),
    },
  ],
  RUN: [
    {
      name: 'mount',
      repeatable: true,
      placeholder: 'type=<bind|cache|tmpfs|secret|ssh>,target=<path>',
      docs: docs(
        'A mount for this RUN only: a cache (`type=cache`), a secret, the SSH agent, a tmpfs, or files bound from the context or a stage.',
        '只在这条 RUN 中使用的挂载：缓存（`type=cache`）、机密、SSH 代理、tmpfs，或从上下文、阶段绑定的文件。',
      ),
    },
    {
      name: 'network',
      placeholder: '<default|none|host>',
      values: ['default', 'none', 'host'],
      docs: docs(
        'The network of this RUN: `none` cuts it off, `host` needs the `network.host` entitlement.',
        '这条 RUN 的网络：`none` 断开网络，`host` 需要 `network.host` 权限。',
      ),
    },
    {
      name: 'security',
      placeholder: '<sandbox|insecure>',
      values: ['sandbox', 'insecure'],
      docs: docs(
        '`insecure` runs this RUN privileged; it needs the `security.insecure` entitlement.',
        '`insecure` 以特权方式运行这条 RUN；需要 `security.insecure` 权限。',
      ),
    },
    {
      name: 'device',
      repeatable: true,
      placeholder: '<name>[,required]',
      docs: docs(
        'A CDI device for this RUN (Dockerfile labs).',
        '这条 RUN 使用的 CDI 设备（Dockerfile labs）。',
      ),
    },
  ],
  COPY: [
    {
      name: 'from',
      stage: true,
      placeholder: '<stage|image>',
      docs: docs(
        'Copy from an earlier stage (name or index) or an image instead of the build context.',
        '从前面的阶段（名字或序号）或镜像复制，而不是从构建上下文复制。',
      ),
    },
    chown,
    chmod,
    link,
    {
      name: 'parents',
      boolean: true,
      placeholder: 'true|false',
      docs: docs('Keep the parent directories of the sources.', '保留源文件的上级目录结构。'),
    },
    exclude,
  ],
  ADD: [
    chown,
    chmod,
    link,
    {
      name: 'checksum',
      placeholder: 'sha256:<digest>',
      values: ['sha256:'],
      docs: docs('The checksum a remote source must have.', '远程源必须匹配的校验和。'),
    },
    {
      name: 'keep-git-dir',
      boolean: true,
      placeholder: 'true|false',
      docs: docs('Keep the `.git` directory of a Git source.', '保留 Git 源中的 `.git` 目录。'),
    },
    {
      name: 'unpack',
      boolean: true,
      placeholder: 'true|false',
      docs: docs('Whether to unpack an archive source.', '是否解压归档类型的源。'),
    },
    exclude,
  ],
  HEALTHCHECK: [
    {
      name: 'interval',
      placeholder: '<duration>',
      values: ['30s', '10s', '1m'],
      docs: docs('Time between checks (default 30s).', '两次检查之间的间隔（默认 30s）。'),
    },
    {
      name: 'timeout',
      placeholder: '<duration>',
      values: ['30s', '5s', '10s'],
      docs: docs('A check taking longer fails (default 30s).', '超过该时间的检查视为失败（默认 30s）。'),
    },
    {
      name: 'start-period',
      placeholder: '<duration>',
      values: ['0s', '10s', '1m'],
      docs: docs(
        'Failures in this time after start do not count (default 0s).',
        '启动后这段时间内的失败不计入（默认 0s）。',
      ),
    },
    {
      name: 'start-interval',
      placeholder: '<duration>',
      values: ['5s', '1s'],
      docs: docs(
        'Time between checks during the start period (default 5s).',
        '启动期内两次检查之间的间隔（默认 5s）。',
      ),
    },
    {
      name: 'retries',
      placeholder: '<n>',
      values: ['3', '5'],
      docs: docs(
        'Failures in a row before the container is unhealthy (default 3).',
        '连续失败多少次后容器变为 unhealthy（默认 3）。',
      ),
    },
  ],
};
