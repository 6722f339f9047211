// Variables a Dockerfile can read without declaring them, and where each one is visible.
import type { RuleLanguage } from '../../../../common/rules';

/**
 * - `platform`: BuildKit sets these in the global scope: FROM lines see them; a stage sees one
 *   only after `ARG NAME` (docs: "Automatic platform ARGs in the global scope").
 * - `proxy`: passed with `--build-arg` without an ARG; BuildKit hands them to RUN's environment.
 * - `buildkit`: build arguments that change how BuildKit builds; read only when declared.
 * - `environment`: in the environment of every build step (PATH).
 */
export type PredefinedKind = 'platform' | 'proxy' | 'buildkit' | 'environment';

export interface PredefinedVariable {
  readonly name: string;
  readonly kind: PredefinedKind;
  readonly docs: Readonly<Record<RuleLanguage, string>>;
}

function variable(name: string, kind: PredefinedKind, en: string, zh: string): PredefinedVariable {
  return { name, kind, docs: { en, 'zh-cn': zh } };
}

const platform = (name: string, en: string, zh: string): PredefinedVariable =>
  variable(name, 'platform', en, zh);
const proxy = (name: string): PredefinedVariable =>
  variable(
    name,
    'proxy',
    'A proxy setting passed with `--build-arg`; BuildKit gives it to RUN without an `ARG`, and leaves it out of `docker history`.',
    '用 `--build-arg` 传入的代理设置；不用 `ARG` 声明，BuildKit 也会把它交给 RUN，且不写入 `docker history`。',
  );
const buildkit = (name: string, en: string, zh: string): PredefinedVariable =>
  variable(name, 'buildkit', en, zh);

export const predefinedVariables: readonly PredefinedVariable[] = [
  platform(
    'TARGETPLATFORM',
    'The platform of the build result, e.g. `linux/amd64`, `linux/arm/v7`.',
    '构建结果的平台，例如 `linux/amd64`、`linux/arm/v7`。',
  ),
  platform(
    'TARGETOS',
    'The OS of TARGETPLATFORM, e.g. `linux`.',
    'TARGETPLATFORM 的操作系统，例如 `linux`。',
  ),
  platform(
    'TARGETARCH',
    'The architecture of TARGETPLATFORM, e.g. `amd64`, `arm64`.',
    'TARGETPLATFORM 的架构，例如 `amd64`、`arm64`。',
  ),
  platform(
    'TARGETVARIANT',
    'The variant of TARGETPLATFORM, e.g. `v7`.',
    'TARGETPLATFORM 的变体，例如 `v7`。',
  ),
  platform('BUILDPLATFORM', 'The platform of the node performing the build.', '执行构建的节点的平台。'),
  platform('BUILDOS', 'The OS of BUILDPLATFORM.', 'BUILDPLATFORM 的操作系统。'),
  platform('BUILDARCH', 'The architecture of BUILDPLATFORM.', 'BUILDPLATFORM 的架构。'),
  platform('BUILDVARIANT', 'The variant of BUILDPLATFORM.', 'BUILDPLATFORM 的变体。'),
  ...[
    'HTTP_PROXY',
    'http_proxy',
    'HTTPS_PROXY',
    'https_proxy',
    'FTP_PROXY',
    'ftp_proxy',
    'NO_PROXY',
    'no_proxy',
    'ALL_PROXY',
    'all_proxy',
  ].map(proxy),
  buildkit(
    'BUILDKIT_BUILD_NAME',
    'Overrides the build name in `buildx history`.',
    '覆盖 `buildx history` 中显示的构建名。',
  ),
  buildkit('BUILDKIT_CACHE_MOUNT_NS', 'A namespace for cache mount ids.', '缓存挂载 id 的命名空间。'),
  buildkit(
    'BUILDKIT_CONTEXT_KEEP_GIT_DIR',
    'Keep the `.git` directory of a Git context.',
    '保留 Git 构建上下文中的 `.git` 目录。',
  ),
  buildkit(
    'BUILDKIT_INLINE_CACHE',
    'Write inline cache metadata into the image config.',
    '把内联缓存元数据写入镜像配置。',
  ),
  buildkit(
    'BUILDKIT_MULTI_PLATFORM',
    'Deterministic output whether the build is multi-platform or not.',
    '无论是否多平台构建，都输出确定的结果。',
  ),
  buildkit(
    'BUILDKIT_SANDBOX_HOSTNAME',
    'The hostname RUN sees (default `buildkitsandbox`).',
    'RUN 看到的主机名（默认 `buildkitsandbox`）。',
  ),
  buildkit(
    'BUILDKIT_SYNTAX',
    'The frontend image; `dockerfile.v0` ignores the `# syntax=` directive.',
    '前端镜像；设为 `dockerfile.v0` 时忽略 `# syntax=` 指令。',
  ),
  buildkit(
    'SOURCE_DATE_EPOCH',
    'The Unix time stamped on the image and its layers, for reproducible builds.',
    '写入镜像及其层的 Unix 时间戳，用于可重现构建。',
  ),
  variable(
    'PATH',
    'environment',
    'The search path of every build step; Docker sets a default even for `FROM scratch`.',
    '每个构建步骤的命令搜索路径；即使是 `FROM scratch`，Docker 也会设置默认值。',
  ),
];

const byName = new Map(predefinedVariables.map((v) => [v.name, v]));

export function predefinedVariable(name: string): PredefinedVariable | undefined {
  return byName.get(name);
}

/** The platform ARGs every FROM line sees. */
export const platformArgs: readonly string[] = predefinedVariables
  .filter((v) => v.kind === 'platform')
  .map((v) => v.name);
