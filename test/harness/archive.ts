// A container's files put and read with the engine's own archive endpoints, never through
// Berth's code, so that a test checks Berth's writes (and prepares its reads) independently.
import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { extract, pack } from 'tar-stream';

export interface SeedFile {
  /** Relative to the container's `/`, e.g. `srv/app.conf`. */
  name: string;
  body: string;
  uid?: number;
  mode?: number;
}

/** Unpacks `files` at the container's `/`; folders on the way are made by the engine. */
export async function seedFiles(container: Docker.Container, files: readonly SeedFile[]): Promise<void> {
  const archive = pack();
  for (const file of files)
    archive.entry(
      { name: file.name, mode: file.mode ?? 0o644, uid: file.uid ?? 0, gid: file.uid ?? 0 },
      file.body,
    );
  archive.finalize();
  await container.putArchive(archive as unknown as NodeJS.ReadableStream, { path: '/' });
}

export interface ArchivedFile {
  body: string;
  uid: number;
  gid: number;
  /** Permission bits with set-uid, set-gid and sticky. */
  mode: number;
}

/** One file as the engine's archive endpoint hands it out. */
export async function readArchivedFile(container: Docker.Container, path: string): Promise<ArchivedFile> {
  const tar = (await container.getArchive({ path })) as unknown as Readable;
  const unpack = extract();
  tar.pipe(unpack);
  let found: ArchivedFile | undefined;
  for await (const entry of unpack) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) if (Buffer.isBuffer(chunk)) chunks.push(chunk);
    found ??= {
      body: Buffer.concat(chunks).toString('utf8'),
      uid: entry.header.uid ?? -1,
      gid: entry.header.gid ?? -1,
      mode: (entry.header.mode ?? 0) & 0o7777,
    };
  }
  if (!found) throw new Error(`the engine's archive of ${path} holds no entry`);
  return found;
}
