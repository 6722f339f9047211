import type { RuleLanguage } from '../../../../common/rules';

type Doc = Readonly<Record<RuleLanguage, string>>;

/** What each instruction does and the pitfalls the user's notes teach, in English and Chinese. */
export const instructionDocs: Readonly<Record<string, Doc>> = {
  FROM: {
    en: '**FROM** `image[:tag|@digest] [AS name]` starts a build stage from a base image.\n\nWithout a tag it means `:latest`, which moves: pin a version. Prefer small bases (`-slim`, `-alpine`). `AS name` lets later stages `COPY --from=name`; only the last stage becomes the image unless you build with `--target`.',
    'zh-cn':
      '**FROM** `镜像[:标签|@摘要] [AS 名字]` 以一个基础镜像开始一个构建阶段。\n\n不写标签就是 `:latest`，它会变：请固定版本。优先选小镜像（`-slim`、`-alpine`）。`AS 名字` 让后面的阶段可以 `COPY --from=名字`；除非用 `--target`，只有最后一个阶段成为最终镜像。',
  },
  RUN: {
    en: '**RUN** runs a command at build time and commits the result as a new read-only **layer**.\n\nEvery RUN is a layer: chain related commands with `&& \\` and clean up (`rm -rf /var/lib/apt/lists/*`) in the *same* RUN, since a later RUN cannot shrink an earlier layer. Run `apt-get update && apt-get install` together. Shell form runs `/bin/sh -c`; exec form `["prog","arg"]` runs without a shell. `RUN cd` does not persist: use WORKDIR.',
    'zh-cn':
      '**RUN** 在构建时执行命令，并把结果提交为一个新的只读**镜像层**。\n\n每条 RUN 都是一层：用 `&& \\` 串起相关命令，并在*同一条* RUN 里清理（`rm -rf /var/lib/apt/lists/*`），因为后面的 RUN 无法缩小前面的层。`apt-get update && apt-get install` 要写在一起。shell 形式运行 `/bin/sh -c`；exec 形式 `["prog","arg"]` 不经过 shell。`RUN cd` 不会保留：请用 WORKDIR。',
  },
  CMD: {
    en: '**CMD** sets the default command, or default arguments for ENTRYPOINT.\n\n`docker run image other args` **replaces** CMD. Only the last CMD counts. Prefer the exec form `["nginx", "-g", "daemon off;"]` (double quotes, each argument separate): in shell form `/bin/sh` is PID 1 and your process never receives `docker stop`\'s SIGTERM.',
    'zh-cn':
      '**CMD** 设置默认命令，或作为 ENTRYPOINT 的默认参数。\n\n`docker run 镜像 其他参数` 会**替换** CMD。只有最后一条 CMD 生效。请用 exec 形式 `["nginx", "-g", "daemon off;"]`（双引号，每个参数分开）：shell 形式下 `/bin/sh` 是 1 号进程，你的进程收不到 `docker stop` 的 SIGTERM。',
  },
  ENTRYPOINT: {
    en: '**ENTRYPOINT** sets the program the container always runs; CMD and `docker run` arguments are appended to it.\n\nUnlike CMD it is **not** replaced by `docker run` arguments (only by `--entrypoint`). Use the exec form; in shell form it ignores CMD and run arguments and does not receive signals.',
    'zh-cn':
      '**ENTRYPOINT** 设置容器总是运行的程序；CMD 和 `docker run` 的参数会追加在后面。\n\n与 CMD 不同，它**不会**被 `docker run` 的参数替换（只能用 `--entrypoint`）。请用 exec 形式；shell 形式会忽略 CMD 和运行参数，也收不到信号。',
  },
  EXPOSE: {
    en: '**EXPOSE** `port[/tcp|udp|sctp]` **only documents** which ports the app listens on. It publishes nothing: `docker run -p 8080:80` (or `-P` for all exposed ports) does. `host:container` mappings belong to `-p`, never to EXPOSE. Under `--network host`, `-p` is ignored.',
    'zh-cn':
      '**EXPOSE** `端口[/tcp|udp|sctp]` **只是说明**应用监听哪些端口，并不发布任何端口：真正发布的是 `docker run -p 8080:80`（或用 `-P` 发布所有 EXPOSE 的端口）。`宿主机:容器` 映射属于 `-p`，不能写在 EXPOSE 里。`--network host` 下 `-p` 会被忽略。',
  },
  VOLUME: {
    en: '**VOLUME** `/path` marks a mount point. Every `docker run` without `-v` for that path creates a **new anonymous volume** with a random name: not shared between containers, kept after the container is removed, piling up until `docker volume prune`. Name it at run time: `docker run -v appdata:/path`. The JSON form must be valid: `VOLUME ["/data"]`. With the classic builder, RUN changes under a declared volume are discarded: declare it last.',
    'zh-cn':
      '**VOLUME** `/路径` 声明一个挂载点。每次不带该路径 `-v` 的 `docker run` 都会创建一个随机名字的**新匿名卷**：不在容器之间共享，容器删除后仍保留，直到 `docker volume prune` 前不断堆积。运行时请命名：`docker run -v appdata:/path`。JSON 形式必须合法：`VOLUME ["/data"]`。使用经典构建器时，声明之后 RUN 在卷内的修改会被丢弃：请最后再声明。',
  },
  WORKDIR: {
    en: '**WORKDIR** sets the working directory for the following RUN, CMD, ENTRYPOINT, COPY and ADD, creating it if needed. A **relative** path is resolved against the previous WORKDIR and accumulates: `WORKDIR /a`, `WORKDIR b`, `WORKDIR c` gives `/a/b/c`. Use absolute paths.',
    'zh-cn':
      '**WORKDIR** 设置后续 RUN、CMD、ENTRYPOINT、COPY、ADD 的工作目录，不存在时自动创建。**相对**路径基于上一个 WORKDIR 累加：`WORKDIR /a`、`WORKDIR b`、`WORKDIR c` 得到 `/a/b/c`。请用绝对路径。',
  },
  ENV: {
    en: '**ENV** `key=value …` sets environment variables for later instructions **and the running container**. Values are stored in the image config (visible to anyone): never put secrets here. Changing a value busts the build cache for everything after it. Build-only settings (e.g. `DEBIAN_FRONTEND`) belong in ARG.',
    'zh-cn':
      '**ENV** `key=value …` 为后续指令**和运行中的容器**设置环境变量。值保存在镜像配置中（任何人可见）：不要放机密。修改值会让其后所有指令的缓存失效。只在构建时需要的设置（如 `DEBIAN_FRONTEND`）请用 ARG。',
  },
  ARG: {
    en: '**ARG** `name[=default]` declares a build argument (`--build-arg name=value`). An ARG before the first FROM is only visible to FROM lines: re-declare `ARG name` inside a stage to use it there. Build args appear in `docker history`: not for secrets (use `RUN --mount=type=secret`).',
    'zh-cn':
      '**ARG** `名字[=默认值]` 声明构建参数（`--build-arg 名字=值`）。第一个 FROM 之前的 ARG 只对 FROM 行可见：要在阶段内使用，请在该阶段里再写一次 `ARG 名字`。构建参数会出现在 `docker history` 中：不要用于机密（请用 `RUN --mount=type=secret`）。',
  },
  COPY: {
    en: '**COPY** `[--from=stage] [--chown=u:g] [--chmod=mode] src… dest` copies files from the build context (or a stage) into a new layer. Copy dependency manifests first and `COPY . .` after installing dependencies, so code edits do not bust the install cache. Set owner and mode here rather than with a later `RUN chown` (which stores the files twice). Keep a `.dockerignore`.',
    'zh-cn':
      '**COPY** `[--from=阶段] [--chown=u:g] [--chmod=权限] 源… 目标` 从构建上下文（或某个阶段）复制文件到新的一层。先复制依赖清单，安装依赖之后再 `COPY . .`，这样改代码不会打破安装依赖的缓存。属主和权限请在这里设置，而不是之后 `RUN chown`（那会把文件存两份）。请准备 `.dockerignore`。',
  },
  ADD: {
    en: '**ADD** is COPY plus magic: it also **unpacks local tar archives** and **fetches URLs** (and git repositories). Prefer COPY for plain files. For URLs pin the content with `--checksum=sha256:…`, or download and verify in a RUN.',
    'zh-cn':
      '**ADD** 是带“魔法”的 COPY：还会**解压本地 tar 归档**、**下载 URL**（以及 git 仓库）。复制普通文件请用 COPY。下载 URL 请用 `--checksum=sha256:…` 固定内容，或在 RUN 里下载并校验。',
  },
  USER: {
    en: '**USER** `name|uid[:group]` sets the user for later RUN, CMD and ENTRYPOINT. Without it the container runs as **root**. Create an unprivileged user and switch to it once root-only steps are done (or drop privileges in the entrypoint with gosu/su-exec).',
    'zh-cn':
      '**USER** `名字|uid[:组]` 设置后续 RUN、CMD、ENTRYPOINT 使用的用户。没有它容器就以 **root** 运行。请创建非特权用户，在需要 root 的步骤完成后切换过去（或在入口脚本中用 gosu/su-exec 降权）。',
  },
  LABEL: {
    en: '**LABEL** `key=value …` adds metadata to the image. Use the OCI keys, e.g. `org.opencontainers.image.authors`, `.source`, `.version` (this replaces MAINTAINER).',
    'zh-cn':
      '**LABEL** `key=value …` 给镜像添加元数据。请使用 OCI 规范的键，例如 `org.opencontainers.image.authors`、`.source`、`.version`（用来代替 MAINTAINER）。',
  },
  MAINTAINER: {
    en: '**MAINTAINER** is deprecated. Use `LABEL org.opencontainers.image.authors="name <mail>"`.',
    'zh-cn': '**MAINTAINER** 已弃用。请用 `LABEL org.opencontainers.image.authors="名字 <邮箱>"`。',
  },
  ONBUILD: {
    en: '**ONBUILD** `INSTRUCTION` registers an instruction to run when another image is built `FROM` this one. It cannot trigger FROM, MAINTAINER or ONBUILD. Surprising for downstream users: use sparingly.',
    'zh-cn':
      '**ONBUILD** `指令` 注册一条在别的镜像 `FROM` 本镜像构建时才执行的指令。不能触发 FROM、MAINTAINER 或 ONBUILD。会让下游使用者意外：请谨慎使用。',
  },
  HEALTHCHECK: {
    en: '**HEALTHCHECK** `[--interval=30s --timeout=30s --start-period=0s --retries=3] CMD command` tells Docker how to test that the container still works; `HEALTHCHECK NONE` disables an inherited one. Only the last one counts.',
    'zh-cn':
      '**HEALTHCHECK** `[--interval=30s --timeout=30s --start-period=0s --retries=3] CMD 命令` 告诉 Docker 如何检查容器是否仍然正常；`HEALTHCHECK NONE` 关闭继承来的检查。只有最后一条生效。',
  },
  SHELL: {
    en: '**SHELL** `["executable", "param"]` changes the shell used by shell-form RUN, CMD and ENTRYPOINT (default `["/bin/sh", "-c"]`), e.g. `["/bin/bash", "-o", "pipefail", "-c"]` so a failing `curl | tar` fails the build.',
    'zh-cn':
      '**SHELL** `["可执行文件", "参数"]` 更改 shell 形式的 RUN、CMD、ENTRYPOINT 使用的 shell（默认 `["/bin/sh", "-c"]`），例如 `["/bin/bash", "-o", "pipefail", "-c"]`，让失败的 `curl | tar` 也能让构建失败。',
  },
  STOPSIGNAL: {
    en: '**STOPSIGNAL** `signal` sets the signal `docker stop` sends (default SIGTERM); after the timeout Docker sends SIGKILL.',
    'zh-cn':
      '**STOPSIGNAL** `信号` 设置 `docker stop` 发送的信号（默认 SIGTERM）；超时后 Docker 发送 SIGKILL。',
  },
};
