import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  ServerReadyNotification,
  defaultMaxInstructions,
  type LintLanguageSetting,
  type LintSettings,
  type ServerInitOptions,
} from '../../../common/protocol';
import { composeSelector } from '../compose/documents';
import { log } from '../log';

/** Starts the Dockerfile language server in its own Node process. */
export async function startLanguageClient(context: vscode.ExtensionContext): Promise<LanguageClient> {
  const module = context.asAbsolutePath(path.join('dist', 'server', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    // A fixed port so that the "Attach to Server" launch config finds it.
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const initializationOptions: ServerInitOptions = { locale: vscode.env.language };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'dockerfile', scheme: 'file' },
      { language: 'dockerfile', scheme: 'untitled' },
      ...composeSelector,
    ],
    initializationOptions,
    outputChannel: log(),
    synchronize: { configurationSection: 'berth.lint' },
    middleware: {
      workspace: {
        // The server asks for `berth.lint`; answer with a typed, complete object.
        configuration: (params, token, next) => {
          if (params.items.some((item) => item.section === 'berth.lint')) {
            return params.items.map((item) => (item.section === 'berth.lint' ? readLintSettings() : null));
          }
          return next(params, token);
        },
      },
    },
  };
  const client = new LanguageClient(
    'berth.dockerfile',
    'Berth Dockerfile Language Server',
    serverOptions,
    clientOptions,
  );
  client.onNotification(ServerReadyNotification.method, (params: ServerReadyNotification.Params) => {
    log().info(`Dockerfile language server ${params.version} is running with ${params.ruleCount} rules.`);
  });
  await client.start();
  return client;
}

function readLintSettings(): LintSettings {
  const config = vscode.workspace.getConfiguration('berth.lint');
  return {
    enable: config.get<boolean>('enable', true),
    disabledRules: config.get<string[]>('disabledRules', []),
    severity: config.get<LintSettings['severity']>('severity', {}),
    maxInstructions: config.get<number>('maxInstructions', defaultMaxInstructions),
    language: config.get<LintLanguageSetting>('language', 'auto'),
  };
}
