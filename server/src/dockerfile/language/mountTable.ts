// The mount types of `RUN --mount` and the options each takes (BuildKit's
// frontend/dockerfile/instructions/commands_runmount.go).
import { docs, type Docs } from './flagTable';

export interface MountOption {
  readonly name: string;
  /** The mount types that take it. */
  readonly types: readonly string[];
  readonly values?: readonly string[];
  /** Written without `=value` (`readonly`, `required`). */
  readonly boolean?: true;
  readonly stage?: true;
  readonly docs: Docs;
}

export const mountTypes = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'] as const;

export const mountOptions: readonly MountOption[] = [
  {
    name: 'target',
    types: mountTypes,
    docs: docs('Where the mount appears in the RUN.', '挂载在 RUN 中出现的位置。'),
  },
  {
    name: 'source',
    types: ['bind', 'cache'],
    docs: docs('The path in `from` to mount (default its root).', '`from` 中要挂载的路径（默认根目录）。'),
  },
  {
    name: 'from',
    types: ['bind', 'cache'],
    stage: true,
    docs: docs(
      'A stage or image to mount from (default the build context).',
      '挂载来源的阶段或镜像（默认构建上下文）。',
    ),
  },
  {
    name: 'id',
    types: ['cache', 'secret', 'ssh'],
    docs: docs('The id of the cache, secret or SSH socket.', '缓存、机密或 SSH 套接字的 id。'),
  },
  {
    name: 'sharing',
    types: ['cache'],
    values: ['shared', 'private', 'locked'],
    docs: docs(
      'How concurrent builds share the cache (default `shared`).',
      '并发构建如何共享缓存（默认 `shared`）。',
    ),
  },
  {
    name: 'readonly',
    types: ['bind', 'cache'],
    boolean: true,
    docs: docs('Mount read-only.', '以只读方式挂载。'),
  },
  {
    name: 'rw',
    types: ['bind'],
    boolean: true,
    docs: docs('Allow writes (they are discarded after the RUN).', '允许写入（RUN 结束后丢弃）。'),
  },
  {
    name: 'required',
    types: ['secret', 'ssh'],
    boolean: true,
    docs: docs(
      'Fail the build when the secret or SSH agent is missing.',
      '缺少该机密或 SSH 代理时构建失败。',
    ),
  },
  {
    name: 'env',
    types: ['secret'],
    docs: docs('Expose the secret as this environment variable.', '把机密作为该环境变量提供。'),
  },
  {
    name: 'mode',
    types: ['cache', 'secret', 'ssh'],
    values: ['0400', '0644', '0755'],
    docs: docs('File mode of the mount, octal.', '挂载的文件权限，八进制。'),
  },
  {
    name: 'uid',
    types: ['cache', 'secret', 'ssh'],
    docs: docs('User id owning the mount.', '挂载的属主用户 id。'),
  },
  {
    name: 'gid',
    types: ['cache', 'secret', 'ssh'],
    docs: docs('Group id owning the mount.', '挂载的属组 id。'),
  },
  {
    name: 'size',
    types: ['tmpfs'],
    docs: docs('Size limit of the tmpfs, in bytes.', 'tmpfs 的大小上限，单位字节。'),
  },
];

export const mountTypeDocs: Readonly<Record<(typeof mountTypes)[number], Docs>> = {
  bind: docs(
    'Files from the build context or a stage, read-only by default.',
    '来自构建上下文或阶段的文件，默认只读。',
  ),
  cache: docs(
    'A cache directory kept between builds (package managers, compilers).',
    '在多次构建之间保留的缓存目录（包管理器、编译器）。',
  ),
  tmpfs: docs('An empty in-memory directory.', '一个空的内存目录。'),
  secret: docs(
    'A secret file (or variable) that never ends up in the image.',
    '不会进入镜像的机密文件（或变量）。',
  ),
  ssh: docs("The client's SSH agent socket.", '客户端的 SSH 代理套接字。'),
};
