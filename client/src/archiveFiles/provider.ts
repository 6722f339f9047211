// A writable FileSystemProvider over the roots of one scheme (volumes, or containers), so that
// their files open, save, rename and delete in ordinary editors and through workspace.fs. Every
// change goes through ArchiveFiles, whose writes never leave half a file.
import * as vscode from 'vscode';
import type { PathKind } from './core/archive';
import { NotAFileError, NotAFolderError, PathExistsError, PathNotFoundError } from './core/errors';
import type { ArchiveFiles } from './core/files';
import { baseName, parentOf } from './core/paths';
import { engineMessage } from '../engine/operations/engineCall';
import { log } from '../log';
import { CancelledError, UserError } from '../shared/failures';
import type { FileRootKind } from '../shared/nodes';
import type { RootAddress } from './core/address';
import { fileSchemes, parseRootUri, rootUri } from './uri';

/** One engine's roots of a scheme: their files, the question before a change, and their names. */
export interface EngineRoots {
  /** The files of the roots; throws a UserError when Berth is not connected. */
  files(): ArchiveFiles;
  /** Asked before a root is changed; throws CancelledError when the user declines. */
  beforeWrite(key: string): Promise<void>;
  /** What the user calls root `key` in messages, e.g. `volume "data"`. */
  label(key: string): string;
}

/** What differs between the volume and the container file systems. */
export interface FileScheme {
  readonly scheme: string;
  parse(uri: vscode.Uri): RootAddress;
  /** `engine` is set only when several engines are shown (as CommandContext.engine is). */
  uri(engine: string | undefined, key: string, path: string): vscode.Uri;
  /** The roots on `engine`, undefined being the first; throws a UserError once it left berth.engines. */
  on(engine: string | undefined): EngineRoots;
}

export function fileType(kind: PathKind, target?: PathKind): vscode.FileType {
  switch (kind) {
    case 'directory':
      return vscode.FileType.Directory;
    case 'file':
      return vscode.FileType.File;
    case 'symlink':
      return (
        vscode.FileType.SymbolicLink |
        (target === 'directory' ? vscode.FileType.Directory : vscode.FileType.File)
      );
    default:
      return vscode.FileType.Unknown;
  }
}

export class ArchiveFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;

  constructor(readonly files: FileScheme) {}

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const { engine, key, path } = this.files.parse(uri);
    return this.guard(uri, async () => {
      const files = this.files.on(engine).files();
      const stat = await files.stat(key, path);
      let target: PathKind | undefined;
      if (stat.kind === 'symlink' && stat.linkTarget !== undefined)
        target = (await files.stat(key, stat.linkTarget).catch(() => undefined))?.kind;
      const mtime = stat.mtime.getTime();
      return { type: fileType(stat.kind, target), ctime: mtime, mtime, size: stat.size };
    });
  }

  async readDirectory(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
    const { engine, key, path } = this.files.parse(uri);
    return this.guard(uri, async () => {
      const listing = await this.files.on(engine).files().list(key, path);
      return listing.entries.map((entry): [string, vscode.FileType] => [entry.name, fileType(entry.kind)]);
    });
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const { engine, key, path } = this.files.parse(uri);
    return this.guard(uri, () => this.files.on(engine).files().readFile(key, path));
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array, options: { create: boolean; overwrite: boolean }) {
    const { engine, key, path } = this.files.parse(uri);
    await this.guard(uri, async () => {
      const roots = this.files.on(engine);
      await roots.beforeWrite(key);
      const existed = await exists(roots, key, path);
      const result = await roots.files().writeFile(key, path, content, options);
      if (result.strayScratch)
        log().warn(
          `Saved ${uri.toString()}, but the scratch file ${result.strayScratch} could not be removed.`,
        );
      this.fire([{ type: existed ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
    });
  }

  async createDirectory(uri: vscode.Uri): Promise<void> {
    const { engine, key, path } = this.files.parse(uri);
    await this.guard(uri, async () => {
      const roots = this.files.on(engine);
      await roots.beforeWrite(key);
      await roots.files().createFolder(key, path);
      this.fire([{ type: vscode.FileChangeType.Created, uri }]);
    });
  }

  async delete(uri: vscode.Uri, options: { recursive: boolean }): Promise<void> {
    const { engine, key, path } = this.files.parse(uri);
    await this.guard(uri, async () => {
      const roots = this.files.on(engine);
      if (!options.recursive && (await roots.files().stat(key, path)).kind === 'directory') {
        const listing = await roots.files().list(key, path, 1);
        if (listing.entries.length > 0)
          throw new UserError(vscode.l10n.t('"{0}" is a folder that is not empty.', path));
      }
      await roots.beforeWrite(key);
      await roots.files().remove(key, path);
      this.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
    });
  }

  async rename(from: vscode.Uri, to: vscode.Uri, options: { overwrite: boolean }): Promise<void> {
    const source = this.files.parse(from);
    const target = this.files.parse(to);
    await this.guard(from, async () => {
      if (source.key !== target.key || source.engine !== target.engine)
        throw new UserError(
          vscode.l10n.t(
            'Berth moves files only within one volume or container. Download and upload instead.',
          ),
        );
      const roots = this.files.on(source.engine);
      await roots.beforeWrite(source.key);
      await roots.files().rename(source.key, source.path, target.path, options.overwrite);
      this.fire([
        { type: vscode.FileChangeType.Deleted, uri: from },
        { type: vscode.FileChangeType.Created, uri: to },
      ]);
    });
  }

  watch(): vscode.Disposable {
    // Running containers change files without telling anyone: files are read on open.
    return new vscode.Disposable(() => undefined);
  }

  /** Tells editors and trees that `uris` changed through something other than this provider. */
  fire(events: vscode.FileChangeEvent[]): void {
    const parents = events.map(({ uri }) => {
      const { engine, key, path } = this.files.parse(uri);
      return { type: vscode.FileChangeType.Changed, uri: this.files.uri(engine, key, parentOf(path)) };
    });
    this.changes.fire([...events, ...parents]);
  }

  dispose(): void {
    this.changes.dispose();
  }

  private async guard<T>(uri: vscode.Uri, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw asFileSystemError(uri, error);
    }
  }
}

async function exists(roots: EngineRoots, key: string, path: string): Promise<boolean> {
  return roots
    .files()
    .stat(key, path)
    .then(
      () => true,
      () => false,
    );
}

/** The FileSystemError VS Code understands for each of our failures; the message stays ours. */
export function asFileSystemError(uri: vscode.Uri, error: unknown): vscode.FileSystemError {
  if (error instanceof vscode.FileSystemError) return error;
  if (error instanceof PathNotFoundError || (error as { statusCode?: number }).statusCode === 404)
    return vscode.FileSystemError.FileNotFound(uri);
  if (error instanceof NotAFileError) return vscode.FileSystemError.FileIsADirectory(uri);
  if (error instanceof NotAFolderError) return vscode.FileSystemError.FileNotADirectory(uri);
  if (error instanceof PathExistsError) return vscode.FileSystemError.FileExists(uri);
  if (error instanceof CancelledError)
    return vscode.FileSystemError.NoPermissions(
      vscode.l10n.t('{0} was not changed: cancelled.', baseName(uri.path) || uri.path),
    );
  if (error instanceof UserError) return vscode.FileSystemError.NoPermissions(error.message);
  return vscode.FileSystemError.Unavailable(engineMessage(error));
}

export interface RegisteredFileSystem {
  scheme: FileScheme;
  provider: ArchiveFileSystem;
  registration: vscode.Disposable;
}

/** Registers the file system of one kind of root; its registration also disposes of the provider. */
export function registerArchiveFileSystem(
  root: FileRootKind,
  on: (engine: string | undefined) => EngineRoots,
): RegisteredFileSystem {
  const scheme: FileScheme = {
    scheme: fileSchemes[root],
    parse: parseRootUri,
    uri: (engine, key, path) => rootUri(root, key, path, engine),
    on,
  };
  const provider = new ArchiveFileSystem(scheme);
  const registration = vscode.workspace.registerFileSystemProvider(scheme.scheme, provider, {
    isCaseSensitive: true,
  });
  return { scheme, provider, registration: vscode.Disposable.from(registration, provider) };
}
