// Where a file of a volume or container lives, as the parts of a URI: `//<engine>/<root>/<path>`.
// The engine sits in the authority only when several engines are shown; an empty authority is the
// first engine, so the URIs of one engine are the same as with no `berth.engines` at all.
import { rootUriPath, splitRootUriPath } from './paths';

export interface RootAddress {
  /** The engine's id in berth.engines, set when several engines are shown; absent means the first. */
  engine?: string;
  /** The volume name or container id. */
  key: string;
  /** Inside the root, '' for its top folder. */
  path: string;
}

/**
 * VS Code lower-cases authorities when it prints a URI, and engine names are case-sensitive: keep
 * lower-case letters, digits, `.` and `-`, and write every other byte as `_` and two hex digits.
 */
export function engineAuthority(engine: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(engine)) {
    const char = String.fromCharCode(byte);
    out += /[a-z0-9.-]/.test(char) ? char : `_${byte.toString(16).padStart(2, '0')}`;
  }
  return out;
}

/** The engine id of an authority made by `engineAuthority`; undefined for the empty authority. */
export function engineOfAuthority(authority: string): string | undefined {
  if (authority === '') return undefined;
  const bytes: number[] = [];
  for (let i = 0; i < authority.length; i++) {
    const hex = authority[i] === '_' ? /^[0-9a-f]{2}$/i.exec(authority.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else bytes.push(authority.charCodeAt(i));
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

export function rootAddressParts(address: RootAddress): { authority: string; path: string } {
  return {
    authority: address.engine === undefined ? '' : engineAuthority(address.engine),
    path: rootUriPath(address.key, address.path),
  };
}

export function parseRootAddress(authority: string, path: string): RootAddress {
  const engine = engineOfAuthority(authority);
  const { key, path: inside } = splitRootUriPath(path);
  return engine === undefined ? { key, path: inside } : { engine, key, path: inside };
}
