import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A build context on disk: its folder, and whether a path in it is a file. */
export interface BuildContext {
  dir: string;
  isFile(file: string): boolean;
}

/**
 * The build context of a Dockerfile on disk: its folder, as `docker build .` beside it uses.
 * Undefined for untitled or remote documents.
 */
export function buildContextOf(uri: string): BuildContext | undefined {
  if (!uri.startsWith('file:')) return undefined;
  let dir: string;
  try {
    dir = path.dirname(fileURLToPath(uri));
  } catch {
    return undefined;
  }
  return {
    dir,
    isFile: (file) => {
      try {
        return fs.statSync(file).isFile();
      } catch {
        return false;
      }
    },
  };
}
