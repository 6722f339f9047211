// Whether a FROM image is a reference Docker accepts: the grammar of distribution/reference
// (reference.go, regexp.go) as ParseNormalizedNamed applies it.
import { text, type Localized } from './report';

const alphaNumeric = '[a-z0-9]+';
const separator = '(?:[_.]|__|[-]+)';
const pathComponent = `${alphaNumeric}(?:${separator}${alphaNumeric})*`;
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domainName = `${domainComponent}(?:\\.${domainComponent})*`;
const ipv6 = '\\[[a-fA-F0-9:]+\\]';
const domainAndPort = `(?:${domainName}|${ipv6})(?::[0-9]+)?`;
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const reference = new RegExp(
  `^((?:${domainAndPort}/)?${pathComponent}(?:/${pathComponent})*)(?::${tag})?(?:@(${digest}))?$`,
);

/** The digest algorithms go-digest knows, and the length of their hex. */
const digestLengths: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };
const nameTotalLengthMax = 255;

/** Why Docker refuses `image` as a reference, or undefined when it accepts it. */
export function invalidReference(image: string): Localized | undefined {
  if (image === '') return text('it is empty', '它是空的');
  // The first part is a registry when it has a dot or a colon, is localhost, or is not lower
  // case (splitDockerDomain); the rest must be lower case.
  const slash = image.indexOf('/');
  const first = slash < 0 ? '' : image.slice(0, slash);
  const hasDomain =
    slash >= 0 && (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase());
  const remote = (hasDomain ? image.slice(slash + 1) : image).split(/[:@]/)[0];
  if (remote !== remote.toLowerCase()) return text('repository names are lower case', '仓库名必须是小写');
  const m = reference.exec(image);
  if (!m) return text('it does not have the form name[:tag][@digest]', '它不符合 名字[:标签][@摘要] 的格式');
  if (m[1].length > nameTotalLengthMax)
    return text(
      `the name is longer than ${nameTotalLengthMax} characters`,
      `名字超过 ${nameTotalLengthMax} 个字符`,
    );
  if (/^[a-f0-9]{64}$/.test(m[1]))
    return text('64 hexadecimal digits are an image ID, not a name', '64 位十六进制数字是镜像 ID，不是名字');
  if (m[2] !== undefined) {
    const [algorithm, hex] = m[2].split(':');
    const length = digestLengths[algorithm];
    if (length === undefined)
      return text(`the digest algorithm ${algorithm} is not supported`, `不支持摘要算法 ${algorithm}`);
    if (hex.length !== length)
      return text(
        `a ${algorithm} digest has ${length} hexadecimal digits`,
        `${algorithm} 摘要应有 ${length} 位十六进制数字`,
      );
  }
  return undefined;
}
