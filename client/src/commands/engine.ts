import * as vscode from 'vscode';
import { listContexts } from '../engine/transport/endpoint';
import { pickOne } from '../ui/pick';
import type { BerthCommand } from './context';
import { readEngineSettings } from './engineSettings';

export const refresh: BerthCommand = async (ctx) => {
  if (ctx.session.state.kind === 'idle') ctx.session.start();
  else await ctx.session.refresh();
};

export const retryConnection: BerthCommand = async (ctx) => {
  ctx.session.reconnect();
  return Promise.resolve();
};

/** Lists the docker CLI's contexts and stores the choice in the user's berth.dockerContext. */
export const switchContext: BerthCommand = async () => {
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
