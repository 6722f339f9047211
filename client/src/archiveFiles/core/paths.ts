// Paths inside a file root, checked before anything reaches the engine: `..`, absolute names, NUL
// and over-long names are refused with a message that says what is wrong and how to fix it.
import * as l10n from '@vscode/l10n';
import { randomBytes } from 'node:crypto';
import { PathRefusedError } from './errors';

/** Linux refuses longer file names (NAME_MAX, in bytes). */
const maxNameBytes = 255;

/** Normalises a path inside a root (`a//b/./c` → `a/b/c`, '' for the root); refuses `..` and NUL. */
export function cleanPath(path: string): string {
  if (path.includes('\0')) throw new PathRefusedError(l10n.t('"{0}" contains a NUL character.', path));
  const parts = path.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.includes('..'))
    throw new PathRefusedError(
      l10n.t('"{0}" climbs out of its folder with "..". Use a path inside it, without "..".', path),
    );
  return parts.join('/');
}

/**
 * Why `name`, typed for something new inside a folder, cannot be used, or undefined. Slashes make
 * sub-folders (`conf/app.ini`), as in the Explorer.
 */
export function newNameProblem(name: string): string | undefined {
  if (name.trim() === '') return l10n.t('Enter a name.');
  if (name.startsWith('/'))
    return l10n.t(
      '"{0}" is an absolute path. Enter a name relative to the folder, without a leading "/".',
      name,
    );
  if (name.includes('\0')) return l10n.t('A name cannot contain a NUL character.');
  const parts = name.split('/').filter((part) => part !== '');
  if (parts.some((part) => part === '..' || part === '.'))
    return l10n.t('"{0}" uses "." or ".." as a name. Enter a name inside the folder.', name);
  const long = parts.find((part) => Buffer.byteLength(part) > maxNameBytes);
  if (long !== undefined)
    return l10n.t(
      '"{0}…" is longer than {1} bytes, which Linux does not allow in a file name.',
      long.slice(0, 20),
      maxNameBytes,
    );
  return undefined;
}

/** `newNameProblem` as a throw, for callers that did not validate in an input box. */
export function checkNewName(name: string): string {
  const problem = newNameProblem(name);
  if (problem) throw new PathRefusedError(problem);
  return cleanPath(name);
}

export function joinPath(...parts: string[]): string {
  return parts.filter((part) => part !== '').join('/');
}

export function parentOf(path: string): string {
  return path.split('/').slice(0, -1).join('/');
}

export function baseName(path: string): string {
  return path.split('/').pop() ?? '';
}

/** True when `path` is `folder` or lies inside it. */
export function isWithin(path: string, folder: string): boolean {
  return folder === '' || path === folder || path.startsWith(`${folder}/`);
}

/**
 * A hidden scratch name beside `name`, in the same folder so that a hard link can move it into
 * place. It keeps the name's start, so that one left behind by a crash says what it was for.
 */
export function scratchName(purpose: 'save' | 'upload', name = ''): string {
  const prefix = `.berth-${purpose}-${randomBytes(4).toString('hex')}`;
  if (name === '') return prefix;
  let rest = `~${name}`;
  while (Buffer.byteLength(prefix + rest) > maxNameBytes) rest = rest.slice(0, -1);
  return prefix + rest;
}

/**
 * The path of a file URI whose first segment names the root (`/<key>/<path>`). The key sits in the
 * path, not the authority: URIs lower-case their authority, and volume names are case-sensitive.
 */
export function rootUriPath(key: string, path = ''): string {
  const rest = path.split('/').filter((part) => part !== '');
  return '/' + [key, ...rest].join('/');
}

/** The root key and the path inside it of a URI path made by `rootUriPath`. */
export function splitRootUriPath(uriPath: string): { key: string; path: string } {
  const [key = '', ...rest] = uriPath.split('/').filter((part) => part !== '');
  return { key, path: rest.join('/') };
}
