// Which images Import Volume from Image offers, and whether a name is taken before Export uses it.
import type Docker from 'dockerode';
import { helperLabel } from '../../engine/model/berthHelpers';
import { isNotFound } from './engineErrors';
import { exportedVolumeLabel } from './helpers';

export interface ImageChoice {
  reference: string;
  /** The volume it was exported from, when Berth made it. */
  volume?: string;
  created: number;
  /** The image's size in bytes: an estimate of what reading its files moves. */
  size: number;
}

/** Every tagged image but Berth's own helper image: exported volumes first, then newest first. */
export async function importableImages(docker: Docker): Promise<ImageChoice[]> {
  const images = await docker.listImages();
  const choices: ImageChoice[] = [];
  for (const image of images) {
    if (image.Labels?.[helperLabel] !== undefined) continue;
    for (const reference of image.RepoTags ?? []) {
      if (reference === '<none>:<none>') continue;
      choices.push({
        reference,
        volume: image.Labels?.[exportedVolumeLabel],
        created: image.Created,
        size: image.Size,
      });
    }
  }
  return choices.sort(
    (a, b) =>
      Number(b.volume !== undefined) - Number(a.volume !== undefined) ||
      b.created - a.created ||
      a.reference.localeCompare(b.reference),
  );
}

export async function imageExists(docker: Docker, reference: string): Promise<boolean> {
  try {
    await docker.getImage(reference).inspect();
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}
