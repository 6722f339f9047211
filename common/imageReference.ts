// The grammar of image references as distribution/reference defines it (reference.go, regexp.go),
// shared by the language server's FROM checks and the extension's image names.

const alphaNumeric = '[a-z0-9]+';
const separator = '(?:[_.]|__|[-]+)';
const pathComponent = `${alphaNumeric}(?:${separator}${alphaNumeric})*`;
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domainName = `${domainComponent}(?:\\.${domainComponent})*`;
const ipv6 = '\\[[a-fA-F0-9:]+\\]';
const domainAndPort = `(?:${domainName}|${ipv6})(?::[0-9]+)?`;
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';

/** Groups: 1 the name (with its registry), 2 the tag, 3 the digest. */
export const referencePattern = new RegExp(
  `^((?:${domainAndPort}/)?${pathComponent}(?:/${pathComponent})*)(?::(${tag}))?(?:@(${digest}))?$`,
);

export const nameTotalLengthMax = 255;

/**
 * True when the part of `image` after its registry is not lower case. The first part is a
 * registry when it has a dot or a colon, is localhost, or is not lower case (splitDockerDomain).
 */
export function repositoryNotLowerCase(image: string): boolean {
  const slash = image.indexOf('/');
  const first = slash < 0 ? '' : image.slice(0, slash);
  const hasDomain =
    slash >= 0 && (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase());
  const remote = (hasDomain ? image.slice(slash + 1) : image).split(/[:@]/)[0];
  return remote !== remote.toLowerCase();
}

/** 64 hexadecimal digits are an image ID, which Docker refuses as a name. */
export function looksLikeImageId(name: string): boolean {
  return /^[a-f0-9]{64}$/.test(name);
}

/**
 * The registry host a reference names, as Docker's ParseNormalizedNamed splits it: the part before
 * the first `/` when it looks like a host (a dot, a port, or `localhost`); undefined for Docker Hub.
 */
export function registryHostOf(reference: string): string | undefined {
  const slash = reference.indexOf('/');
  if (slash <= 0) return undefined;
  const first = reference.slice(0, slash);
  return first.includes('.') || first.includes(':') || first === 'localhost' ? first : undefined;
}
