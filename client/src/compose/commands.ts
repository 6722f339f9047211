// The Compose commands: the engine actions the language server's quick fixes name, and the way
// from a network or volume row back to the file that declares it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { composeCommands, type CreateVolumeArgs } from '../../../common/compose';
import { dockerOf, snapshotOf, type CommandContext } from '../commands/context';
import { UserError } from '../shared/failures';
import { contextOn, type CommandTable } from '../commands/registry';
import { networkIdOf } from '../commands/targets';
import { volumeNameOf } from '../volumes/commands/target';
import { createNetwork } from '../engine/operations/networks';
import { createVolume } from '../engine/operations/volumes';
import type { BerthNode } from '../shared/nodes';
import { keys } from '../shared/nodes';
import { isCreateNetworkArgs, networkSpec } from './createSpec';
import { findComposeDeclaration } from './declaration';
import { composeOrigin } from './origin';

function isCreateVolumeArgs(value: unknown): value is CreateVolumeArgs {
  const v = value as Partial<CreateVolumeArgs> | null;
  return !!v && typeof v.name === 'string' && typeof v.driver === 'string';
}

async function goToDeclaration(
  ctx: CommandContext,
  node: BerthNode | undefined,
  kind: 'network' | 'volume',
  client: () => Promise<LanguageClient | undefined>,
): Promise<void> {
  const snapshot = await snapshotOf(ctx);
  const id = node ? (kind === 'network' ? networkIdOf(node) : volumeNameOf(node)) : undefined;
  const object =
    id === undefined ? undefined : kind === 'network' ? snapshot.networks.get(id) : snapshot.volumes.get(id);
  const origin = object ? composeOrigin(kind, object.labels) : undefined;
  if (!object || !origin)
    throw new UserError(vscode.l10n.t('Choose a network or volume that Docker Compose created.'));
  const language = await client();
  if (!language) throw new UserError(vscode.l10n.t('The Berth language server is not running.'));
  const location = await findComposeDeclaration(language, snapshot, origin);
  if (!location)
    throw new UserError(
      vscode.l10n.t(
        'No Compose file of project "{0}" that declares "{1}" was found in its recorded files or this workspace.',
        origin.project,
        origin.key,
      ),
    );
  await vscode.window.showTextDocument(location.uri, { selection: location.range });
}

/** The quick fixes act on the engine their file was checked against (`berth.compose.engine`). */
function onComposeEngine(ctx: CommandContext, engineId: () => string): CommandContext {
  const scoped = contextOn(ctx, engineId());
  if (!scoped)
    throw new UserError(vscode.l10n.t('The engine of berth.compose.engine is no longer in berth.engines.'));
  return scoped;
}

export function composeCommandTable(
  client: () => Promise<LanguageClient | undefined>,
  engineId: () => string,
): CommandTable {
  return {
    [composeCommands.createNetwork]: {
      run: async (clicked, _node, _selection, argument) => {
        if (!isCreateNetworkArgs(argument))
          throw new UserError(vscode.l10n.t('The network to create was not described.'));
        const ctx = onComposeEngine(clicked, engineId);
        const id = await createNetwork(dockerOf(ctx), await snapshotOf(ctx), networkSpec(argument));
        await ctx.session.refresh();
        await ctx.views.reveal('networks', keys.network(id));
      },
      failure: () => vscode.l10n.t('Creating the network failed'),
    },
    [composeCommands.createVolume]: {
      run: async (clicked, _node, _selection, argument) => {
        if (!isCreateVolumeArgs(argument))
          throw new UserError(vscode.l10n.t('The volume to create was not described.'));
        const ctx = onComposeEngine(clicked, engineId);
        const name = await createVolume(dockerOf(ctx), await snapshotOf(ctx), {
          name: argument.name,
          driver: argument.driver,
          driverOpts: argument.options,
          labels: argument.labels,
        });
        await ctx.session.refresh();
        await ctx.views.reveal('volumes', keys.volume(name));
      },
      failure: () => vscode.l10n.t('Creating the volume failed'),
    },
    // The declaration is found from the item's own engine: its labels name the project's files.
    'berth.network.goToComposeDeclaration': {
      run: (ctx, node) => goToDeclaration(ctx, node, 'network', client),
      failure: () => vscode.l10n.t('Going to the Compose declaration failed'),
      engine: 'routed',
    },
    'berth.volume.goToComposeDeclaration': {
      run: (ctx, node) => goToDeclaration(ctx, node, 'volume', client),
      failure: () => vscode.l10n.t('Going to the Compose declaration failed'),
      engine: 'routed',
    },
  };
}
