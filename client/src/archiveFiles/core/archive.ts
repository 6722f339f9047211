// The Engine API's archive endpoints on one file root: HEAD for one path's stat, GET for a tar of
// a path, PUT to unpack a tar. A root is a container and the folder in it that holds the files: a
// never-started helper with a volume at /v, or a user's container with its whole filesystem.
// Paths are relative to that folder ('' is the folder itself).
import * as l10n from '@vscode/l10n';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { CancelledError } from '../../shared/failures';
import { rebaseTar } from './tarStreams';

export interface FileRoot {
  container: Docker.Container;
  /** Where the files sit in the container, without slashes: 'v' for a volume helper, '' for a container. */
  base: string;
  /** True when nothing may lead out of `base` (a volume): links outside it are refused. */
  confined: boolean;
  /** What the user calls the root in messages, e.g. `volume "data"`. */
  label: string;
}

export type PathKind = 'file' | 'directory' | 'symlink' | 'other';

export interface PathStat {
  name: string;
  kind: PathKind;
  size: number;
  /** Permission bits with set-uid, set-gid and sticky, as in `stat`. */
  mode: number;
  mtime: Date;
  /** For a symlink: the target the engine resolved, as a path inside the root when it stays inside. */
  linkTarget?: string;
}

/** The absolute path in the container for a path inside the root. */
export function containerPath(root: FileRoot, path: string): string {
  return '/' + [root.base, path].filter((part) => part !== '').join('/');
}

/** The name a tar entry needs to land at `path` when the tar is unpacked at the container's `/`. */
export function tarName(root: FileRoot, path: string): string {
  return [root.base, path].filter((part) => part !== '').join('/');
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

/** Turns an engine-resolved absolute path into a path inside the root, if it stays inside. */
export function insideRoot(root: Pick<FileRoot, 'base'>, absolute: string): string | undefined {
  const clean = absolute.split('/').filter((part) => part !== '' && part !== '.');
  if (root.base === '') return clean.join('/');
  if (clean[0] !== root.base) return undefined;
  return clean.slice(1).join('/');
}

export class PathNotFoundError extends Error {
  constructor(
    readonly path: string,
    where = '',
  ) {
    super(
      where
        ? l10n.t('"{0}" does not exist in {1}', path || '/', where)
        : l10n.t('"{0}" does not exist', path || '/'),
    );
    this.name = 'PathNotFoundError';
  }
}

function isNotFound(error: unknown): boolean {
  return (error as { statusCode?: number }).statusCode === 404;
}

export async function statPath(root: FileRoot, path: string): Promise<PathStat> {
  let response: IncomingMessage;
  try {
    const answer: unknown = await root.container.infoArchive({ path: containerPath(root, path) });
    response = answer as IncomingMessage;
  } catch (error) {
    // A HEAD answer has no body, so a missing path and a missing container look alike: 404.
    if (isNotFound(error)) throw new PathNotFoundError(path, root.label);
    throw error;
  }
  response.resume();
  return decodeStat(root, response, path);
}

/** The stat of `path`, or undefined when nothing is there. */
export async function statIfAny(root: FileRoot, path: string): Promise<PathStat | undefined> {
  try {
    return await statPath(root, path);
  } catch (error) {
    if (error instanceof PathNotFoundError) return undefined;
    throw error;
  }
}

/** Both archive answers carry the path's stat in a header: base64 JSON with a Go file mode. */
function decodeStat(root: FileRoot, response: IncomingMessage, path: string): PathStat {
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
  if (kind === 'symlink' && raw.linkTarget) stat.linkTarget = insideRoot(root, raw.linkTarget);
  return stat;
}

/**
 * One path's tar, with its stat read from the same answer: a file costs one request, and a
 * folder's tar (possibly large) can be dropped unread.
 */
export async function getPath(
  root: FileRoot,
  path: string,
): Promise<{ stat: PathStat; tar: IncomingMessage }> {
  let response: IncomingMessage;
  try {
    const answer: unknown = await root.container.getArchive({ path: containerPath(root, path) });
    response = answer as IncomingMessage;
  } catch (error) {
    if (isNotFound(error)) throw new PathNotFoundError(path, root.label);
    throw error;
  }
  return { stat: decodeStat(root, response, path), tar: response };
}

/**
 * A tar of `path`. For a directory the names are relative to it (`./`, `./a`, ...), because the
 * path asks for its contents (`/.`), like `docker cp c:/dir/. -`.
 */
export async function getTar(
  root: FileRoot,
  path: string,
  contents: boolean,
  signal?: AbortSignal,
): Promise<Readable> {
  const target = containerPath(root, path);
  const asked = contents ? `${target === '/' ? '' : target}/.` : target;
  try {
    return (await root.container.getArchive({ path: asked, abortSignal: signal })) as unknown as Readable;
  } catch (error) {
    if (isNotFound(error)) throw new PathNotFoundError(path, root.label);
    throw error;
  }
}

/**
 * Unpacks `tar` (names relative to the root) into the root. Sent to `/` with names under the
 * root's base, see `rebaseTar`. Ownership comes from the archive (copyUIDGID stays off).
 */
export async function putTar(root: FileRoot, tar: Readable, signal?: AbortSignal): Promise<void> {
  await putAtTop(root.container, rebaseTar(tar, root.base), signal);
}

/** Sends a tar whose names are already full paths from the container's `/`. */
export async function putAtTop(
  container: Docker.Container,
  body: Readable,
  signal?: AbortSignal,
): Promise<void> {
  if (signal?.aborted) {
    body.destroy();
    throw new CancelledError();
  }
  // The request is aborted on cancel and on any failure of the body (a bad gzip, a read error).
  const request = new AbortController();
  const onAbort = (): void => request.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  const bodyFailed = new Promise<never>((_resolve, reject) => body.once('error', reject));
  bodyFailed.catch(() => undefined);
  try {
    await Promise.race([container.putArchive(body, { path: '/', abortSignal: request.signal }), bodyFailed]);
  } catch (error) {
    request.abort();
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (!body.readableEnded) body.destroy();
  }
}
