import { hasWord, operands } from '../../lint/commandArgs';
import { pinDocs, pinRule } from './pins';

/** apt-get's options that take a value: the value is no package. */
const takesValue = ['t', 'target-release', 'o', 'option', 'c', 'config-file'];

export const aptUnpinned = pinRule({
  id: 'apt-install-unpinned',
  alias: 'DL3008',
  programs: ['apt-get'],
  packages: ({ cmd }) =>
    hasWord(cmd, ['install'])
      ? operands(cmd, takesValue)
          .map((w) => w.value)
          .filter((v) => v !== 'install')
      : [],
  // As hadolint: `pkg=version`, a release (`pkg/bookworm-backports`) or a local .deb file.
  pinned: (pkg) => pkg.includes('=') || pkg.includes('/') || pkg.endsWith('.deb'),
  example: 'apt-get install -y <package>=<version>',
  docs: pinDocs(
    { en: '`apt-get install` without a version', zh: '`apt-get install` 没有指定版本' },
    {
      en: 'Write `apt-get install -y curl=7.88.1-10+deb12u5`, or `curl=7.88.*` to take the fixes of one release; `pkg/bookworm-backports` (a release) and a local `.deb` count as pinned. Debian and Ubuntu keep only the current version of a package in a suite, so an exact pin fails the build once a security update replaces it: many teams pin the base image by digest instead, and leave this rule at information or turn it off.',
      zh: '请写成 `apt-get install -y curl=7.88.1-10+deb12u5`，或者用 `curl=7.88.*` 接收同一版本的修复；`pkg/bookworm-backports`（指定发行版）和本地 `.deb` 文件也算固定。Debian 和 Ubuntu 的每个套件只保留软件包的当前版本，所以精确固定的版本在安全更新替换它之后会让构建失败：许多团队改为用摘要固定基础镜像，并让这条规则保持为提示或把它关掉。',
    },
  ),
});
