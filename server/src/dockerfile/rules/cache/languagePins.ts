import { hasWord, operands } from '../../lint/commandArgs';
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
