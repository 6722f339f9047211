// Back up a volume to a .tar or .tar.gz on the host. The engine's tar is written as it comes
// (plus gzip), counted on the way, then read back from disk and counted again; the file gets its
// final name only when both counts agree, so a cancel or an error never leaves a partial archive.
import * as l10n from '@vscode/l10n';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Transform, type TransformCallback, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { extract } from 'tar-stream';
import { getTar } from '../../archiveFiles/core/archive';
import { CancelledError } from '../../shared/failures';
import { throwIfAborted } from './engineErrors';
import type { Helpers } from './helpers';
import {
  countEntry,
  countTar,
  emptyCounts,
  openArchive,
  sameCounts,
  type ArchiveCounts,
} from '../../archiveFiles/core/tarStreams';

export interface BackupOptions {
  volume: string;
  /** Where the archive goes; gzip when it ends in .gz or .tgz. */
  destination: string;
  signal?: AbortSignal;
  /** Tar bytes received from the engine so far. */
  onProgress?: (bytes: number) => void;
}

export interface BackupResult {
  counts: ArchiveCounts;
  /** Size of the written file. */
  archiveBytes: number;
}

export function wantsGzip(path: string): boolean {
  return /\.(t?gz)$/i.test(path);
}

/** Passes bytes through unchanged while a tar parser counts the entries in them. */
export class CountingTee extends Transform {
  readonly counts = emptyCounts();
  bytes = 0;
  private readonly parser = extract();
  private readonly parsed: Promise<void>;

  constructor(private readonly onBytes?: (bytes: number) => void) {
    super();
    this.parsed = (async () => {
      for await (const entry of this.parser) {
        countEntry(this.counts, entry.header);
        entry.resume();
      }
    })();
    this.parsed.catch(() => undefined);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    this.onBytes?.(this.bytes);
    this.push(chunk);
    if (this.parser.write(chunk)) done();
    else this.parser.once('drain', () => done());
  }

  override _flush(done: TransformCallback): void {
    this.parser.end(null);
    this.parsed.then(() => done(), done);
  }

  override _destroy(error: Error | null, done: (error: Error | null) => void): void {
    this.parser.destroy();
    done(error);
  }
}

export async function backupVolume(helpers: Helpers, options: BackupOptions): Promise<BackupResult> {
  const { volume, destination, signal } = options;
  throwIfAborted(signal);
  const partial = `${destination}.berth-partial-${randomBytes(4).toString('hex')}`;
  try {
    const tee = new CountingTee(options.onProgress);
    await helpers.withHelper(volume, true, async (root) => {
      const source = await getTar(root, '', true, signal);
      const stages: (Transform | Writable)[] = [tee];
      if (wantsGzip(destination)) stages.push(createGzip());
      stages.push(createWriteStream(partial, { flags: 'wx' }));
      await pipeline([source, ...stages], { signal });
    });
    throwIfAborted(signal);
    let archiveBytes = 0;
    const written = await countTar(await openArchive(partial, (n) => (archiveBytes += n)), signal);
    if (!sameCounts(written, tee.counts)) {
      throw new Error(
        l10n.t(
          'The written archive does not match the volume: {0} on disk, {1} in the volume. The archive was not kept.',
          describeCounts(written),
          describeCounts(tee.counts),
        ),
      );
    }
    await rename(partial, destination);
    return { counts: written, archiveBytes };
  } catch (error) {
    await rm(partial, { force: true });
    if (signal?.aborted) throw new CancelledError();
    throw error;
  }
}

export function describeCounts(counts: ArchiveCounts): string {
  return l10n.t(
    '{0} entries ({1} files, {2} folders, {3} symlinks, {4} hard links), {5} bytes',
    counts.entries,
    counts.files,
    counts.directories,
    counts.symlinks,
    counts.hardlinks,
    counts.bytes,
  );
}
