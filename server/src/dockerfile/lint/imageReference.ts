// Whether a FROM image is a reference Docker accepts: the grammar of distribution/reference
// (reference.go, regexp.go) as ParseNormalizedNamed applies it.
import {
  looksLikeImageId,
  nameTotalLengthMax,
  referencePattern,
  repositoryNotLowerCase,
} from '../../../../common/imageReference';
import { text, type Localized } from './report';

/** The digest algorithms go-digest knows, and the length of their hex. */
const digestLengths: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/** Why Docker refuses `image` as a reference, or undefined when it accepts it. */
export function invalidReference(image: string): Localized | undefined {
  if (image === '') return text('it is empty', '它是空的');
  if (repositoryNotLowerCase(image)) return text('repository names are lower case', '仓库名必须是小写');
  const m = referencePattern.exec(image);
  if (!m) return text('it does not have the form name[:tag][@digest]', '它不符合 名字[:标签][@摘要] 的格式');
  if (m[1].length > nameTotalLengthMax)
    return text(
      `the name is longer than ${nameTotalLengthMax} characters`,
      `名字超过 ${nameTotalLengthMax} 个字符`,
    );
  if (looksLikeImageId(m[1]))
    return text('64 hexadecimal digits are an image ID, not a name', '64 位十六进制数字是镜像 ID，不是名字');
  if (m[3] !== undefined) {
    const [algorithm, hex] = m[3].split(':');
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
