// The Compose documents the editor has open: each one parsed and linted once per version and
// per engine state, with the other files of its project beside it.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EngineFacts } from '../../../../common/compose';
import type { LintSettings } from '../../../../common/protocol';
import { composeSiblings, diskFiles, envProjectName } from '../../workspace/compose';
import { parseCompose } from '../parse/parse';
import type { ComposeFile } from '../parse/model';
import { isComposeFileName, projectNameFor } from '../project';
import { lintCompose } from '../rules/lint';
import type { ComposeFinding } from '../rules/types';

export interface ComposeState {
  version: number;
  factsVersion: number;
  file: ComposeFile;
  siblings: ComposeFile[];
  projectName: string;
  findings: ComposeFinding[];
}

export function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** `dockercompose` is VS Code's own id; a compose file opened as plain `yaml` counts too. */
export function isComposeDocument(doc: TextDocument): boolean {
  if (doc.languageId === 'dockercompose') return true;
  if (doc.languageId !== 'yaml') return false;
  const name = path.posix.basename(doc.uri.replace(/[?#].*$/, ''));
  return isComposeFileName(decodeURIComponent(name));
}

export class ComposeWorkspace {
  private readonly states = new Map<string, ComposeState>();
  private factsVersion = 0;
  facts: EngineFacts | undefined;

  constructor(
    private readonly current: (uri: string) => TextDocument | undefined,
    private readonly all: () => TextDocument[],
    private readonly settings: () => LintSettings,
  ) {}

  setFacts(facts: EngineFacts | undefined): void {
    this.facts = facts;
    this.factsVersion++;
  }

  /** Drops every cached lint, after settings changed. */
  invalidate(): void {
    this.states.clear();
  }

  forget(uri: string): void {
    this.states.delete(uri);
  }

  state(doc: TextDocument): ComposeState {
    const cached = this.states.get(doc.uri);
    if (cached && cached.version === doc.version && cached.factsVersion === this.factsVersion) return cached;
    const file = cached?.version === doc.version ? cached.file : this.parse(doc);
    const siblings = composeSiblings(file, (p) => this.openFile(p));
    const projectName = projectNameFor(file, envProjectName(file), this.facts);
    const findings = lintCompose({
      file,
      siblings,
      projectName,
      facts: this.facts,
      host: file.path ? diskFiles : undefined,
      settings: this.settings(),
    });
    const state = {
      version: doc.version,
      factsVersion: this.factsVersion,
      file,
      siblings,
      projectName,
      findings,
    };
    this.states.set(doc.uri, state);
    return state;
  }

  /** The parsed text of an open Compose document at this path, unsaved edits included. */
  openFile(file: string): ComposeFile | undefined {
    const doc = this.all().find((d) => isComposeDocument(d) && filePath(d.uri) === file);
    if (!doc) return undefined;
    const cached = this.states.get(doc.uri);
    return cached?.version === doc.version ? cached.file : this.parse(doc);
  }

  documentFor(uri: string): TextDocument | undefined {
    const doc = this.current(uri);
    return doc && isComposeDocument(doc) ? doc : undefined;
  }

  private parse(doc: TextDocument): ComposeFile {
    return parseCompose({ uri: doc.uri, path: filePath(doc.uri), source: doc.getText() });
  }
}
