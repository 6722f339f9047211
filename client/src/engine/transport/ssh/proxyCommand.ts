// ProxyCommand from ssh_config, run as a program with its arguments, never through a shell: ssh
// hands the line to `$SHELL -c`, but what people write there (cloudflared, aws ssm, gcloud's IAP
// tunnel, nc, ssh -W) is one program and its words. Quotes group words as the shell would; a
// line that needs anything else the shell does (pipes, variables, globs…) is refused, naming it.

/** The values ssh substitutes for ProxyCommand's % tokens. */
export interface ProxyTokens {
  /** %h: the host name after HostName. */
  hostName: string;
  /** %n: the host as given. */
  originalHost: string;
  /** %p */
  port: number;
  /** %r: the remote user. */
  user: string;
  /** %u: the local user. */
  localUser: string;
  /** %d: the local home folder; also what a leading `~/` means. */
  home: string;
}

export type ProxyArgv = { argv: string[] } | { shellSyntax: string };

/** What each character outside quotes would make the shell do, for the refusal. */
const shellOnly: Record<string, string> = {
  '|': 'a pipe (|)',
  '&': '& (background or &&)',
  ';': 'a command list (;)',
  '<': 'a redirection (<)',
  '>': 'a redirection (>)',
  '(': 'a subshell or parenthesis',
  ')': 'a subshell or parenthesis',
  $: 'a variable or substitution ($)',
  '`': 'a command substitution (`)',
  '*': 'a wildcard (*)',
  '?': 'a wildcard (?)',
  '[': 'a wildcard ([)',
  '{': 'a brace expansion ({)',
  '\n': 'a line break',
};

/**
 * Words substituted into the command must stay one word and mean nothing to a program that
 * runs a shell itself (`sh -c "… %h"`): only what host and user names are made of.
 */
const safeValue = /^[A-Za-z0-9._@:[\]-]+$/;

/** Splits the line into words as a POSIX shell would, or says which shell feature it needs. */
function splitWords(line: string): { words: string[] } | { shellSyntax: string } {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === ' ' || c === '\t') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    inWord = true;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { shellSyntax: "an unclosed quote (')" };
      word += line.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '$' || line[j] === '`') return { shellSyntax: shellOnly[line[j]] };
        if (line[j] === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1])) j++;
        word += line[j];
      }
      if (j >= line.length) return { shellSyntax: 'an unclosed quote (")' };
      i = j;
    } else if (c === '\\') {
      if (i + 1 >= line.length) return { shellSyntax: 'a trailing backslash' };
      word += line[++i];
    } else if (c === '#' && word === '') {
      return { shellSyntax: 'a comment (#)' };
    } else if (shellOnly[c] !== undefined) {
      return { shellSyntax: shellOnly[c] };
    } else if (
      c === '~' &&
      word === '' &&
      line[i + 1] !== undefined &&
      line[i + 1] !== '/' &&
      line[i + 1] !== ' '
    ) {
      return { shellSyntax: "another user's home (~user)" };
    } else {
      // A leading ~ (and only an unquoted one) is the home folder, marked here and replaced below.
      word += c === '~' && word === '' ? '\0~' : c;
    }
  }
  if (inWord) words.push(word);
  return { words };
}

/** The program and arguments of a ProxyCommand line, tokens replaced, or why it needs a shell. */
export function proxyArgv(line: string, tokens: ProxyTokens): ProxyArgv {
  const split = splitWords(line);
  if ('shellSyntax' in split) return split;
  const words = split.words;
  // `exec` only spares the shell a fork; there is no shell here.
  if (words[0] === 'exec') words.shift();
  if (words.length === 0) return { shellSyntax: 'no program' };
  const values: Record<string, string> = {
    h: tokens.hostName,
    n: tokens.originalHost,
    p: String(tokens.port),
    r: tokens.user,
    u: tokens.localUser,
    d: tokens.home,
  };
  const argv: string[] = [];
  for (const word of words) {
    let unknown: string | undefined;
    let unsafe: string | undefined;
    const replaced = word.replace(/^\0~/, tokens.home).replace(/%(.?)/g, (whole, char: string) => {
      if (char === '%') return '%';
      const value = values[char];
      if (value === undefined) unknown ??= whole;
      else if (char !== 'd' && !safeValue.test(value)) unsafe ??= value;
      return value ?? whole;
    });
    if (unknown) return { shellSyntax: `the token ${unknown}, which Berth does not fill in` };
    if (unsafe)
      return {
        shellSyntax: `a host or user name with other characters than letters, digits and ._-@: (${unsafe})`,
      };
    argv.push(replaced);
  }
  return { argv };
}
