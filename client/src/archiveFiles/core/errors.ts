// What can go wrong with a path before or after the engine is asked, each kind its own class so
// that the file system glue can tell VS Code "not found", "exists" or "is a folder" precisely.
import * as l10n from '@vscode/l10n';
import { UserError } from '../../shared/failures';

export { PathNotFoundError } from './archive';

export class NotAFileError extends Error {
  constructor(readonly path: string) {
    super(l10n.t('"{0}" is a folder, not a file', path || '/'));
    this.name = 'NotAFileError';
  }
}

export class NotAFolderError extends Error {
  constructor(readonly path: string) {
    super(l10n.t('"{0}" is not a folder', path || '/'));
    this.name = 'NotAFolderError';
  }
}

export class PathExistsError extends Error {
  constructor(readonly path: string) {
    super(l10n.t('"{0}" already exists', path || '/'));
    this.name = 'PathExistsError';
  }
}

/** A name or link Berth refuses before anything reaches the engine; the message says why and what to do. */
export class PathRefusedError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'PathRefusedError';
  }
}
