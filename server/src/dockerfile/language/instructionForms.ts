// The forms of each instruction: the signature signature help shows (its parameters are parts of
// it) and the snippets completion inserts.

export interface InstructionForm {
  /** `COPY [--from=<stage>] … <src>… <dest>`: shown by signature help. */
  readonly signature: string;
  /** Parts of the signature, in order; the first is the flags when the form has flags. */
  readonly parameters: readonly string[];
  /** Whether the form is the JSON (exec) form. */
  readonly exec?: true;
}

export interface InstructionSnippet {
  /** What the item shows after the keyword, e.g. `image AS name`. */
  readonly detail: string;
  /** The snippet inserted, keyword included. */
  readonly snippet: string;
  /** The text inserted when the client takes no snippets. */
  readonly plain: string;
}

interface InstructionSpec {
  readonly forms: readonly InstructionForm[];
  readonly snippets: readonly InstructionSnippet[];
}

function form(signature: string, parameters: string[], exec?: true): InstructionForm {
  return exec ? { signature, parameters, exec } : { signature, parameters };
}

function snippet(keyword: string, detail: string, body: string): InstructionSnippet {
  return { detail, snippet: `${keyword} ${body}`, plain: `${keyword} ` };
}

const copyFlags = '[--from=<stage>] [--chown=<user>:<group>] [--chmod=<mode>] [--link]';
const addFlags = '[--chown=<user>:<group>] [--chmod=<mode>] [--checksum=<hash>] [--link]';
const runFlags = '[--mount=<mount>] [--network=<mode>] [--security=<mode>]';
const healthFlags =
  '[--interval=<duration>] [--timeout=<duration>] [--start-period=<duration>] [--start-interval=<duration>] [--retries=<n>]';

export const instructionSpecs: Readonly<Record<string, InstructionSpec>> = {
  FROM: {
    forms: [
      form('FROM [--platform=<platform>] <image>[:<tag>] [AS <name>]', [
        '[--platform=<platform>]',
        '<image>[:<tag>]',
        '[AS <name>]',
      ]),
      form('FROM [--platform=<platform>] <image>@<digest> [AS <name>]', [
        '[--platform=<platform>]',
        '<image>@<digest>',
        '[AS <name>]',
      ]),
    ],
    snippets: [
      snippet('FROM', 'image:tag', '${1:image}:${2:tag}'),
      snippet('FROM', 'image:tag AS name', '${1:image}:${2:tag} AS ${3:name}'),
    ],
  },
  RUN: {
    forms: [
      form(`RUN ${runFlags} <command>`, [runFlags, '<command>']),
      form(
        `RUN ${runFlags} ["<executable>", "<param>", …]`,
        [runFlags, '"<executable>"', '"<param>", …'],
        true,
      ),
    ],
    snippets: [
      snippet('RUN', 'command', '${1:command}'),
      snippet(
        'RUN',
        '--mount=type=cache,target=… command',
        '--mount=type=cache,target=${1:/root/.cache} ${2:command}',
      ),
      snippet('RUN', '<<EOF script EOF', '<<EOF\n${1:command}\nEOF'),
    ],
  },
  CMD: {
    forms: [
      form('CMD ["<executable>", "<param>", …]', ['"<executable>"', '"<param>", …'], true),
      form('CMD ["<param>", …]  (arguments to ENTRYPOINT)', ['"<param>", …'], true),
      form('CMD <command>', ['<command>']),
    ],
    snippets: [snippet('CMD', '["executable", "param"]', '["${1:executable}", "${2:param}"]')],
  },
  ENTRYPOINT: {
    forms: [
      form('ENTRYPOINT ["<executable>", "<param>", …]', ['"<executable>"', '"<param>", …'], true),
      form('ENTRYPOINT <command>', ['<command>']),
    ],
    snippets: [snippet('ENTRYPOINT', '["executable", "param"]', '["${1:executable}", "${2:param}"]')],
  },
  COPY: {
    forms: [
      form(`COPY ${copyFlags} <src>… <dest>`, [copyFlags, '<src>…', '<dest>']),
      form(`COPY ${copyFlags} ["<src>", …, "<dest>"]`, [copyFlags, '"<src>", …', '"<dest>"'], true),
    ],
    snippets: [
      snippet('COPY', 'source dest', '${1:source} ${2:dest}'),
      snippet('COPY', '--from=stage source dest', '--from=${1:stage} ${2:source} ${3:dest}'),
    ],
  },
  ADD: {
    forms: [
      form(`ADD ${addFlags} <src>… <dest>`, [addFlags, '<src>…', '<dest>']),
      form(`ADD ${addFlags} ["<src>", …, "<dest>"]`, [addFlags, '"<src>", …', '"<dest>"'], true),
    ],
    snippets: [snippet('ADD', 'source dest', '${1:source} ${2:dest}')],
  },
  ENV: {
    forms: [form('ENV <key>=<value> …', ['<key>', '<value>'])],
    snippets: [snippet('ENV', 'key=value', '${1:key}=${2:value}')],
  },
  ARG: {
    forms: [form('ARG <name>[=<default value>] …', ['<name>', '<default value>'])],
    snippets: [snippet('ARG', 'name', '${1:name}'), snippet('ARG', 'name=default', '${1:name}=${2:default}')],
  },
  LABEL: {
    forms: [form('LABEL <key>=<value> …', ['<key>', '<value>'])],
    snippets: [snippet('LABEL', 'key="value"', '${1:key}="${2:value}"')],
  },
  EXPOSE: {
    forms: [form('EXPOSE <port>[/<protocol>] …', ['<port>[/<protocol>] …'])],
    snippets: [snippet('EXPOSE', 'port', '${1:80}')],
  },
  VOLUME: {
    forms: [form('VOLUME ["<path>", …]', ['"<path>", …'], true), form('VOLUME <path> …', ['<path> …'])],
    snippets: [snippet('VOLUME', '/path', '${1:/data}')],
  },
  USER: {
    forms: [form('USER <user>[:<group>]', ['<user>[:<group>]'])],
    snippets: [snippet('USER', 'user', '${1:user}')],
  },
  WORKDIR: {
    forms: [form('WORKDIR <path>', ['<path>'])],
    snippets: [snippet('WORKDIR', '/path', '${1:/app}')],
  },
  ONBUILD: {
    forms: [form('ONBUILD <INSTRUCTION>', ['<INSTRUCTION>'])],
    snippets: [snippet('ONBUILD', 'INSTRUCTION', '${1:INSTRUCTION}')],
  },
  STOPSIGNAL: {
    forms: [form('STOPSIGNAL <signal>', ['<signal>'])],
    snippets: [snippet('STOPSIGNAL', 'signal', '${1:SIGTERM}')],
  },
  HEALTHCHECK: {
    forms: [
      form(`HEALTHCHECK ${healthFlags} CMD <command>`, [healthFlags, 'CMD <command>']),
      form('HEALTHCHECK NONE', ['NONE']),
    ],
    snippets: [
      snippet(
        'HEALTHCHECK',
        '--interval=… CMD command',
        '--interval=${1:30s} --timeout=${2:5s} CMD ${3:command}',
      ),
      { detail: 'NONE', snippet: 'HEALTHCHECK NONE', plain: 'HEALTHCHECK NONE' },
    ],
  },
  SHELL: {
    forms: [form('SHELL ["<executable>", "<param>", …]', ['"<executable>"', '"<param>", …'], true)],
    snippets: [
      snippet('SHELL', '["/bin/bash", "-o", "pipefail", "-c"]', '["${1:/bin/bash}", "-o", "pipefail", "-c"]'),
    ],
  },
  MAINTAINER: {
    forms: [form('MAINTAINER <name>  (deprecated: use LABEL org.opencontainers.image.authors)', ['<name>'])],
    snippets: [snippet('MAINTAINER', 'name', '${1:name}')],
  },
};

/** The instructions completion offers, in the order a Dockerfile usually uses them. */
export const instructionOrder = [
  'FROM',
  'ARG',
  'ENV',
  'RUN',
  'COPY',
  'ADD',
  'WORKDIR',
  'USER',
  'EXPOSE',
  'VOLUME',
  'LABEL',
  'CMD',
  'ENTRYPOINT',
  'HEALTHCHECK',
  'SHELL',
  'STOPSIGNAL',
  'ONBUILD',
  'MAINTAINER',
];
