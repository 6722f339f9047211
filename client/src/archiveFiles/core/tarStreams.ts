// Stream plumbing for tar archives: open a .tar or .tar.gz (by content, not by name), list and
// count entries without keeping bodies, and move an archive under the helper's mount point.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { extract, pack, type Header } from 'tar-stream';
import { checkArchive, checkHeader, ArchiveRejectedError, type ArchiveEntry } from './archiveRules';

/** tar-stream keeps PAX records (xattrs, long names) here; its type declarations omit it. */
type PaxHeader = Omit<Header, 'pax'> & { pax?: Record<string, string> | null };

export interface ArchiveCounts {
  /** Every entry, the root directory included. */
  entries: number;
  files: number;
  directories: number;
  symlinks: number;
  hardlinks: number;
  /** Sum of regular file sizes. */
  bytes: number;
}

/** Global PAX headers carry defaults for later entries; tar-stream passes them through as entries. */
function isGlobalPax(header: Header): boolean {
  return (header.type as string) === 'pax-global-header';
}

export function emptyCounts(): ArchiveCounts {
  return { entries: 0, files: 0, directories: 0, symlinks: 0, hardlinks: 0, bytes: 0 };
}

export function countEntry(counts: ArchiveCounts, header: Header): void {
  if (isGlobalPax(header)) return;
  counts.entries++;
  switch (header.type ?? 'file') {
    case 'directory':
      counts.directories++;
      break;
    case 'symlink':
      counts.symlinks++;
      break;
    case 'link':
      counts.hardlinks++;
      break;
    default:
      counts.files++;
      counts.bytes += header.size ?? 0;
  }
}

export function sameCounts(a: ArchiveCounts, b: ArchiveCounts): boolean {
  return (
    a.entries === b.entries &&
    a.files === b.files &&
    a.directories === b.directories &&
    a.symlinks === b.symlinks &&
    a.hardlinks === b.hardlinks &&
    a.bytes === b.bytes
  );
}

async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** The archive's tar bytes, gunzipped when the file is gzip; `onRead` sees raw file bytes. */
export async function openArchive(path: string, onRead?: (bytes: number) => void): Promise<Readable> {
  const gzip = await isGzip(path);
  const file = createReadStream(path);
  if (onRead) file.on('data', (chunk) => onRead(chunk.length));
  if (!gzip) return file;
  const gunzip = createGunzip();
  file.on('error', (error) => gunzip.destroy(error));
  return file.pipe(gunzip);
}

/**
 * Reads every header of a tar stream, skipping bodies, and calls `onEntry` for each.
 * Returns early (and destroys the source) when `onEntry` returns false.
 */
export async function walkTar(
  source: Readable,
  onEntry: (header: Header) => boolean | void,
  signal?: AbortSignal,
): Promise<void> {
  const reader = extract();
  let stopped = false;
  const feeding = pipeline(source, reader, { signal }).catch((error: unknown) => {
    if (!stopped) throw error;
  });
  try {
    for await (const entry of reader) {
      if (onEntry(entry.header) === false) {
        stopped = true;
        entry.resume();
        source.destroy();
        reader.destroy();
        break;
      }
      entry.resume();
    }
  } catch (error) {
    if (!stopped) {
      // The same failure also ends the feeding pipeline; report it once.
      await feeding.catch(() => undefined);
      throw error;
    }
  }
  await feeding;
}

export interface ScannedArchive {
  entries: ArchiveEntry[];
  counts: ArchiveCounts;
}

/** Lists and checks a whole archive; throws ArchiveRejectedError naming the first bad entry. */
export async function scanArchive(source: Readable, signal?: AbortSignal): Promise<ScannedArchive> {
  const entries: ArchiveEntry[] = [];
  const counts = emptyCounts();
  let rejected: ArchiveRejectedError | undefined;
  await walkTar(
    source,
    (header) => {
      const checked = checkHeader(header);
      if (checked === undefined) return true;
      if ('reason' in checked) {
        rejected = new ArchiveRejectedError(checked);
        return false;
      }
      entries.push(checked);
      countEntry(counts, header);
      return true;
    },
    signal,
  );
  if (rejected) throw rejected;
  const problem = checkArchive(entries);
  if (problem) throw new ArchiveRejectedError(problem);
  return { entries, counts };
}

/** Counts the entries of a tar stream. */
export async function countTar(source: Readable, signal?: AbortSignal): Promise<ArchiveCounts> {
  const counts = emptyCounts();
  await walkTar(source, (header) => countEntry(counts, header), signal);
  return counts;
}

function underRoot(root: string, name: string): string {
  return [root, ...name.split('/')].filter((part) => part !== '' && part !== '.').join('/');
}

/**
 * Re-packs a tar so that every entry sits under `root` (a helper's mount point, without a slash,
 * or '' for a container's own filesystem) and can be sent to the container's `/`. Unpacking at
 * `/` lets the engine find hard-link targets when it re-applies their mode, so set-uid files
 * that have hard links keep their bits.
 * Only ever fed archives that `scanArchive` accepted, or the engine's own output.
 */
export function rebaseTar(source: Readable, root: string): Readable {
  const reader = extract();
  const writer = pack();
  const out = new PassThrough();
  const copy = async (): Promise<void> => {
    for await (const entry of reader) {
      const header = { ...entry.header } as PaxHeader;
      if (isGlobalPax(entry.header)) {
        entry.resume();
        continue;
      }
      header.name = underRoot(root, header.name);
      // Under a container's own `/` (root ''), the archive's root entry would be `/` itself: never changed.
      if (header.name === '') {
        entry.resume();
        continue;
      }
      if (header.type === 'link' && header.linkname) header.linkname = underRoot(root, header.linkname);
      if (header.pax) {
        const { path: _path, linkpath: _linkpath, size: _size, ...rest } = header.pax;
        header.pax = Object.keys(rest).length > 0 ? rest : null;
      }
      await new Promise<void>((resolve, reject) => {
        const sink = writer.entry(header, (error) => (error ? reject(error) : resolve()));
        sink.on('error', reject);
        entry.on('error', reject);
        if (header.type !== 'file' && header.type !== 'contiguous-file') {
          entry.resume();
          return;
        }
        entry.on('data', (chunk) => {
          if (!sink.write(chunk)) {
            entry.pause();
            sink.once('drain', () => entry.resume());
          }
        });
        entry.on('end', () => sink.end(null));
      });
    }
    writer.finalize();
  };
  source.on('error', (error) => reader.destroy(error));
  source.pipe(reader);
  copy().catch((error: unknown) => {
    writer.destroy(error as Error);
    out.destroy(error as Error);
  });
  writer.on('error', (error) => out.destroy(error));
  out.once('close', () => {
    if (out.readableEnded) return;
    source.destroy();
    reader.destroy();
  });
  writer.pipe(out);
  return out;
}
