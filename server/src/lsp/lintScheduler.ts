import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Dockerfile } from '../dockerfile/parser';
import { lint, parseForLint, type LintOptions } from '../dockerfile/lint/lint';
import type { Finding } from '../dockerfile/lint/types';

export interface LintResult {
  version: number;
  file: Dockerfile;
  findings: Finding[];
  /** What the lint ran with, so a request about the result needs no second look at the disk. */
  options: LintOptions;
}

/**
 * Lints each document a few milliseconds after its last change. A burst of keystrokes costs one
 * run, and a result whose document moved on meanwhile is dropped instead of published.
 */
export class LintScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly results = new Map<string, LintResult>();

  constructor(
    private readonly delayMs: number,
    private readonly current: (uri: string) => TextDocument | undefined,
    private readonly options: (uri: string) => LintOptions,
    private readonly publish: (doc: TextDocument, result: LintResult) => void,
    private readonly logError: (message: string) => void,
  ) {}

  schedule(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => this.run(uri), this.delayMs),
    );
  }

  /** The last result for this exact version, linting now if there is none. */
  resultFor(doc: TextDocument): LintResult {
    const cached = this.results.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    return this.lintNow(doc);
  }

  forget(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.results.delete(uri);
  }

  private run(uri: string): void {
    this.timers.delete(uri);
    const doc = this.current(uri);
    if (!doc) return;
    let result: LintResult;
    try {
      result = this.lintNow(doc);
    } catch (err) {
      // The server must outlive any input; the failure is logged rather than crashing the process.
      this.logError(
        `Berth: linting ${uri} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      );
      return;
    }
    if (this.current(uri)?.version !== result.version) return;
    this.publish(doc, result);
  }

  private lintNow(doc: TextDocument): LintResult {
    const source = doc.getText();
    const options = this.options(doc.uri);
    const file = parseForLint(source, options);
    const result = { version: doc.version, file, findings: lint(source, options, file), options };
    this.results.set(doc.uri, result);
    return result;
  }
}
