// The Engine API's archive endpoints on a helper: HEAD for one path's stat, GET for a tar of a
// path, PUT to unpack a tar. Paths are inside the volume ('' is its root).
import * as l10n from '@vscode/l10n';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { CancelledError } from '../../shared/failures';
import { isNotFound } from './engineErrors';
import { mountRoot } from './helpers';
import { rebaseTar } from './tarStreams';

export type PathKind = 'file' | 'directory' | 'symlink' | 'other';

export interface PathStat {
  name: string;
  kind: PathKind;
  size: number;
  /** Permission bits with set-uid, set-gid and sticky, as in `stat`. */
  mode: number;
  mtime: Date;
  /** For a symlink: the target the engine resolved, as a path inside the volume when it stays inside. */
  linkTarget?: string;
}

export function containerPath(path: string): string {
  return path === '' ? `/${mountRoot}` : `/${mountRoot}/${path}`;
}

// Go's os.FileMode bits, which the engine's path-stat header uses.
const goModeDir = 2 ** 31;
const goModeSymlink = 2 ** 27;
const goModeNamedPipe = 2 ** 25;
const goModeDevice = 2 ** 26;
const goModeSocket = 2 ** 24;
const goModeSetuid = 2 ** 23;
const goModeSetgid = 2 ** 22;
const goModeSticky = 2 ** 20;

function hasBit(mode: number, bit: number): boolean {
  return Math.floor(mode / bit) % 2 === 1;
}

export function decodeGoMode(mode: number): { kind: PathKind; mode: number } {
  let perm = mode % 0o1000;
  if (hasBit(mode, goModeSetuid)) perm |= 0o4000;
  if (hasBit(mode, goModeSetgid)) perm |= 0o2000;
  if (hasBit(mode, goModeSticky)) perm |= 0o1000;
  let kind: PathKind = 'file';
  if (hasBit(mode, goModeDir)) kind = 'directory';
  else if (hasBit(mode, goModeSymlink)) kind = 'symlink';
  else if (hasBit(mode, goModeNamedPipe) || hasBit(mode, goModeDevice) || hasBit(mode, goModeSocket))
    kind = 'other';
  return { kind, mode: perm };
}

/** Turns an engine-resolved absolute link target into a volume path, if it stays in the volume. */
export function insideVolume(absolute: string): string | undefined {
  const root = `/${mountRoot}`;
  if (absolute === root) return '';
  if (absolute.startsWith(`${root}/`)) return absolute.slice(root.length + 1);
  return undefined;
}

export class PathNotFoundError extends Error {
  constructor(readonly path: string) {
    super(l10n.t('"{0}" does not exist in the volume', path || '/'));
    this.name = 'PathNotFoundError';
  }
}

export async function statPath(helper: Docker.Container, path: string): Promise<PathStat> {
  let response: IncomingMessage;
  try {
    const answer: unknown = await helper.infoArchive({ path: containerPath(path) });
    response = answer as IncomingMessage;
  } catch (error) {
    // A HEAD answer has no body, so a missing path and a missing helper look alike: 404.
    if (isNotFound(error)) throw new PathNotFoundError(path);
    throw error;
  }
  response.resume();
  return decodeStat(response, path);
}

/** Both archive answers carry the path's stat in a header: base64 JSON with a Go file mode. */
function decodeStat(response: IncomingMessage, path: string): PathStat {
  const encoded = response.headers['x-docker-container-path-stat'];
  if (typeof encoded !== 'string')
    throw new Error(l10n.t('The engine returned no stat for "{0}"', path || '/'));
  const raw = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as {
    name: string;
    size: number;
    mode: number;
    mtime: string;
    linkTarget?: string;
  };
  const { kind, mode } = decodeGoMode(raw.mode);
  const stat: PathStat = { name: raw.name, kind, size: raw.size, mode, mtime: new Date(raw.mtime) };
  if (kind === 'symlink' && raw.linkTarget) stat.linkTarget = insideVolume(raw.linkTarget);
  return stat;
}

/**
 * One path's tar, with its stat read from the same answer: a file costs one request, and a
 * folder's tar (possibly large) can be dropped unread.
 */
export async function getPath(
  helper: Docker.Container,
  path: string,
): Promise<{ stat: PathStat; tar: IncomingMessage }> {
  let response: IncomingMessage;
  try {
    const answer: unknown = await helper.getArchive({ path: containerPath(path) });
    response = answer as IncomingMessage;
  } catch (error) {
    if (isNotFound(error)) throw new PathNotFoundError(path);
    throw error;
  }
  return { stat: decodeStat(response, path), tar: response };
}

/**
 * A tar of `path`. For a directory the names are relative to it (`./`, `./a`, ...), because the
 * path asks for its contents (`/.`), like `docker cp c:/dir/. -`.
 */
export async function getTar(
  helper: Docker.Container,
  path: string,
  contents: boolean,
  signal?: AbortSignal,
): Promise<Readable> {
  const target = contents ? `${containerPath(path)}/.` : containerPath(path);
  return (await helper.getArchive({ path: target, abortSignal: signal })) as unknown as Readable;
}

/**
 * Unpacks `tar` (names relative to the volume root) into the helper's volume. Sent to `/` with
 * names under `v/`, see `rebaseTar`. Ownership comes from the archive (copyUIDGID stays off).
 */
export async function putTar(helper: Docker.Container, tar: Readable, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) throw new CancelledError();
  const body = rebaseTar(tar, mountRoot);
  // The request is aborted on cancel and on any failure of the body (a bad gzip, a read error).
  const request = new AbortController();
  const onAbort = (): void => request.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  const bodyFailed = new Promise<never>((_resolve, reject) => body.once('error', reject));
  bodyFailed.catch(() => undefined);
  try {
    await Promise.race([helper.putArchive(body, { path: '/', abortSignal: request.signal }), bodyFailed]);
  } catch (error) {
    request.abort();
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (!body.readableEnded) body.destroy();
  }
}
