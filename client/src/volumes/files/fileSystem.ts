// A read-only FileSystemProvider over volumes, so that files open in ordinary editors (and
// "Save As…" copies them to the host) without the volume becoming a workspace folder.
import * as vscode from 'vscode';
import { PathNotFoundError, type PathKind } from '../core/archive';
import { NotAFileError } from '../core/browse';
import { isNotFound } from '../core/engineErrors';
import type { VolumeTools } from '../core/tools';
import type { SessionVolumeTools } from '../tools';
import { parseVolumeUri, volumeScheme } from './uri';

function fileType(kind: PathKind): vscode.FileType {
  switch (kind) {
    case 'directory':
      return vscode.FileType.Directory;
    case 'file':
      return vscode.FileType.File;
    case 'symlink':
      return vscode.FileType.SymbolicLink | vscode.FileType.File;
    default:
      return vscode.FileType.Unknown;
  }
}

export class VolumeFileSystem implements vscode.FileSystemProvider {
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;

  constructor(private readonly tools: () => VolumeTools) {}

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const { volume, path } = parseVolumeUri(uri);
    return this.guard(uri, async () => {
      const stat = await this.tools().stat(volume, path);
      let type = fileType(stat.kind);
      if (stat.kind === 'symlink' && stat.linkTarget !== undefined) {
        const target = await this.tools()
          .stat(volume, stat.linkTarget)
          .catch(() => undefined);
        if (target?.kind === 'directory') type = vscode.FileType.SymbolicLink | vscode.FileType.Directory;
      }
      const mtime = stat.mtime.getTime();
      return { type, ctime: mtime, mtime, size: stat.size, permissions: vscode.FilePermission.Readonly };
    });
  }

  async readDirectory(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
    const { volume, path } = parseVolumeUri(uri);
    return this.guard(uri, async () => {
      const listing = await this.tools().list(volume, path);
      return listing.entries.map((entry): [string, vscode.FileType] => [entry.name, fileType(entry.kind)]);
    });
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const { volume, path } = parseVolumeUri(uri);
    return this.guard(uri, () => this.tools().readFile(volume, path));
  }

  watch(): vscode.Disposable {
    // Volumes change under running containers without telling anyone; files are read on open.
    return new vscode.Disposable(() => undefined);
  }

  createDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  dispose(): void {
    this.changes.dispose();
  }

  private async guard<T>(uri: vscode.Uri, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof PathNotFoundError || isNotFound(error))
        throw vscode.FileSystemError.FileNotFound(uri);
      if (error instanceof NotAFileError) throw vscode.FileSystemError.FileIsADirectory(uri);
      throw vscode.FileSystemError.Unavailable(error instanceof Error ? error.message : String(error));
    }
  }
}

/** Registers the read-only `berth-volume` file system over the session's volumes. */
export function registerVolumeFileSystem(volumes: SessionVolumeTools): vscode.Disposable {
  const fileSystem = new VolumeFileSystem(() => volumes.tools());
  const registration = vscode.workspace.registerFileSystemProvider(volumeScheme, fileSystem, {
    isReadonly: true,
    isCaseSensitive: true,
  });
  return vscode.Disposable.from(registration, fileSystem);
}
