import { hasAnyFlag, hasWord, operands } from '../../lint/commandArgs';
import { pinDocs, pinRule } from './pins';

export const apkUnpinned = pinRule({
  id: 'apk-add-unpinned',
  alias: 'DL3018',
  programs: ['apk'],
  packages: ({ cmd }) =>
    hasWord(cmd, ['add'])
      ? operands(cmd, ['t', 'virtual', 'repository', 'X'])
          .map((w) => w.value)
          .filter((v) => v !== 'add')
      : [],
  pinned: (pkg) => /[=~<>]/.test(pkg) || pkg.endsWith('.apk'),
  example: 'apk add <package>=<version>',
  docs: pinDocs(
    { en: '`apk add` without a version', zh: '`apk add` 没有指定版本' },
    {
      en: 'Write `apk add flex=2.6.4-r1`, or `flex~2.6` to follow a release series. Alpine keeps only the current version of a package in each branch, so a pin to an exact release also fails loudly when it is gone, instead of silently installing another one.',
      zh: '请写成 `apk add flex=2.6.4-r1`，或者用 `flex~2.6` 跟随一个版本系列。Alpine 的每个分支只保留软件包的当前版本，所以精确的版本一旦被移除，构建会明确失败，而不是悄悄装上另一个版本。',
    },
  ),
});

const gitPrefixes = ['git://', 'git+ssh://', 'git+http://', 'git+https://'];
const folderPrefixes = ['/', './', '../', '~/'];
const tarballs = ['.tar', '.tar.gz', '.tgz'];

function npmPinned(pkg: string): boolean {
  if (gitPrefixes.some((p) => pkg.startsWith(p))) return pkg.includes('#');
  if (tarballs.some((s) => pkg.endsWith(s)) || folderPrefixes.some((p) => pkg.startsWith(p))) return true;
  // A scope (`@org/`) is no version: hadolint skips its leading name characters before looking.
  const name = pkg.startsWith('@') ? pkg.slice(/^[^\0-/]*/.exec(pkg)?.[0].length ?? 0) : pkg;
  return name.includes('@');
}

export const npmUnpinned = pinRule({
  id: 'npm-install-unpinned',
  alias: 'DL3016',
  programs: ['npm'],
  packages: ({ cmd }) => {
    if (!hasWord(cmd, ['install'])) return [];
    const words = operands(cmd, ['loglevel', 'registry']).map((w) => w.value);
    // `npm run x install` runs a script; only `npm [flags] install …` installs.
    if (words[0] !== 'install') return [];
    let k = 0;
    while (words[k] === 'install') k++;
    return words.slice(k);
  },
  pinned: npmPinned,
  example: 'npm install <package>@<version>',
  docs: pinDocs(
    { en: '`npm install <package>` without a version', zh: '`npm install <包>` 没有指定版本' },
    {
      en: 'Write `npm install express@4.18.2` (a tag or range works too), a git URL with `#<commit>`, or install from `package.json` and its lock file with `npm ci`. A bare `npm install` reads `package.json` and is not reported.',
      zh: '请写成 `npm install express@4.18.2`（也可以是标签或版本范围），git 地址则带上 `#<提交>`，或者用 `npm ci` 按 `package.json` 和锁文件安装。不带参数的 `npm install` 读取 `package.json`，不会被报告。',
    },
  ),
});

/** `gem install`'s gem names: words before `--`, with every option and the word after it left out. */
function gemNames(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    if (w === '--') break;
    if (w.startsWith('-')) k++;
    else if (w !== 'install' && w !== 'i') out.push(w);
  }
  return out;
}

export const gemUnpinned = pinRule({
  id: 'gem-install-unpinned',
  alias: 'DL3028',
  programs: ['gem'],
  packages: ({ cmd }) => {
    if (!hasWord(cmd, ['install', 'i'])) return [];
    const words = cmd.args.map((a) => a.value);
    if (words.some((w) => w === '-v' || w === '--version' || w.startsWith('--version='))) return [];
    return gemNames(words);
  },
  pinned: (gem) => gem.includes(':'),
  example: 'gem install <gem>:<version>',
  docs: pinDocs(
    { en: '`gem install` without a version', zh: '`gem install` 没有指定版本' },
    {
      en: 'Write `gem install bundler:2.5.6`, or `gem install bundler -v 2.5.6`.',
      zh: '请写成 `gem install bundler:2.5.6`，或者 `gem install bundler -v 2.5.6`。',
    },
  ),
});

const goNames: ReadonlySet<string> = new Set(['go']);

/** `go run` runs its first operand; `go install` and `go get` take all of theirs. */
function goPackages(words: readonly string[], run: boolean): string[] {
  if (run) return words.slice(0, 2).filter((w) => w !== 'run');
  return words.filter((w) => w !== 'install' && w !== 'get' && w !== 'tool');
}

export const goUnpinned = pinRule({
  id: 'go-install-unpinned',
  alias: 'DL3062',
  programs: ['go'],
  packages: ({ cmd }, [ins], ctx) => {
    const words = operands(cmd).map((w) => w.value);
    if (hasWord(cmd, ['run'])) return goPackages(words, true);
    if (!hasWord(cmd, ['install', 'get'])) return [];
    // As hadolint reads a RUN: with a `go run` in it, only what that runs is looked at.
    const runs = ctx.commandsNamed(ins, goNames).some(({ cmd: c }) => hasWord(c, ['run']));
    return runs ? [] : goPackages(words, false);
  },
  pinned: (pkg) =>
    pkg === '.' ||
    pkg.startsWith('/') ||
    pkg.startsWith('.') ||
    (pkg.includes('@') && !/@(latest|none)$/.test(pkg)),
  example: 'go install <package>@<version>',
  docs: pinDocs(
    { en: '`go install` without a version', zh: '`go install` 没有指定版本' },
    {
      en: 'Write `go install golang.org/x/tools/gopls@v0.15.3` (also for `go get` and `go run`); `@latest` is no pin. A local path (`.`, `./cmd/app`) is built from the sources and is not reported.',
      zh: '请写成 `go install golang.org/x/tools/gopls@v0.15.3`（`go get` 和 `go run` 也一样）；`@latest` 不算固定版本。本地路径（`.`、`./cmd/app`）从源码构建，不会被报告。',
    },
  ),
});

/** pip, pip3, pip3.12 and pipx, or python run as `python -m pip install`. */
function runsPip(name: string): boolean {
  return (name.startsWith('pip') && !name.startsWith('pipenv')) || name.startsWith('python');
}

/** The options of `pip install` that take a value (hadolint's list). */
const pipValued = [
  'abi',
  'b',
  'build',
  'e',
  'editable',
  'extra-index-url',
  'f',
  'find-links',
  'i',
  'index-url',
  'implementation',
  'no-binary',
  'only-binary',
  'platform',
  'prefix',
  'progress-bar',
  'proxy',
  'python',
  'python-version',
  'root',
  'root-user-action',
  'src',
  't',
  'target',
  'trusted-host',
  'upgrade-strategy',
];
// hadolint's list of pip's VCS schemes, matched as prefixes (so any name starting `git` or `svn`).
const vcsSchemes = [
  'git+file',
  'git+https',
  'git+ssh',
  'git+http',
  'git+git',
  'git',
  'hg+file',
  'hg+http',
  'hg+https',
  'hg+ssh',
  'hg+static-http',
  'svn',
  'bzr+http',
  'bzr+https',
  'bzr+ssh',
  'bzr+sftp',
  'bzr+ftp',
  'bzr+lp',
];
const versionSymbols = ['==', '>=', '<=', '>', '<', '!=', '~='];

function isPipInstall(cmd: { name: string; args: ReadonlyArray<{ value: string }> }): boolean {
  const words = cmd.args.map((a) => a.value);
  if (cmd.name.startsWith('pip')) return words.includes('install');
  for (let k = 0; k + 2 < words.length; k++)
    if (words[k] === '-m' && words[k + 1] === 'pip' && words[k + 2] === 'install') return true;
  return false;
}

function pipPinned(pkg: string): boolean {
  const vcs = vcsSchemes.some((scheme) => pkg.startsWith(scheme));
  return (
    versionSymbols.some((s) => pkg.includes(s)) ||
    (vcs && pkg.includes('@')) ||
    pkg.endsWith('.whl') ||
    pkg.endsWith('.tar.gz') ||
    (!vcs && pkg.includes('/'))
  );
}

export const pipUnpinned = pinRule({
  id: 'pip-install-unpinned',
  alias: 'DL3013',
  programs: [],
  programLike: runsPip,
  packages: ({ cmd }) => {
    if (!isPipInstall(cmd) || hasAnyFlag(cmd, ['constraint', 'c'])) return [];
    // Requirements from a file, or the project in the current folder, pin elsewhere.
    if (cmd.args.some((a) => a.value === '--requirement' || a.value === '-r' || a.value === '.')) return [];
    const words = operands(cmd, pipValued).map((w) => w.value);
    let k = words.indexOf('install');
    while (words[k] === 'install') k++;
    return k < 0 ? [] : words.slice(k);
  },
  pinned: pipPinned,
  example: 'pip install <package>==<version>',
  docs: pinDocs(
    { en: '`pip install <package>` without a version', zh: '`pip install <包>` 没有指定版本' },
    {
      en: 'Write `pip install flask==3.0.3` (or another specifier such as `>=`, `~=`), install from a requirements or constraints file (`-r`, `-c`), or from a wheel, an archive or a VCS URL with `@<ref>`.',
      zh: '请写成 `pip install flask==3.0.3`（也可以用 `>=`、`~=` 等限定符），或者从 requirements 或 constraints 文件安装（`-r`、`-c`），或者从 wheel、压缩包或带 `@<引用>` 的 VCS 地址安装。',
    },
  ),
});
