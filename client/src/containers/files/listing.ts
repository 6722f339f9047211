// A container's folder as the tree shows it: what the archive lists, and beside it what the
// container deleted from that folder, from the same changes the A, C and D decorations use.
import type { ArchiveFiles } from '../../archiveFiles/core/files';
import type { FolderListing } from '../../archiveFiles/core/read';
import { withDeletedEntries, type ChangeBadge } from '../core/changes';

export type ChangesOf = (containerId: string) => Promise<ReadonlyMap<string, ChangeBadge>>;

export async function listContainerFolder(
  files: ArchiveFiles,
  changesOf: ChangesOf,
  containerId: string,
  path: string,
): Promise<FolderListing> {
  const [listing, changes] = await Promise.all([files.list(containerId, path), changesOf(containerId)]);
  return { ...listing, entries: withDeletedEntries(listing.entries, changes, path) };
}
