// The name a volume's image gets: `name[:tag]` as Docker accepts it, checked before anything is
// sent, and split the way POST /images/create wants it (repo and tag apart).
import * as l10n from '@vscode/l10n';
import {
  looksLikeImageId,
  nameTotalLengthMax,
  referencePattern,
  repositoryNotLowerCase,
} from '../../../../common/imageReference';

export interface ImageTag {
  repo: string;
  tag: string;
}

/** Undefined when Docker accepts `reference` as a new image's name; otherwise what to change. */
export function imageTagProblem(reference: string): string | undefined {
  if (reference === '') return l10n.t('Enter an image name, such as "backups/data:2024-05-01".');
  if (/\s/.test(reference)) return l10n.t('An image name cannot contain spaces.');
  if (reference.includes('@'))
    return l10n.t('Leave out the digest ("@sha256:…"): the engine computes it when the image is made.');
  if (repositoryNotLowerCase(reference))
    return l10n.t('Image names are lower case: use "{0}".', lowerRepository(reference));
  const match = referencePattern.exec(reference);
  if (!match) {
    return l10n.t(
      'An image name has the form name[:tag]: lower-case letters, digits and separators (".", "_", "-") in each "/"-separated part, and a tag of letters, digits, ".", "_" and "-" up to 128 characters.',
    );
  }
  if (match[1].length > nameTotalLengthMax)
    return l10n.t('The image name is longer than {0} characters.', nameTotalLengthMax);
  if (looksLikeImageId(match[1]))
    return l10n.t('64 hexadecimal digits are an image ID, not a name: choose a name.');
  return undefined;
}

/** `reference` split into repo and tag (`latest` when none is given); check it first. */
export function splitImageTag(reference: string): ImageTag {
  const match = referencePattern.exec(reference);
  if (!match) throw new Error(imageTagProblem(reference));
  return { repo: match[1], tag: match[2] ?? 'latest' };
}

function lowerRepository(reference: string): string {
  const colon = reference.lastIndexOf(':');
  const slash = reference.lastIndexOf('/');
  if (colon > slash) return reference.slice(0, colon).toLowerCase() + reference.slice(colon);
  return reference.toLowerCase();
}
