// Clone Volume…: a new name (checked as you type), then an engine-local copy.
import * as vscode from 'vscode';
import type { BerthCommand } from '../../commands/context';
import type { SessionVolumeTools } from '../tools';
import { volumeNameProblem } from '../core/names';
import { chooseVolume, knownVolumes } from './target';
import { cancellableProgress } from '../../ui/progress';

export function cloneVolume(volumes: SessionVolumeTools): BerthCommand {
  return async (ctx, _node, _selection, argument) => {
    const source = await chooseVolume(ctx.session, argument, vscode.l10n.t('Volume to clone'));
    if (source === undefined) return;
    const taken = new Set((await knownVolumes(ctx.session)).map((volume) => volume.name));
    const target = await vscode.window.showInputBox({
      title: vscode.l10n.t('Clone Volume {0}', source),
      prompt: vscode.l10n.t('Name of the new volume'),
      value: `${source}-copy`,
      ignoreFocusOut: true,
      validateInput: (value) => newVolumeNameProblem(value.trim(), taken),
    });
    if (target === undefined) return;
    await cancellableProgress(
      vscode.l10n.t('Cloning volume {0} into {1}', source, target.trim()),
      (_progress, signal) => volumes.tools().clone(source, target.trim(), signal),
    );
    await ctx.session.refresh();
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Volume {0} is a copy of {1}, with its labels.', target.trim(), source),
    );
  };
}

export function newVolumeNameProblem(name: string, taken: ReadonlySet<string>): string | undefined {
  const problem = volumeNameProblem(name);
  if (problem) return problem;
  if (taken.has(name)) return vscode.l10n.t('Volume {0} already exists. Choose another name.', name);
  return undefined;
}
