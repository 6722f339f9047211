// The `berth-container` file system: a container's own files, running or stopped, open, save,
// rename and delete in ordinary editors through the archive endpoints on the container itself.
// Before the first change to a running container Berth says so, and the user may cancel.
import type Docker from 'dockerode';
import * as vscode from 'vscode';
import { WriteConsent } from '../../archiveFiles/consent';
import { ArchiveFiles } from '../../archiveFiles/core/files';
import {
  registerArchiveFileSystem,
  type EngineRoots,
  type RegisteredFileSystem,
} from '../../archiveFiles/provider';
import { dockerOf } from '../../commands/context';
import type { EngineSession } from '../../engine/live/contract';
import { isRunning } from '../../shared/containerState';
import { shortId } from '../../shared/text';
import { containerLabel, ContainerRoots } from '../core/roots';

/** The files of the session's containers, made anew when a reconnect brings a new client. */
export class SessionContainerFiles {
  private current: { docker: Docker; files: ArchiveFiles } | undefined;

  constructor(private readonly session: EngineSession) {}

  /** Throws a UserError when Berth is not connected. */
  files(): ArchiveFiles {
    const docker = dockerOf({ session: this.session });
    if (this.current?.docker !== docker)
      this.current = {
        docker,
        files: new ArchiveFiles(new ContainerRoots(docker, (key) => this.nameOf(key))),
      };
    return this.current.files;
  }

  nameOf(key: string): string {
    return this.session.snapshot?.containers.get(key)?.name ?? shortId(key);
  }
}

/** The question before a running container's files are first changed. */
export function containerWriteConsent(session: EngineSession): WriteConsent {
  return new WriteConsent({
    usersOf: (id) => {
      const container = session.snapshot?.containers.get(id);
      return container && isRunning(container) ? [{ id, description: container.name }] : [];
    },
    message: (_id, name) =>
      vscode.l10n.t('Container "{0}" is running and may be using the files Berth is about to change.', name),
  });
}

/** The containers of one engine, as its side of the `berth-container` file system. */
export function containerRoots(containers: SessionContainerFiles, consent: WriteConsent): EngineRoots {
  return {
    files: () => containers.files(),
    beforeWrite: (id) => consent.check(id),
    label: (id) => containerLabel(containers.nameOf(id)),
  };
}

/** Registers the `berth-container` file system over the containers of every engine. */
export function registerContainerFileSystem(
  on: (engine: string | undefined) => EngineRoots,
): RegisteredFileSystem {
  return registerArchiveFileSystem('container', on);
}
