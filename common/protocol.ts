// Messages and shapes shared by the client and the Dockerfile language server. Both sides import
// from here so that a method name or a settings field can never drift apart.

/** The `berth.lint.*` settings, as the client sends them to the server. */
export interface LintSettings {
  enable: boolean;
  disabledRules: string[];
  severity: Record<string, 'error' | 'warning' | 'info' | 'hint' | 'off'>;
  /** Instructions read per file before linting stops; 0 reads them all. */
  maxInstructions?: number;
  /** The language of findings, hovers and quick fixes; `auto` follows VS Code's display language. */
  language?: LintLanguageSetting;
}

export const lintLanguageSettings = ['auto', 'en', 'zh-cn'] as const;
export type LintLanguageSetting = (typeof lintLanguageSettings)[number];

/**
 * Instructions read per file unless settings say otherwise: four times the largest of 211 real
 * Dockerfiles (254). Few enough that a machine-made file of 100k lines stays near 50 ms instead
 * of half a second: at 2,000, a file of RUNs with findings on every line still took 100-200 ms
 * on its first lint (see bench/fuzz.ts).
 */
export const defaultMaxInstructions = 1000;

export const defaultLintSettings: LintSettings = { enable: true, disabledRules: [], severity: {} };

/** The `berth.inlayHints.*` settings: which inlay hints the server shows. */
export interface InlayHintSettings {
  /** The value a `$VAR` has there, when ARG and ENV defaults tell it. */
  variables: boolean;
  /** The absolute path a relative WORKDIR resolves to. */
  workdir: boolean;
}

export const defaultInlayHintSettings: InlayHintSettings = { variables: true, workdir: true };

/** Initialization options the client passes when it starts the server. */
export interface ServerInitOptions {
  /** VS Code's display language, e.g. `en` or `zh-cn`: what `berth.lint.language: auto` means. */
  locale: string;
  /** The client answers EngineImagesRequest (common/engineImages.ts); other clients are never asked. */
  engineImages?: boolean;
}

/** The server tells the client it is up and how many rules it carries; shown in the output channel. */
export namespace ServerReadyNotification {
  export const method = 'berth/serverReady';
  export interface Params {
    version: string;
    ruleCount: number;
  }
}
