// Builds dockerfile-injection.tmLanguage.json. The grammar is generated because TextMate has no
// way to say "the k-th heredoc on this line": every heredoc count, terminator style (`<<` or
// `<<-`) and body language needs its own rule, and writing ~100 near-identical rules by hand
// would let them drift apart. Run `node syntaxes/generate-injection.mjs` after editing; a unit
// test fails when the committed JSON differs from what this script produces.
import { readFile, writeFile } from 'node:fs/promises';
import { URL, fileURLToPath } from 'node:url';
import prettier from 'prettier';

export const SCOPE_NAME = 'berth.dockerfile.injection';
const OUTPUT = fileURLToPath(new URL('./dockerfile-injection.tmLanguage.json', import.meta.url));

/** BuildKit allows up to this many heredocs per instruction line in practice; more are absorbed. */
const MAX_HEREDOCS = 3;

/** Languages a heredoc body can be; `names` are the interpreter commands that select it. */
export const LANGUAGES = [
  { id: 'shellscript', scope: 'source.shell', names: '(?:ba|da|a|z|k|mk)?sh' },
  { id: 'python', scope: 'source.python', names: '(?:python|pypy)[\\d.]*' },
  { id: 'javascript', scope: 'source.js', names: 'node(?:js)?|bun' },
  { id: 'ruby', scope: 'source.ruby', names: 'ruby[\\d.]*' },
  { id: 'perl', scope: 'source.perl', names: 'perl[\\d.]*' },
  { id: 'powershell', scope: 'source.powershell', names: 'pwsh|powershell' },
];

// A heredoc operator starts a whitespace-separated word, as in BuildKit's lexer (`$((1<<2))` is not one).
const MARKER_START = '(?<!\\S)\\d*<<';
const DELIMITER = '[^\\s"\'<]+';
const ANY_MARKER = `${MARKER_START}-?(?:"${DELIMITER}"|'${DELIMITER}'|${DELIMITER})(?=\\s|$)`;
const NOT_A_MARKER = `(?:(?!${MARKER_START}).)*`;
const FLAGS = '(?:\\s+-\\S*)*';
const WORD = '[\\w./][\\w./+-]*';
const RUN_KEYWORD = '^\\s*(?i:(?:ONBUILD\\s+)?RUN)';
// BuildKit reads heredocs in RUN, COPY and ADD only: in `CMD cat <<EOF`, `<<EOF` is a plain
// argument. Such lines, when they hold a `<<`, are handed back to the built-in grammar under a
// scope the injection selector excludes: cheaper than asking "which instruction?" at every `<<`.
const OTHER_INSTRUCTION =
  '^(?=\\s*(?i:(?:ONBUILD\\s+)?(?:FROM|CMD|ENTRYPOINT|ENV|ARG|LABEL|EXPOSE|VOLUME|USER|WORKDIR|SHELL|STOPSIGNAL|HEALTHCHECK|MAINTAINER))\\s.*<<)';

/** The command that receives a heredoc on stdin, written before it (`python3 -u <<EOF`). */
const before = (names) => `(?<=(?:^|\\s)(?:\\S*/)?(?:${names})${FLAGS}\\s+)`;
/** The command written right after the heredoc word (`<<EOF bash -ex`). */
const after = (names) => `(?=${ANY_MARKER}\\s+(?:\\S*/)?(?:${names})(?=\\s|$))`;

/**
 * How a heredoc body is read, most specific first. `lang: null` is file content (COPY/ADD, or
 * stdin of a command we cannot name, like `cat > file`); `lang: 'default'` is a script run by
 * the build shell, whose first line may be a shebang.
 */
const CONDITIONS = [
  { id: 'copy', lang: null, test: '(?<=^\\s*(?i:(?:ONBUILD\\s+)?(?:COPY|ADD))\\s.*)' },
  ...LANGUAGES.map((l) => ({ id: `before-${l.id}`, lang: l, test: before(l.names) })),
  {
    id: 'before-command',
    lang: null,
    test: `(?<=(?:^|\\s)${WORD}${FLAGS}\\s+)(?<!${RUN_KEYWORD}${FLAGS}\\s+)`,
  },
  ...LANGUAGES.map((l) => ({ id: `after-${l.id}`, lang: l, test: after(l.names) })),
  { id: 'after-command', lang: null, test: after(WORD) },
  { id: 'script', lang: 'default', test: '' },
];

/** `<<-` lets the terminator be indented with tabs; plain `<<` wants it alone at column 0. */
const STYLES = [
  { id: 'strip', operator: '<<-', terminatorIndent: '\\t*' },
  { id: 'plain', operator: '<<(?!-)', terminatorIndent: '' },
];

/** A lookahead prefix that walks from the first heredoc to just before the k-th one. */
function skipToMarker(k) {
  return k === 1 ? '' : `${ANY_MARKER}(?:${NOT_A_MARKER}${ANY_MARKER}){${k - 2}}${NOT_A_MARKER}`;
}

/** Lookahead capturing (1) the opening quote and (2) the delimiter of the k-th heredoc. */
function capturingLookahead(k, style, condition) {
  return `(?=${skipToMarker(k)}${condition}(?<!\\S)\\d*${style.operator}(["']?)(${DELIMITER})\\1(?=\\s|$))`;
}

const MARKER_CAPTURES = {
  1: { name: 'constant.numeric.file-descriptor.dockerfile' },
  2: { name: 'keyword.operator.heredoc.dockerfile' },
  3: { name: 'punctuation.definition.string.begin.dockerfile' },
  4: { name: 'keyword.control.heredoc-token.dockerfile' },
  5: { name: 'punctuation.definition.string.end.dockerfile' },
};

function bodyRule(lang) {
  if (lang === null) {
    return { begin: '^', end: '(?!)', contentName: 'string.unquoted.heredoc.dockerfile' };
  }
  return {
    begin: '^',
    end: '(?!)',
    contentName: `meta.embedded.block.${lang.id} ${lang.scope}`,
    patterns: [{ include: lang.scope }],
  };
}

/** A script body picks its language from a shebang on its first line, else the shell. */
function scriptBodies() {
  // The shebang line is matched by the begin itself: embedded grammars only know a shebang on a
  // file's first line, and a pattern inside the body could not tell the first line from the rest.
  const shebang = (names) => `^(#!)(?:\\S*/)?(?:env\\s+(?:-\\S*\\s+)*(?:\\S*/)?)?(?:${names})(?=\\s|$).*$`;
  return [
    ...LANGUAGES.map((l) => ({
      ...bodyRule(l),
      begin: shebang(l.names),
      beginCaptures: {
        0: { name: 'comment.line.shebang.dockerfile' },
        1: { name: 'punctuation.definition.comment.shebang.dockerfile' },
      },
    })),
    bodyRule(LANGUAGES[0]),
  ];
}

function bodies(lang) {
  return lang === 'default' ? scriptBodies() : [bodyRule(lang)];
}

/**
 * Heredoc k (1-based) of a line is a pair of rules that both start at the first heredoc:
 * `outer` ends on k's terminator line (so that line gets the terminator scope), `inner` is a
 * begin/while rule that stops before it. The while is what lets heredoc k+1 contain heredoc k:
 * a begin/end rule nested inside would hide the outer rule's end, a while condition is checked
 * on every line however deep the stack is.
 */
function heredocRules(k) {
  const nested = k === 1 ? [] : [{ include: `#heredoc-${k - 1}` }];
  return STYLES.map((style) => ({
    name: 'meta.heredoc.dockerfile',
    // The cheap test for `<<` comes first: this regex is tried at every position of every line.
    begin: `(?=${MARKER_START})${capturingLookahead(k, style, '')}`,
    end: `^(${style.terminatorIndent})(\\2)$`,
    endCaptures: { 2: { name: 'keyword.control.heredoc-token.dockerfile' } },
    // \\G: a reading starts where its heredoc does, never further along a long line.
    patterns: CONDITIONS.map((condition) => ({
      begin:
        k === 1
          ? `\\G(?=${MARKER_START})${condition.test}(?<!\\S)(\\d*)(${style.operator})(["']?)(${DELIMITER})(\\3)(?=\\s|$)(.*)`
          : `\\G${capturingLookahead(k, style, condition.test)}`,
      while: k === 1 ? `^(?!${style.terminatorIndent}\\4$)` : `^(?!${style.terminatorIndent}\\2$)`,
      ...(k === 1
        ? { beginCaptures: { ...MARKER_CAPTURES, 6: { patterns: [{ include: '#line-rest' }] } } }
        : {}),
      patterns: [...nested, ...bodies(condition.lang)],
    })),
  }));
}

const DIRECTIVE_VALUE = 'string.unquoted.directive-value.dockerfile';
const DIRECTIVE_KEYS = '(?i:syntax|escape|check)';

function directives() {
  const lead = '^(\\s*)(#)\\s*';
  const hash = {
    1: { name: 'punctuation.whitespace.comment.leading.dockerfile' },
    2: { name: 'punctuation.definition.directive.dockerfile' },
  };
  const assign = { name: 'keyword.operator.assignment.dockerfile' };
  const parserDirectives = [
    {
      name: 'meta.directive.syntax.dockerfile',
      match: `${lead}(?i:(syntax))\\s*(=)\\s*(\\S+)\\s*$`,
      captures: {
        ...hash,
        3: { name: 'keyword.other.directive.dockerfile' },
        4: assign,
        5: { name: DIRECTIVE_VALUE },
      },
    },
    {
      name: 'meta.directive.escape.dockerfile',
      match: `${lead}(?i:(escape))\\s*(=)\\s*(\\S+)\\s*$`,
      captures: {
        ...hash,
        3: { name: 'keyword.other.directive.dockerfile' },
        4: assign,
        5: { name: 'constant.character.escape.dockerfile' },
      },
    },
    {
      name: 'meta.directive.check.dockerfile',
      match: `${lead}(?i:(check))\\s*(=)\\s*(.*?)\\s*$`,
      captures: {
        ...hash,
        3: { name: 'keyword.other.directive.dockerfile' },
        4: assign,
        5: { patterns: [{ include: '#check-settings' }] },
      },
    },
  ];
  const pragmas = [
    {
      name: 'meta.directive.hadolint.dockerfile',
      match: `${lead}(hadolint)(?:\\s+(global|stage))?\\s+(ignore)\\s*(=)\\s*([\\w-]+(?:\\s*,\\s*[\\w-]+)*)(.*)$`,
      captures: {
        ...hash,
        3: { name: 'keyword.other.directive.hadolint.dockerfile' },
        4: { name: 'storage.modifier.directive.dockerfile' },
        5: { name: 'keyword.other.directive.dockerfile' },
        6: assign,
        7: { patterns: [{ include: '#rule-list' }] },
        8: { name: 'comment.line.number-sign.dockerfile' },
      },
    },
    {
      name: 'meta.directive.hadolint.dockerfile',
      match: `${lead}(hadolint)\\s+(shell)\\s*(=)\\s*(\\S+)(.*)$`,
      captures: {
        ...hash,
        3: { name: 'keyword.other.directive.hadolint.dockerfile' },
        4: { name: 'keyword.other.directive.dockerfile' },
        5: assign,
        6: { name: DIRECTIVE_VALUE },
        7: { name: 'comment.line.number-sign.dockerfile' },
      },
    },
  ];
  return {
    // BuildKit reads parser directives only in the file's leading run of `# key=value` lines: the
    // first other comment, blank line or instruction ends it, and later ones are plain comments.
    block: {
      name: 'meta.parser-directives.dockerfile',
      begin: `\\A(?=\\s*#\\s*${DIRECTIVE_KEYS}\\s*=\\s*\\S)`,
      while: `^(?=\\s*#\\s*${DIRECTIVE_KEYS}\\s*=\\s*\\S)`,
      patterns: parserDirectives,
    },
    // hadolint reads its pragmas wherever they are.
    pragmas,
  };
}

const repository = {
  'line-rest': {
    patterns: [
      {
        match: `(?<!\\S)(\\d*)(<<-?)(["']?)(${DELIMITER})(\\3)(?=\\s|$)`,
        captures: MARKER_CAPTURES,
      },
      { include: 'source.dockerfile' },
    ],
  },
  'rule-list': {
    patterns: [
      { match: '[\\w-]+', name: 'entity.name.tag.rule.dockerfile' },
      { match: ',', name: 'punctuation.separator.comma.dockerfile' },
    ],
  },
  'check-settings': {
    patterns: [
      {
        match: '(skip)\\s*(=)\\s*([^;]*)',
        captures: {
          1: { name: 'variable.parameter.directive.dockerfile' },
          2: { name: 'keyword.operator.assignment.dockerfile' },
          3: {
            patterns: [
              { match: '\\ball\\b', name: 'constant.language.all.dockerfile' },
              { include: '#rule-list' },
            ],
          },
        },
      },
      {
        match: '(error)\\s*(=)\\s*(?:(true|false)|([^;]*))',
        captures: {
          1: { name: 'variable.parameter.directive.dockerfile' },
          2: { name: 'keyword.operator.assignment.dockerfile' },
          3: { name: 'constant.language.boolean.dockerfile' },
          4: { name: 'invalid.illegal.directive-value.dockerfile' },
        },
      },
      { match: ';', name: 'punctuation.separator.semicolon.dockerfile' },
    ],
  },
};
for (let k = 1; k <= MAX_HEREDOCS; k++) {
  repository[`heredoc-${k}`] = { patterns: heredocRules(k) };
}

export const grammar = {
  $comment:
    'Generated by syntaxes/generate-injection.mjs; edit that file. Injected into the built-in Dockerfile grammar: heredoc bodies as their language, parser directives and hadolint pragmas.',
  scopeName: SCOPE_NAME,
  // L: puts our rules ahead of the built-in ones (its comment rule also matches `# syntax=`).
  // Excluded: what our own rules hold. Heredoc bodies and the rest of a heredoc line stay ours,
  // other instructions the built-in's, and the directive block must not match itself again.
  injectionSelector:
    'L:source.dockerfile -comment -string -meta.heredoc.dockerfile -meta.instruction.other.dockerfile -meta.parser-directives.dockerfile',
  patterns: [
    directives().block,
    ...directives().pragmas,
    {
      name: 'meta.instruction.other.dockerfile',
      begin: OTHER_INSTRUCTION,
      end: '$',
      patterns: [{ include: 'source.dockerfile' }],
    },
    ...Array.from({ length: MAX_HEREDOCS }, (_, i) => ({ include: `#heredoc-${MAX_HEREDOCS - i}` })),
  ],
  repository,
};

export async function renderGrammar() {
  const options = (await prettier.resolveConfig(OUTPUT)) ?? {};
  return prettier.format(JSON.stringify(grammar), { ...options, parser: 'json' });
}

// `--check` only reports whether the committed file is current (exit 1 when it is not).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = await renderGrammar();
  const previous = await readFile(OUTPUT, 'utf8').catch(() => '');
  if (process.argv.includes('--check')) {
    console.log(previous === text ? `${OUTPUT} is current` : `${OUTPUT} is stale: run ${process.argv[1]}`);
    process.exitCode = previous === text ? 0 : 1;
  } else {
    if (previous !== text) await writeFile(OUTPUT, text);
    console.log(`${previous === text ? 'unchanged' : 'wrote'} ${OUTPUT}`);
  }
}
