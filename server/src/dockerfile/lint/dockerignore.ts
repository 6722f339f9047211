// .dockerignore as BuildKit reads it: moby/patternmatcher's ignorefile.ReadAll for the lines,
// and its PatternMatcher for what a path matches.

/** Go's path.Clean for slash paths. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
    } else out.push(part);
  }
  const joined = out.join('/');
  return rooted ? `/${joined}` : joined === '' ? '.' : joined;
}

/** The patterns of a .dockerignore, in order (`!` kept on exclusions). */
export function readIgnoreFile(text: string): string[] {
  const patterns: string[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const line of lines) {
    if (line.startsWith('#')) continue;
    let pattern = line.trim();
    if (pattern === '') continue;
    const invert = pattern.startsWith('!');
    if (invert) pattern = pattern.slice(1).trim();
    if (pattern !== '') {
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
    }
    patterns.push(invert ? `!${pattern}` : pattern);
  }
  return patterns;
}

interface Pattern {
  /** As written, cleaned, without the `!`. */
  text: string;
  exclusion: boolean;
  test: (path: string) => boolean;
}

const regexpSpecial = new Set(['.', '+', '(', ')', '|', '{', '}', '$']);

/** patternmatcher's Pattern.compile: exact, prefix (`a/**`), suffix (`**\/a`) or a regexp. */
function compile(pattern: string): (path: string) => boolean {
  let re = '^';
  let kind: 'exact' | 'prefix' | 'suffix' | 'regexp' = 'exact';
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === '*') {
      if (chars[i + 1] === '*') {
        const start = i;
        i++;
        if (chars[i + 1] === '/') i++;
        if (i + 1 >= chars.length) {
          if (kind === 'exact') kind = 'prefix';
          else {
            re += '.*';
            kind = 'regexp';
          }
        } else {
          re += '(.*/)?';
          kind = 'regexp';
        }
        if (start === 0) kind = 'suffix';
      } else {
        re += '[^/]*';
        kind = 'regexp';
      }
    } else if (ch === '?') {
      re += '[^/]';
      kind = 'regexp';
    } else if (regexpSpecial.has(ch)) re += `\\${ch}`;
    else if (ch === '\\') {
      if (i + 1 < chars.length) {
        re += `\\${chars[++i]}`;
        kind = 'regexp';
      } else re += '\\\\';
    } else if (ch === '[' || ch === ']') {
      re += ch;
      kind = 'regexp';
    } else re += ch;
  }
  if (kind === 'exact') return (path) => path === pattern;
  if (kind === 'prefix') {
    const prefix = pattern.slice(0, -2);
    return (path) => path.startsWith(prefix);
  }
  if (kind === 'suffix') {
    const suffix = pattern.slice(2);
    return (path) => path.endsWith(suffix) || (suffix.startsWith('/') && path === suffix.slice(1));
  }
  let regexp: RegExp;
  try {
    regexp = new RegExp(`${re}$`, 'u');
  } catch {
    return () => false;
  }
  return (path) => regexp.test(path);
}

export interface IgnoreMatcher {
  /** Whether a pattern starts with `!`: BuildKit then checks no COPY source at all. */
  readonly exclusions: boolean;
  readonly patterns: readonly Pattern[];
}

/** The matcher for these patterns, or undefined when BuildKit would refuse them (`!` alone). */
export function ignoreMatcher(patterns: readonly string[]): IgnoreMatcher | undefined {
  const compiled: Pattern[] = [];
  let exclusions = false;
  for (const raw of patterns) {
    let p = raw.trim();
    if (p === '') continue;
    p = cleanPath(p);
    const exclusion = p.startsWith('!');
    if (exclusion) {
      if (p.length === 1) return undefined;
      p = p.slice(1);
      exclusions = true;
    }
    compiled.push({ text: p, exclusion, test: compile(p) });
  }
  return { exclusions, patterns: compiled };
}

/**
 * The pattern that excludes `file` or one of its parent folders (MatchesOrParentMatches), or
 * undefined when the file stays in the context.
 */
export function excludedBy(matcher: IgnoreMatcher, file: string): string | undefined {
  const slash = file.lastIndexOf('/');
  const parents = slash < 0 ? [] : file.slice(0, slash).split('/');
  let matchedBy: string | undefined;
  for (const pattern of matcher.patterns) {
    // Only a pattern that could change the answer is tried, as in patternmatcher.
    if (pattern.exclusion !== (matchedBy !== undefined)) continue;
    let match = pattern.test(file);
    for (let i = 0; !match && i < parents.length; i++)
      match = pattern.test(parents.slice(0, i + 1).join('/'));
    if (match) matchedBy = pattern.exclusion ? undefined : pattern.text;
  }
  return matchedBy;
}
