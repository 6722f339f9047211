// RFC 5322's addr-spec as the email-validate library (2.3.2) reads it, for hadolint's DL3058: a
// local part of dot-atoms or quoted strings; a domain of host-name labels or a [domain literal];
// comments and folding white space around the parts; UTF-8 where RFC 6532 allows it; and the
// RFC 3696 lengths. It parses the UTF-8 bytes, as hadolint hands it `encodeUtf8 value`, and like
// attoparsec tries alternatives in order, each loop taking as much as it can.

/** Where a parse ended and the length of what it keeps (comments and folding white space dropped). */
interface Parsed {
  end: number;
  length: number;
}

const between = (c: number | undefined, from: number, to: number): boolean =>
  c !== undefined && c >= from && c <= to;
const isWsp = (c: number | undefined): boolean => c === 0x20 || c === 0x09;
const isAlphaNum = (c: number | undefined): boolean =>
  between(c, 0x30, 0x39) || between(c, 0x41, 0x5a) || between(c, 0x61, 0x7a);
const isObsNoWsCtl = (c: number | undefined): boolean =>
  between(c, 1, 8) || c === 11 || c === 12 || between(c, 14, 31) || c === 127;
const atomSpecials = new Set([..."!#$%&'*+/=?^_`{|}~-"].map((ch) => ch.charCodeAt(0)));
const isAtomText = (c: number | undefined): boolean =>
  isAlphaNum(c) || (c !== undefined && atomSpecials.has(c));
const isQuotedText = (c: number | undefined): boolean =>
  c === 33 || between(c, 35, 91) || between(c, 93, 126) || isObsNoWsCtl(c);
const isCommentText = (c: number | undefined): boolean =>
  between(c, 33, 39) || between(c, 42, 91) || between(c, 93, 126) || isObsNoWsCtl(c);
const isDomainText = (c: number | undefined): boolean =>
  between(c, 33, 90) || between(c, 94, 126) || isObsNoWsCtl(c);

class AddrSpecParser {
  constructor(private readonly b: Uint8Array) {}

  /** The end of a run of `test` bytes from `i`, or -1 when there is none. */
  private run(i: number, test: (c: number | undefined) => boolean): number {
    let j = i;
    while (test(this.b[j])) j++;
    return j > i ? j : -1;
  }

  /** One UTF-8 sequence of two to four bytes. */
  private nonAscii(i: number): number {
    const c = this.b[i];
    const extra = between(c, 0xc0, 0xdf) ? 1 : between(c, 0xe0, 0xef) ? 2 : between(c, 0xf0, 0xf7) ? 3 : 0;
    if (extra === 0) return -1;
    for (let k = 1; k <= extra; k++) if (!between(this.b[i + k], 0x80, 0xbf)) return -1;
    return i + 1 + extra;
  }

  private crlfWsp(i: number): number {
    return this.b[i] === 0x0d && this.b[i + 1] === 0x0a ? this.run(i + 2, isWsp) : -1;
  }

  /** Folding white space: blanks, optionally a CRLF and more blanks; or CRLF-and-blanks runs. */
  private fws(i: number): number {
    const blanks = this.run(i, isWsp);
    if (blanks >= 0) {
      const folded = this.crlfWsp(blanks);
      return folded >= 0 ? folded : blanks;
    }
    let j = i;
    for (let k = this.crlfWsp(j); k >= 0; k = this.crlfWsp(j)) j = k;
    return j > i ? j : -1;
  }

  private quotedPair(i: number): Parsed | undefined {
    if (this.b[i] !== 0x5c) return undefined;
    const c = this.b[i + 1];
    if (between(c, 0x21, 0x7e) || isWsp(c) || c === 0x0a || c === 0x0d || isObsNoWsCtl(c) || c === 0)
      return { end: i + 2, length: 2 };
    const end = this.nonAscii(i + 1);
    return end < 0 ? undefined : { end, length: end - i };
  }

  private commentContent(i: number): number {
    const text = this.run(i, isCommentText);
    if (text >= 0) return text;
    const pair = this.quotedPair(i);
    if (pair) return pair.end;
    const utf8 = this.nonAscii(i);
    return utf8 >= 0 ? utf8 : this.comment(i);
  }

  /** `( … )`, which may nest. */
  private comment(i: number): number {
    if (this.b[i] !== 0x28) return -1;
    let j = i + 1;
    for (;;) {
      const content = this.commentContent(j);
      const next = content >= 0 ? content : this.fws(j);
      if (next < 0) break;
      j = next;
    }
    return this.b[j] === 0x29 ? j + 1 : -1;
  }

  /** Comments and folding white space, skipped; never fails. */
  private cfws(i: number): number {
    for (;;) {
      const comment = this.comment(i);
      const next = comment >= 0 ? comment : this.fws(i);
      if (next < 0) return i;
      i = next;
    }
  }

  private atom(i: number): Parsed | undefined {
    let j = i;
    for (;;) {
      const text = this.run(j, isAtomText);
      const next = text >= 0 ? text : this.nonAscii(j);
      if (next < 0) break;
      j = next;
    }
    return j > i ? { end: j, length: j - i } : undefined;
  }

  private quotedContent(i: number): Parsed | undefined {
    const text = this.run(i, isQuotedText);
    if (text >= 0) return { end: text, length: text - i };
    const pair = this.quotedPair(i);
    if (pair) return pair;
    const utf8 = this.nonAscii(i);
    return utf8 < 0 ? undefined : { end: utf8, length: utf8 - i };
  }

  private quotedString(i: number): Parsed | undefined {
    if (this.b[i] !== 0x22) return undefined;
    let j = i + 1;
    let length = 2;
    for (;;) {
      const blank = this.fws(j);
      const content = this.quotedContent(blank >= 0 ? blank : j);
      if (!content) break;
      j = content.end;
      length += content.length;
    }
    const blank = this.fws(j);
    if (blank >= 0) j = blank;
    return this.b[j] === 0x22 ? { end: j + 1, length } : undefined;
  }

  /** `item` (`sepBy1` dots): the items and the dots between them. */
  private dotted(i: number, item: (i: number) => Parsed | undefined): Parsed | undefined {
    const first = item(i);
    if (!first) return undefined;
    let { end, length } = first;
    for (;;) {
      const next = this.b[end] === 0x2e ? item(end + 1) : undefined;
      if (!next) return { end, length };
      end = next.end;
      length += 1 + next.length;
    }
  }

  /** Dot-atoms and quoted strings, each with comments and white space around it. */
  local(i: number): Parsed | undefined {
    return this.dotted(i, (at) => {
      const start = this.cfws(at);
      const word = this.atom(start) ?? this.quotedString(start);
      return word && { end: this.cfws(word.end), length: word.length };
    });
  }

  private label(i: number): Parsed | undefined {
    const start = this.cfws(i);
    if (!isAlphaNum(this.b[start])) return undefined;
    let j = start + 1;
    while (isAlphaNum(this.b[j]) || this.b[j] === 0x2d) j++;
    // RFC 1035: at most 63 characters, not ending in a hyphen.
    if (j - start > 63 || this.b[j - 1] === 0x2d) return undefined;
    return { end: this.cfws(j), length: j - start };
  }

  private domainName(i: number): Parsed | undefined {
    const name = this.dotted(i, (at) => this.label(at));
    if (!name || name.length > 253) return undefined;
    // A trailing dot is allowed.
    return this.b[name.end] === 0x2e ? { end: name.end + 1, length: name.length } : name;
  }

  private domainLiteral(i: number): Parsed | undefined {
    let j = this.cfws(i);
    if (this.b[j] !== 0x5b) return undefined;
    j++;
    let length = 2;
    for (;;) {
      const blank = this.fws(j);
      const from = blank >= 0 ? blank : j;
      const text = this.run(from, isDomainText);
      if (text < 0) break;
      length += text - from;
      j = text;
    }
    const blank = this.fws(j);
    if (blank >= 0) j = blank;
    return this.b[j] === 0x5d ? { end: this.cfws(j + 1), length } : undefined;
  }

  domain(i: number): Parsed | undefined {
    return this.domainName(i) ?? this.domainLiteral(i);
  }
}

const utf8 = new TextEncoder();

/** Whether `value` is one email address (`local@domain`) and nothing else. */
export function isEmailAddress(value: string): boolean {
  const bytes = utf8.encode(value);
  const parser = new AddrSpecParser(bytes);
  const local = parser.local(0);
  // RFC 3696: a local part of at most 64 octets, an address of at most 254.
  if (!local || local.length > 64 || bytes[local.end] !== 0x40) return false;
  const domain = parser.domain(local.end + 1);
  return domain !== undefined && local.length + domain.length + 1 <= 254 && domain.end === bytes.length;
}
