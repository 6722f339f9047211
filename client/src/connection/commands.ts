// Refresh, Retry Connecting and Switch Docker Context…: the user's hold on the one connection.
import * as vscode from 'vscode';
import { listContexts } from '../engine/transport/endpoint';
import { pickOne } from '../ui/pick';
import type { BerthCommand, CommandContext } from '../commands/context';
import type { EngineSession } from '../engine/live/contract';
import { routedAs } from '../commands/engineRouting';
import type { CommandSpec, CommandTable } from '../commands/registry';
import { forgetDeclinedPassphrases } from './passphrase';
import { readEngineSettings } from './settings';

/** The clicked engine's session; from a view's title or the palette, every engine's. */
function sessionsOf(ctx: CommandContext, clicked: boolean): EngineSession[] {
  return clicked ? [ctx.session] : ctx.engines.engines.map((engine) => engine.session);
}

const refresh: BerthCommand = async (ctx, node) => {
  const refreshing: Promise<void>[] = [];
  for (const session of sessionsOf(ctx, node !== undefined))
    if (session.state.kind === 'idle') session.start();
    else refreshing.push(session.refresh());
  await Promise.all(refreshing);
};

const retryConnection: BerthCommand = async (ctx, node) => {
  forgetDeclinedPassphrases();
  for (const session of sessionsOf(ctx, node !== undefined)) session.reconnect();
  return Promise.resolve();
};

/** Lists the docker CLI's contexts and stores the choice in the user's berth.dockerContext. */
const switchContext: BerthCommand = async () => {
  const settings = readEngineSettings();
  const contexts = listContexts({ dockerContext: settings.dockerContext });
  const chosen = settings.dockerContext;
  const items = [
    {
      label: vscode.l10n.t('Automatic'),
      description: vscode.l10n.t('DOCKER_HOST, then the docker CLI current context, then the local socket'),
      detail: chosen === '' ? vscode.l10n.t('in use') : undefined,
      value: '',
    },
    ...contexts.map((context) => ({
      label: context.name,
      description: context.host,
      detail: [
        context.description,
        context.name === chosen ? vscode.l10n.t('in use') : '',
        context.current ? vscode.l10n.t('docker CLI current') : '',
      ]
        .filter(Boolean)
        .join(' · '),
      value: context.name,
    })),
  ];
  const picked = await pickOne(items, vscode.l10n.t('Docker context for Berth'), '');
  if (picked === undefined) return;
  if (settings.dockerHost !== '')
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'berth.dockerHost is set to {0} and takes precedence over the context. Clear it to use the context.',
        settings.dockerHost,
      ),
    );
  // extension.ts reconnects on the configuration change, wherever the setting was edited.
  await vscode.workspace
    .getConfiguration('berth')
    .update('dockerContext', picked, vscode.ConfigurationTarget.Global);
};

export const connectionCommands: CommandTable = routedAs<CommandSpec>('optional', {
  'berth.refresh': { run: refresh, failure: () => vscode.l10n.t('Refresh failed') },
  'berth.retryConnection': { run: retryConnection, failure: () => vscode.l10n.t('Reconnecting failed') },
  'berth.switchContext': {
    run: switchContext,
    failure: () => vscode.l10n.t('Switching the Docker context failed'),
  },
});
