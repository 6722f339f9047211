// ssh's patterns, as its match_pattern() reads them: `*` any run of characters, `?` any one, and
// everything else itself, over the whole text. Host names, known_hosts fields and Include file
// names all use them.

const specials = /[.+^${}()|[\]\\]/g;

/** Whether all of `text` fits `pattern`; host names pass `caseless`, file names do not. */
export function matchesWildcard(text: string, pattern: string, caseless = false): boolean {
  const source = pattern.replace(specials, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, caseless ? 'is' : 's').test(text);
}

/**
 * A host name against a list of patterns, some negated with `!`: a negated match wins over
 * everything, else any plain match. Case does not count, as for ssh.
 */
export function matchesHostPatterns(host: string, patterns: readonly string[]): boolean {
  let matched = false;
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) {
      if (matchesWildcard(host, pattern.slice(1), true)) return false;
    } else if (pattern && matchesWildcard(host, pattern, true)) matched = true;
  }
  return matched;
}
