// The commands of the three views, until each feature contributes its own table.
import * as vscode from 'vscode';
import type { CommandTable } from './registry';
import { refresh, retryConnection, switchContext } from './engine';

export function viewCommands(): CommandTable {
  return {
    'berth.refresh': { run: refresh, failure: () => vscode.l10n.t('Refresh failed') },
    'berth.retryConnection': { run: retryConnection, failure: () => vscode.l10n.t('Reconnecting failed') },
    'berth.switchContext': {
      run: switchContext,
      failure: () => vscode.l10n.t('Switching the Docker context failed'),
    },
  };
}
