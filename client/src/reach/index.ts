// "Can A reach B?": the command that asks and answers from engine state.
import * as vscode from 'vscode';
import type { CommandTable } from '../commands/registry';
import { checkConnectivity } from './command';

export const reachCommands: CommandTable = {
  'berth.container.checkConnectivity': {
    // The tree passes its node; other callers a container, its id or `{ container }`.
    run: (ctx, _node, _selection, argument) => checkConnectivity(ctx.session, argument),
    failure: () => vscode.l10n.t('Checking connectivity failed'),
  },
};
