// Export Volume to Image… and Import Volume from Image…: a volume's files as an image on the
// engine and back, with the name checked as it is typed and the same choices as Restore Volume….
import * as vscode from 'vscode';
import type { BerthCommand } from '../../commands/context';
import { formatBytes } from '../../shared/text';
import { confirmModal } from '../../ui/confirm';
import type { ImageChoice } from '../core/imageChoices';
import { imageTagProblem } from '../core/imageTag';
import type { SessionVolumeTools } from '../tools';
import { byteProgress, cancellableProgress } from '../../ui/progress';
import { phaseText } from './restore';
import { chooseMode, chooseTarget, type SourceWords } from './restoreChoices';
import { chooseVolume } from './target';

/** `My Data` → `my-data:20240506-070809`, a valid starting point the user edits. */
function suggestedImageName(volume: string): string {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  const name = volume
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${name || 'volume'}:${stamp}`;
}

export function exportVolumeToImage(volumes: SessionVolumeTools): BerthCommand {
  return async (ctx, _node, _selection, argument) => {
    const volume = await chooseVolume(ctx.session, argument, vscode.l10n.t('Volume to export'));
    if (volume === undefined) return;
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('Export Volume {0} to Image', volume),
      prompt: vscode.l10n.t('Name and tag of the new image (name[:tag])'),
      value: suggestedImageName(volume),
      ignoreFocusOut: true,
      validateInput: (value) => imageTagProblem(value.trim()),
    });
    const reference = typed?.trim();
    if (!reference) return;
    if (await volumes.tools().imageExists(reference)) {
      const move = vscode.l10n.t('Move the Name');
      const ok = await confirmModal(
        vscode.l10n.t('Image {0} already exists. Give its name to the new image?', reference),
        vscode.l10n.t(
          'The image that has the name now stays on the engine, without the name {0}.',
          reference,
        ),
        move,
      );
      if (!ok) return;
    }
    const expected = ctx.session.snapshot?.volumes.get(volume)?.size;
    const result = await cancellableProgress(
      vscode.l10n.t('Exporting volume {0} to image {1}', volume, reference),
      (progress, signal) =>
        volumes.tools().exportToImage({
          volume,
          reference,
          signal,
          onProgress: byteProgress(progress, expected),
        }),
    );
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Exported {0} files and {1} folders ({2}) of volume {3} to image {4}.',
        result.counts.files.toLocaleString(),
        result.counts.directories.toLocaleString(),
        formatBytes(result.counts.bytes),
        volume,
        result.reference,
      ),
    );
  };
}

function imageWords(image: string): SourceWords {
  return {
    into: vscode.l10n.t('Import {0} into…', image),
    newTitle: vscode.l10n.t('Import into a new volume'),
    action: vscode.l10n.t('Import'),
    intoEmpty: (volume) => vscode.l10n.t('Import image {0} into the empty volume {1}?', image, volume),
    intoFull: (volume) =>
      vscode.l10n.t('Volume {0} is not empty. How should image {1} be imported into it?', volume, image),
    merge: vscode.l10n.t(
      'Merge: files in the image overwrite the files at the same paths; everything else in the volume stays.',
    ),
    replace: vscode.l10n.t(
      "Replace: the volume's current contents are deleted; afterwards it holds exactly what the image holds.",
    ),
    safety: vscode.l10n.t(
      "The image's files are read and checked completely first. If the import fails or is cancelled, the volume is left as it was.",
    ),
  };
}

async function chooseImage(volumes: SessionVolumeTools): Promise<ImageChoice | undefined> {
  const images = await volumes.tools().importableImages();
  if (images.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no tagged images on this engine.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    images.map((image) => ({
      label: image.reference,
      description: image.volume === undefined ? undefined : vscode.l10n.t('volume {0}', image.volume),
      image,
    })),
    { placeHolder: vscode.l10n.t('Image to import (its files in /volume-data)'), matchOnDescription: true },
  );
  return picked?.image;
}

/** `backups/my-data:2024` → `my-data`, a starting point for a new volume's name. */
function volumeNameFromImage(reference: string): string {
  const name = reference.slice(reference.lastIndexOf('/') + 1).split(':')[0];
  return name.replace(/^[^a-zA-Z0-9]+/, '') || 'imported';
}

export function importVolumeFromImage(volumes: SessionVolumeTools): BerthCommand {
  return async (ctx, _node, _selection, argument) => {
    const choice = await chooseImage(volumes);
    if (choice === undefined) return;
    const image = choice.reference;
    const words = imageWords(image);
    const target = await chooseTarget(ctx.session, argument, words, volumeNameFromImage(image));
    if (!target) return;
    const mode = target.isNew ? 'new' : await chooseMode(volumes, target.volume, words);
    if (!mode) return;
    const result = await cancellableProgress(
      vscode.l10n.t('Importing image {0} into volume {1}', image, target.volume),
      (progress, signal) =>
        volumes.tools().importFromImage({
          image,
          volume: target.volume,
          mode,
          signal,
          onRead: byteProgress(progress, choice.size),
          onProgress: ({ phase }) => progress.report({ message: phaseText(phase) }),
        }),
    );
    await ctx.session.refresh();
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Imported {0} files and {1} folders ({2}) from image {3} into volume {4}.',
        result.counts.files.toLocaleString(),
        result.counts.directories.toLocaleString(),
        formatBytes(result.counts.bytes),
        image,
        target.volume,
      ),
    );
  };
}
