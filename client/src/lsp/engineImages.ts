// The answer to the server's EngineImagesRequest: the tagged images on the engine the session is
// connected to. No vscode import: tested against a real engine without an editor.
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
