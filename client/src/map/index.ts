// The network map: one command that opens (or brings back) the map panel.
import * as vscode from 'vscode';
import type { CommandTable } from '../commands/registry';
import type { NetworkMap } from './panel';

export function mapCommands(map: NetworkMap): CommandTable {
  return {
    'berth.showNetworkMap': {
      run: () => Promise.resolve(map.show()),
      failure: () => vscode.l10n.t('Opening the network map failed'),
    },
  };
}
