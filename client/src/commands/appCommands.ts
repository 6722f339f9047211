// Commands of Berth as a whole rather than of one feature.
import * as vscode from 'vscode';
import { log } from '../log';
import { revealTarget } from '../views';
import type { CommandTable } from './registry';

export const appCommands: CommandTable = {
  'berth.showOutput': {
    run: () => Promise.resolve(log().show()),
    failure: () => vscode.l10n.t('Showing the output failed'),
  },
  // Other parts of Berth (the network map) show an engine object in its view with this.
  'berth.reveal': {
    run: (ctx, _node, _selection, argument) => revealTarget(ctx.views, argument),
    failure: () => vscode.l10n.t('Showing it in its view failed'),
  },
};
