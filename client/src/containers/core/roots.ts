// A user's container as a file root: its whole filesystem, read and written through the archive
// endpoints on the container itself, running or not. No helper is involved, so nothing is kept
// open between operations.
import * as l10n from '@vscode/l10n';
import type Docker from 'dockerode';
import type { FileRoot } from '../../archiveFiles/core/archive';
import type { RootAccess } from '../../archiveFiles/core/files';
import { UserError } from '../../shared/failures';

/** A container id or name as the engine accepts them: nothing that could name a path or an URL part. */
const containerRef = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

export function checkContainerRef(key: string): string {
  if (!containerRef.test(key))
    throw new UserError(
      l10n.t(
        '"{0}" is not a container id or name. Open files from a container\'s "Files" folder in the Containers view.',
        key,
      ),
    );
  return key;
}

export function containerLabel(name: string): string {
  return l10n.t('container "{0}"', name);
}

export class ContainerRoots implements RootAccess {
  readonly confined = false;

  constructor(
    readonly docker: Docker,
    /** The container's name for messages; its id when it is not known. */
    private readonly nameOf: (key: string) => string,
  ) {}

  label(key: string): string {
    return containerLabel(this.nameOf(key));
  }

  async use<T>(key: string, _write: boolean, work: (root: FileRoot) => Promise<T>): Promise<T> {
    const container = this.docker.getContainer(checkContainerRef(key));
    return work({ container, base: '', confined: false, label: this.label(key) });
  }
}
