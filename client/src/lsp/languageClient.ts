import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { EngineImagesRequest } from '../../../common/engineImages';
import {
  ServerReadyNotification,
  defaultInlayHintSettings,
  defaultMaxInstructions,
  type InlayHintSettings,
  type LintLanguageSetting,
  type LintSettings,
  type ServerInitOptions,
} from '../../../common/protocol';
import { composeSelector } from '../compose/documents';
import { log } from '../log';
import { fleetImages, type ImageSource } from './engineImages';

/** The settings sections the server reads, each answered with a typed, complete object. */
const sections: Record<string, () => unknown> = {
  'berth.lint': readLintSettings,
  'berth.inlayHints': readInlayHintSettings,
};

/**
 * Starts the Dockerfile language server in its own Node process. It asks `imageSources()` for
 * the engines' images when it completes a `FROM`.
 */
export async function startLanguageClient(
  context: vscode.ExtensionContext,
  imageSources: () => readonly ImageSource[],
): Promise<LanguageClient> {
  const module = context.asAbsolutePath(path.join('dist', 'server', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    // A fixed port so that the "Attach to Server" launch config finds it.
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const initializationOptions: ServerInitOptions = { locale: vscode.env.language, engineImages: true };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'dockerfile', scheme: 'file' },
      { language: 'dockerfile', scheme: 'untitled' },
      ...composeSelector,
    ],
    initializationOptions,
    outputChannel: log(),
    synchronize: { configurationSection: Object.keys(sections) },
    middleware: {
      workspace: {
        configuration: (params, token, next) => {
          if (params.items.some((item) => item.section !== undefined && item.section in sections)) {
            return params.items.map((item) =>
              item.section !== undefined && item.section in sections ? sections[item.section]() : null,
            );
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
  client.onRequest(EngineImagesRequest.type, () =>
    // Completion goes on without an engine's images; the reason is there for whoever looks.
    fleetImages(imageSources(), (engine, error) =>
      log().warn(`Listing the images of ${engine} for FROM completion failed:`, error),
    ),
  );
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

function readInlayHintSettings(): InlayHintSettings {
  const config = vscode.workspace.getConfiguration('berth.inlayHints');
  return {
    variables: config.get<boolean>('variables', defaultInlayHintSettings.variables),
    workdir: config.get<boolean>('workdir', defaultInlayHintSettings.workdir),
  };
}
