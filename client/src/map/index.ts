// The network map: one command that opens (or brings back) the map panel.
import * as vscode from 'vscode';
import type { CommandTable } from '../commands/registry';
import type { NetworkMap } from './panel';

export function mapCommands(map: NetworkMap): CommandTable {
  return {
    'berth.showNetworkMap': {
      // The engine the command was routed to: the clicked engine root, or the one picked.
      run: (ctx) => {
        const engine = ctx.engines.engines.find((candidate) => candidate.session === ctx.session);
        map.show(ctx.session, ctx.engines.several ? engine : undefined);
        return Promise.resolve();
      },
      failure: () => vscode.l10n.t('Opening the network map failed'),
    },
  };
}
