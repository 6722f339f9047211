// What a connection problem is made of: the sentences a person reads (English templates with
// their arguments, so the UI can translate them) and where the engine was looked for.
import type { ResolvedEndpoint } from '../transport/endpoint';

/** Why the engine cannot be used, worded for a person: what is wrong and how to fix it. */
export interface EngineProblem {
  /** Stable code for tests and `when` clauses, e.g. `socket-missing`, `permission-denied`. */
  code: string;
  /** What is wrong, e.g. "Permission denied on /var/run/docker.sock". */
  message: string;
  /** What to do, e.g. "Add your user to the docker group: sudo usermod -aG docker $USER, then log in again." */
  fix: string;
  /** The engine's or the socket's own error text, word for word. */
  detail?: string;
  /**
   * The English templates behind `message` and `fix` (one per sentence), for
   * `vscode.l10n.t(template, ...args)`; zh-cn is in l10n/fragments/engine.zh-cn.json.
   */
  l10n?: {
    message: { template: string; args: string[] };
    fix: { template: string; args: string[] }[];
  };
}

/** What Node, ssh2 and dockerode put on the errors they throw. */
export interface NodeLikeError {
  code?: string;
  errno?: number;
  syscall?: string;
  message?: string;
  statusCode?: number;
  json?: unknown;
  level?: string; // ssh2
}

/** One sentence of a problem: an English template with {0} placeholders and its arguments. */
export interface Sentence {
  template: string;
  args: string[];
}

export const say = (template: string, ...args: string[]): Sentence => ({ template, args });

export function formatSentence(sentence: Sentence): string {
  return sentence.template.replace(/\{(\d+)\}/g, (whole, i: string) => sentence.args[Number(i)] ?? whole);
}

export function problem(code: string, message: Sentence, fix: Sentence[], error: unknown): EngineProblem {
  const detail =
    error instanceof Error ? error.message : error === undefined ? undefined : JSON.stringify(error);
  return {
    code,
    message: formatSentence(message),
    fix: fix.map(formatSentence).join(' '),
    detail,
    l10n: { message, fix },
  };
}

/** The socket path, or host and port, that messages name. */
export function where(endpoint: ResolvedEndpoint): string {
  if (endpoint.transport === 'unix' || endpoint.transport === 'npipe')
    return endpoint.socketPath ?? endpoint.host;
  const host = endpoint.hostname ?? endpoint.host;
  return endpoint.port === undefined ? host : `${host}:${endpoint.port}`;
}

/** Where the user chose this engine, so the fix can point at that setting. */
export function sourceHint(endpoint: ResolvedEndpoint): Sentence {
  switch (endpoint.source) {
    case 'setting':
      return say('Check the berth.dockerHost setting.');
    case 'settingContext':
    case 'context':
    case 'DOCKER_CONTEXT':
      return say(
        'Check the Docker context "{0}" (docker context inspect), or switch context.',
        endpoint.contextName ?? '',
      );
    case 'DOCKER_HOST':
      return say('Check the DOCKER_HOST environment variable VS Code was started with.');
    default:
      return say('If your engine listens elsewhere, set DOCKER_HOST or the berth.dockerHost setting.');
  }
}
