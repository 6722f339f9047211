import type { Instruction } from '../../parser';
import type { ShellCommand } from '../../lint/shellTypes';
import type { Rule } from '../../lint/types';
import { text } from '../../lint/report';
import { copyParts, flag } from '../../lint/util';

/** hadolint's list (Hadolint.Rule.archiveFileFormatExtensions): tar and what compresses one. */
const archiveExtensions = [
  '.tar',
  '.Z',
  '.bz2',
  '.gz',
  '.lz',
  '.lzma',
  '.tZ',
  '.tb2',
  '.tbz',
  '.tbz2',
  '.tgz',
  '.tlz',
  '.tpz',
  '.txz',
  '.xz',
];
const unpackers: ReadonlySet<string> = new Set([
  'tar',
  'unzip',
  'gunzip',
  'bunzip2',
  'unlzma',
  'unxz',
  'zgz',
  'uncompress',
  'zcat',
  'gzcat',
]);

function withoutQuotes(path: string): string {
  return path.replace(/^["']+|["']+$/g, '');
}

/** The last part of a path, Windows' too (`C:\app\x.tar`). */
function baseName(path: string): string {
  const bare = withoutQuotes(path);
  return bare.slice(Math.max(bare.lastIndexOf('/'), bare.lastIndexOf('\\')) + 1);
}

function isArchive(path: string): boolean {
  const bare = withoutQuotes(path);
  return archiveExtensions.some((ext) => bare.endsWith(ext));
}

/** `tar -x…`, `tar --extract`, or a decompressor, as hadolint tells them. */
function unpacks(cmd: ShellCommand): boolean {
  if (cmd.name !== 'tar') return true;
  return cmd.args.some(
    ({ value }) =>
      value === '--extract' || value === '--get' || (value.startsWith('-') && value.includes('x')),
  );
}

/** The archives a COPY brings, by file name: its destination when that is one, else its sources. */
function copiedArchives(ins: Instruction): string[] {
  const { sources, dest } = copyParts(ins);
  if (dest !== undefined && isArchive(dest)) return [baseName(dest)];
  return sources.filter(isArchive).map(baseName);
}

export const archiveExtractedAfterCopy: Rule = {
  id: 'archive-extracted-after-copy',
  aliases: ['DL3010'],
  category: 'layers',
  severity: 'info',
  docs: {
    en: {
      title: 'An archive COPY brings in is extracted by a later RUN',
      explanation:
        "The archive stays in the layer of the COPY even when the RUN deletes it afterwards, so the image carries it and its extracted files. `ADD app.tar.gz /opt/app/` extracts a local tar archive (plain, gzip, bzip2 or xz) into the destination in one layer, without the archive. As hadolint's DL3010: a COPY without `--from` of a file whose name ends in a tar or compression extension (`.tar`, `.tgz`, `.gz`, `.xz`…), in the same stage as a RUN that extracts it by that file name (`tar -x…`, `tar --extract`, `unzip`, `gunzip`…). ADD does not unpack a zip file or a compressed file that holds no tar archive: keep the COPY for those.",
    },
    'zh-cn': {
      title: 'COPY 进来的压缩包在后面的 RUN 里被解压',
      explanation:
        '即使 RUN 之后删掉了压缩包，它仍留在 COPY 的那一层里，所以镜像里既有压缩包也有解压出的文件。`ADD app.tar.gz /opt/app/` 会把本地的 tar 包（未压缩、gzip、bzip2 或 xz）在同一层里直接解压到目标目录，不留压缩包。与 hadolint 的 DL3010 一样：同一阶段里，不带 `--from` 的 COPY 复制了文件名以 tar 或压缩扩展名结尾（`.tar`、`.tgz`、`.gz`、`.xz`…）的文件，而后面的 RUN 按这个文件名解压它（`tar -x…`、`tar --extract`、`unzip`、`gunzip`…）。ADD 不会解开 zip 文件，也不会解开里面不是 tar 包的压缩文件：这些情况请保留 COPY。',
    },
  },
  check(ctx) {
    for (const stage of ctx.allStages) {
      const archives: Array<{ name: string; copy: Instruction; extractedAt?: number }> = [];
      for (const ins of stage.instructions) {
        if (ins.name === 'COPY' && ins.heredocs.length === 0 && flag(ins, 'from') === undefined) {
          for (const name of copiedArchives(ins)) archives.push({ name, copy: ins });
          continue;
        }
        if (ins.name !== 'RUN' || archives.length === 0) continue;
        for (const { cmd } of ctx.commandsNamed(ins, unpackers)) {
          if (!unpacks(cmd)) continue;
          const names = new Set(
            cmd.args.filter((a) => !a.value.startsWith('-')).map((a) => baseName(a.value)),
          );
          for (const archive of archives)
            if (archive.extractedAt === undefined && names.has(archive.name))
              archive.extractedAt = ins.range.start.line;
        }
      }
      const reported = new Set<Instruction>();
      for (const { name, copy, extractedAt } of archives) {
        if (extractedAt === undefined || reported.has(copy)) continue;
        reported.add(copy);
        ctx.report(
          copy.keywordRange,
          text(
            `${name} is extracted at line ${extractedAt + 1}, but stays in this COPY's layer: \`ADD\` extracts a local tar archive into the destination in one layer, without the archive.`,
            `${name} 在第 ${extractedAt + 1} 行被解压，但它仍留在这条 COPY 的层里：\`ADD\` 会在同一层里把本地 tar 包直接解压到目标目录，不留压缩包。`,
          ),
        );
      }
    }
  },
};
