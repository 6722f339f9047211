// Small tars Berth writes itself: each entry is named by its path inside a root and packed under
// the root's base, for the archive endpoint to unpack at the container's `/`.
import { PassThrough, type Readable } from 'node:stream';
import { pack, type Header } from 'tar-stream';
import { tarName, type FileRoot } from './archive';

export interface PackEntry {
  /** Path inside the root. */
  path: string;
  type: 'file' | 'directory' | 'symlink' | 'link';
  mode: number;
  uid: number;
  gid: number;
  mtime?: Date;
  /** A symlink's target as written; for a hard link, the path inside the root it links to. */
  linkname?: string;
  /** A file's bytes, or a stream of exactly `size` bytes. */
  body?: Uint8Array | { size: number; open(): Readable };
}

type HeaderArgument = Partial<Header> & Pick<Header, 'name'>;

function headerOf(root: FileRoot, entry: PackEntry, mtime: Date): HeaderArgument {
  const header: HeaderArgument = {
    name: tarName(root, entry.path),
    type: entry.type,
    mode: entry.mode,
    uid: entry.uid,
    gid: entry.gid,
    mtime: entry.mtime ?? mtime,
  };
  if (entry.type === 'link') header.linkname = tarName(root, entry.linkname ?? '');
  if (entry.type === 'symlink') header.linkname = entry.linkname;
  if (entry.type === 'file') header.size = bodySize(entry.body);
  return header;
}

function bodySize(body: PackEntry['body']): number {
  if (!body) return 0;
  return body instanceof Uint8Array ? body.byteLength : body.size;
}

/** A tar of `entries`, in order; file bodies are streamed one at a time. */
export function packEntries(root: FileRoot, entries: readonly PackEntry[]): Readable {
  const archive = pack();
  const out = new PassThrough();
  const now = new Date();
  const write = async (): Promise<void> => {
    for (const entry of entries) {
      const header = headerOf(root, entry, now);
      const body = entry.body;
      if (entry.type !== 'file' || !body || body instanceof Uint8Array) {
        await new Promise<void>((resolve, reject) => {
          const done = (error?: Error | null): void => (error ? reject(error) : resolve());
          if (body instanceof Uint8Array) archive.entry(header, Buffer.from(body), done);
          else archive.entry(header, done);
        });
        continue;
      }
      await new Promise<void>((resolve, reject) => {
        const sink = archive.entry(header, (error) => (error ? reject(error) : resolve()));
        const source = body.open();
        sink.on('error', reject);
        source.on('error', (error) => {
          sink.destroy(error);
          reject(error);
        });
        // The sink is a streamx stream: copied by hand, with backpressure.
        source.on('data', (chunk: Buffer) => {
          if (!sink.write(chunk)) {
            source.pause();
            sink.once('drain', () => source.resume());
          }
        });
        source.on('end', () => sink.end(null));
      });
    }
    archive.finalize();
  };
  write().catch((error: unknown) => {
    archive.destroy(error as Error);
    out.destroy(error as Error);
  });
  archive.on('error', (error) => out.destroy(error));
  archive.pipe(out);
  return out;
}
