// Browse Volume: a quick pick that walks folders and opens files read-only; the same listing
// (SessionVolumeTools.list) lets the Volumes tree show folders under a volume.
import * as vscode from 'vscode';
import type { BerthCommand } from '../../commands/context';
import type { SessionVolumeTools } from '../tools';
import { formatBytes } from '../../shared/text';
import type { FileEntry } from '../../archiveFiles/core/read';
import { chooseVolume } from './target';

import { rootUri } from '../../archiveFiles/uri';

interface BrowseItem extends vscode.QuickPickItem {
  entry?: FileEntry;
  up?: boolean;
}

/** Opens one file of a volume in a read-only editor ("Save As…" copies it to the host). */
async function openVolumeFile(engine: string | undefined, volume: string, path: string): Promise<void> {
  await vscode.commands.executeCommand('vscode.open', rootUri('volume', volume, path, engine), {
    preview: true,
  });
}

function itemOf(entry: FileEntry): BrowseItem {
  const icon =
    entry.kind === 'directory' ? '$(folder)' : entry.kind === 'symlink' ? '$(file-symlink-file)' : '$(file)';
  const mode = (entry.mode & 0o7777).toString(8).padStart(4, '0');
  const details = [entry.kind === 'file' ? formatBytes(entry.size) : '', mode, `${entry.uid}:${entry.gid}`];
  return {
    label: `${icon} ${entry.name}`,
    description:
      entry.linkTarget !== undefined ? `→ ${entry.linkTarget}` : details.filter(Boolean).join(' · '),
    entry,
  };
}

export function browseVolume(volumes: SessionVolumeTools): BerthCommand {
  return async (ctx, _node, _selection, argument) => {
    const volume = await chooseVolume(ctx.session, argument, vscode.l10n.t('Volume to browse'));
    if (volume === undefined) return;
    let path = '';
    const pick = vscode.window.createQuickPick<BrowseItem>();
    pick.matchOnDescription = true;
    try {
      for (;;) {
        pick.title = vscode.l10n.t('Volume {0}: /{1}', volume, path);
        pick.placeholder = vscode.l10n.t('Pick a folder to open it, or a file to view it read-only');
        pick.items = [];
        pick.busy = true;
        pick.show();
        const listing = await volumes.tools().list(volume, path);
        const items: BrowseItem[] = listing.entries.map(itemOf);
        if (path !== '') items.unshift({ label: '$(arrow-up) ..', up: true });
        if (listing.truncated) {
          items.push({
            label: vscode.l10n.t('$(warning) Only the first {0} entries are shown', listing.entries.length),
            alwaysShow: true,
          });
        }
        if (items.length === 0) items.push({ label: vscode.l10n.t('(empty folder)'), alwaysShow: true });
        pick.items = items;
        pick.busy = false;
        const chosen = await new Promise<BrowseItem | undefined>((resolve) => {
          const accept = pick.onDidAccept(() => {
            accept.dispose();
            hide.dispose();
            resolve(pick.selectedItems[0]);
          });
          const hide = pick.onDidHide(() => {
            accept.dispose();
            hide.dispose();
            resolve(undefined);
          });
        });
        if (!chosen) return;
        if (chosen.up) {
          path = path.split('/').slice(0, -1).join('/');
        } else if (chosen.entry?.kind === 'directory') {
          path = chosen.entry.path;
        } else if (chosen.entry) {
          pick.hide();
          await openVolumeFile(ctx.engine, volume, chosen.entry.path);
          return;
        }
      }
    } finally {
      pick.dispose();
    }
  };
}
