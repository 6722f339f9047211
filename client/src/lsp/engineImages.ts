// The answer to the server's EngineImagesRequest: the tagged images on the engines the sessions
// are connected to. No vscode import: tested against a real engine without an editor.
import type { EngineImagesRequest } from '../../../common/engineImages';
import type { EngineSession } from '../engine/live/contract';

/**
 * Lists the engine's tagged images (`GET /images/json`). Before the session connects (no Berth
 * view was shown yet) or while the engine is unreachable the list is empty: completion never
 * starts engine I/O of its own, and never waits for a connection.
 */
export async function engineImages(session: EngineSession): Promise<EngineImagesRequest.Result> {
  const docker = session.docker;
  if (!docker) return { images: [] };
  const listed = await docker.listImages();
  const images: EngineImagesRequest.Image[] = [];
  for (const image of listed) {
    for (const repoTag of image.RepoTags ?? []) {
      // `<none>:<none>` marks an untagged image; `FROM` cannot name it by tag.
      if (repoTag === '<none>:<none>') continue;
      const colon = repoTag.lastIndexOf(':');
      // A registry port (`host:5000/app`) is not a tag: a tag never holds a slash.
      const hasTag = colon > 0 && !repoTag.slice(colon + 1).includes('/');
      images.push({
        repository: hasTag ? repoTag.slice(0, colon) : repoTag,
        tag: hasTag ? repoTag.slice(colon + 1) : 'latest',
        created: image.Created,
        size: image.Size,
      });
    }
  }
  return { images };
}

export interface ImageSource {
  label: string;
  session: EngineSession;
}

/**
 * The images of every engine, each `repository:tag` once, naming the engines that hold it when
 * there are several. An engine that fails to answer is left out and reported to `failed`: the
 * others still complete.
 */
export async function fleetImages(
  sources: readonly ImageSource[],
  failed: (label: string, error: unknown) => void,
): Promise<EngineImagesRequest.Result> {
  const lists = await Promise.all(
    sources.map(async ({ label, session }) => {
      try {
        return { label, images: (await engineImages(session)).images };
      } catch (error) {
        failed(label, error);
        return { label, images: [] };
      }
    }),
  );
  return { images: mergeImages(lists) };
}

/** Pure: one entry per `repository:tag`, the newest build's figures, the engines in list order. */
export function mergeImages(
  lists: readonly { label: string; images: readonly EngineImagesRequest.Image[] }[],
): EngineImagesRequest.Image[] {
  if (lists.length === 1) return [...lists[0].images];
  const merged = new Map<string, EngineImagesRequest.Image & { engines: string[] }>();
  for (const { label, images } of lists)
    for (const image of images) {
      const key = `${image.repository}:${image.tag}`;
      const known = merged.get(key);
      if (!known) merged.set(key, { ...image, engines: [label] });
      else {
        if (!known.engines.includes(label)) known.engines.push(label);
        if (image.created > known.created) Object.assign(known, { created: image.created, size: image.size });
      }
    }
  return [...merged.values()];
}
