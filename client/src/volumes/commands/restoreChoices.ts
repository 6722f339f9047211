// What Restore Volume… and Import Volume from Image… ask before they write: the target volume
// (new or existing) and, for a volume that has files, whether to merge or replace them.
import * as vscode from 'vscode';
import type { EngineSession } from '../../engine/live/contract';
import { chooseModal, confirmModal } from '../../ui/confirm';
import type { RestoreMode } from '../core/restore';
import type { SessionVolumeTools } from '../tools';
import { newVolumeNameProblem } from './clone';
import { knownVolumes, volumeNameOf } from './target';

/** The questions in the words of the source (an archive, an image), which they name. */
export interface SourceWords {
  /** The placeholder of the target pick. */
  into: string;
  /** The title of the new volume's name prompt. */
  newTitle: string;
  /** The button that confirms writing into an empty volume. */
  action: string;
  intoEmpty: (volume: string) => string;
  intoFull: (volume: string) => string;
  merge: string;
  replace: string;
  safety: string;
}

/** The volume to write into: the one the command was given, or a pick of a new or existing one. */
export async function chooseTarget(
  session: EngineSession,
  argument: unknown,
  words: SourceWords,
  suggestedName: string,
): Promise<{ volume: string; isNew: boolean } | undefined> {
  const named = volumeNameOf(argument);
  if (named !== undefined) return { volume: named, isNew: false };
  const volumes = await knownVolumes(session);
  const fresh = { label: vscode.l10n.t('$(add) New volume…'), name: undefined as string | undefined };
  const picked = await vscode.window.showQuickPick(
    [
      fresh,
      ...volumes.map((volume) => ({ label: volume.name, description: volume.driver, name: volume.name })),
    ],
    { placeHolder: words.into },
  );
  if (!picked) return undefined;
  if (picked.name !== undefined) return { volume: picked.name, isNew: false };
  const taken = new Set(volumes.map((volume) => volume.name));
  const name = await vscode.window.showInputBox({
    title: words.newTitle,
    prompt: vscode.l10n.t('Name of the new volume'),
    value: suggestedName,
    ignoreFocusOut: true,
    validateInput: (value) => newVolumeNameProblem(value.trim(), taken),
  });
  return name === undefined ? undefined : { volume: name.trim(), isNew: true };
}

/** The modal for an existing volume: says whether it is empty and what each choice does to it. */
export async function chooseMode(
  volumes: SessionVolumeTools,
  volume: string,
  words: SourceWords,
): Promise<RestoreMode | undefined> {
  const [empty, blocker] = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Looking at volume {0}…', volume),
    },
    async () => {
      const isEmpty = await volumes.tools().isEmpty(volume);
      return [isEmpty, isEmpty ? undefined : await volumes.tools().replaceBlocker(volume)] as const;
    },
  );
  if (empty) {
    const ok = await confirmModal(words.intoEmpty(volume), words.safety, words.action);
    return ok ? 'merge' : undefined;
  }
  const merge = vscode.l10n.t('Merge');
  const replace = vscode.l10n.t('Replace');
  const lines = [words.merge, blocker ?? words.replace, words.safety];
  const choices = blocker ? [merge] : [merge, replace];
  const answer = await chooseModal(words.intoFull(volume), lines.join('\n\n'), ...choices);
  if (answer === merge) return 'merge';
  if (answer === replace) return 'replace';
  return undefined;
}
