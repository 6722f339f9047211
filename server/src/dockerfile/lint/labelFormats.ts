// The value checks of hadolint's label schema (DL3052-DL3058), each accepting what the Haskell
// library hadolint calls accepts: a label value hadolint passes must pass here too.
import deprecatedSpdxIds from 'spdx-license-ids/deprecated.json';
import spdxIds from 'spdx-license-ids/index.json';
import type { LabelType } from './config';
import { isEmailAddress } from './emailAddress';

// RFC 3986's character classes, as network-uri's parseURI reads them (ASCII only).
const unreserved = 'A-Za-z0-9._~\\-';
const subDelims = "!$&'()*+,;=";
const pct = '%[0-9A-Fa-f]{2}';
const pchar = `(?:[${unreserved}${subDelims}:@]|${pct})`;
const h16 = '[0-9A-Fa-f]{1,4}';
const octet = '(?:25[0-5]|2[0-4][0-9]|[01][0-9]{2}|[0-9]{1,2})';
const ls32 = `(?:${h16}:${h16}|${octet}(?:\\.${octet}){3})`;
const ipv6 = [
  `(?:${h16}:){6}${ls32}`,
  `::(?:${h16}:){5}${ls32}`,
  `(?:${h16})?::(?:${h16}:){4}${ls32}`,
  `(?:(?:${h16}:){0,1}${h16})?::(?:${h16}:){3}${ls32}`,
  `(?:(?:${h16}:){0,2}${h16})?::(?:${h16}:){2}${ls32}`,
  `(?:(?:${h16}:){0,3}${h16})?::${h16}:${ls32}`,
  `(?:(?:${h16}:){0,4}${h16})?::${ls32}`,
  `(?:(?:${h16}:){0,5}${h16})?::${h16}`,
  `(?:(?:${h16}:){0,6}${h16})?::`,
].join('|');
const ipLiteral = `\\[(?:${ipv6}|v[0-9A-Fa-f]+\\.[${unreserved}${subDelims}:]+)\\]`;
/** network-uri reads at most 255 characters (or %XX escapes) of a host name. */
const regName = `(?:[${unreserved}${subDelims}]|${pct}){0,255}`;
const authority = `(?:(?:[${unreserved}${subDelims}:]|${pct})*@)?(?:${ipLiteral}|${regName})(?::[0-9]*)?`;
const hierPart = `//${authority}(?:/${pchar}*)*|/(?:${pchar}+(?:/${pchar}*)*)?|${pchar}+(?:/${pchar}*)*|`;
const absoluteUri = new RegExp(
  `^[A-Za-z][A-Za-z0-9+.-]*:(?:${hierPart})(?:\\?(?:${pchar}|[/?])*)?(?:#(?:${pchar}|[/?])*)?$`,
);

/** An absolute URI by RFC 3986 (`scheme:` and the rest; a fragment may follow), as network-uri's parseURI. */
export function isUri(value: string): boolean {
  return absoluteUri.test(value);
}

/** Haskell's `isSpace`, which the time library skips where it allows white space. */
const space = '[\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000]';
/**
 * timerep's parseTimeRFC3339 tries `%FT%TZ`, `%FT%T%z`, `%FT%T%Q%z` and `%FT%T%QZ` with the time
 * library's parseTimeM, which skips white space around the whole, reads the year as any number of
 * digits (a `-` may lead), matches `T` and `Z` in either case, and the offset as `±hh:mm` or
 * `±hhmm`; the fraction of a second may have any number of digits, none included.
 */
const dateTime = new RegExp(
  `^${space}*-?${space}*(\\d+)-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(?:\\.\\d*)?(?:[Zz]|[+-]\\d{2}:?\\d{2})${space}*$`,
);

function daysIn(year: bigint, month: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  const leap = year % 4n === 0n && (year % 100n !== 0n || year % 400n === 0n);
  return leap ? 29 : 28;
}

/**
 * An RFC 3339 date-time with an offset (`2021-03-10T10:26:33.56+01:00`, `…Z`), with the ranges
 * the time library checks: a real calendar day, hours to 23, minutes to 59, seconds to 60 (a leap
 * second). Like it, the offset's digits are not range-checked.
 */
export function isRfc3339(value: string): boolean {
  const m = dateTime.exec(value);
  if (!m) return false;
  const [month, day, hour, minute, second] = m.slice(2).map(Number);
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysIn(BigInt(m[1]), month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 60
  );
}

/** A short (7) or full (40) git commit hash, in lower-case hex, as hadolint's DL3055. */
export function isGitHash(value: string): boolean {
  return /^(?:[0-9a-f]{7}|[0-9a-f]{40})$/.test(value);
}

/**
 * `MAJOR.MINOR.PATCH`, then an optional `-pre.release` and `+build.metadata`, as the semver
 * library's fromText reads it: no leading `v`; it lets leading zeros, and an empty or dot-ended
 * identifier list, through.
 */
const semver = /^\d+\.\d+\.\d+(?:-(?:[0-9A-Za-z-]+\.?)*)?(?:\+(?:[0-9A-Za-z-]+\.?)*)?$/;

export function isSemver(value: string): boolean {
  return semver.test(value);
}

let spdx: ReadonlySet<string> | undefined;

/**
 * One SPDX license identifier, exactly as the SPDX list spells it (case matters), deprecated ones
 * included: Cabal's LicenseId parser, which hadolint uses, takes no expression (`MIT OR
 * Apache-2.0`), no `+` and no `LicenseRef-`. Trailing white space is allowed, as there.
 */
export function isSpdxId(value: string): boolean {
  spdx ??= new Set([...spdxIds, ...deprecatedSpdxIds]);
  return spdx.has(value.replace(/\s+$/, ''));
}

const checks: Readonly<Record<LabelType, (value: string) => boolean>> = {
  text: () => true,
  url: isUri,
  rfc3339: isRfc3339,
  hash: isGitHash,
  semver: isSemver,
  spdx: isSpdxId,
  email: isEmailAddress,
};

/** Whether a label value has the type the schema names. */
export function hasLabelType(value: string, type: LabelType): boolean {
  return checks[type](value);
}
