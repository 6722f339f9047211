// BuildKit's documented cases for its checks: every Dockerfile of the check's test in
// frontend/dockerfile/dockerfile_check_test.go with the lines `docker build --check` reports it
// at (the lint subrequest: every stage, not only the target's), and the Bad / Good examples of
// frontend/dockerfile/docs/rules/<check>.md. Test files that set build options Berth cannot see
// (BUILDKIT_DOCKERFILE_CHECK overrides, the registry check) are left out. Where the docs and the
// code disagree the case follows the code and says so in `note`.

export interface BuildKitCase {
  name: string;
  dockerfile: string;
  dockerignore?: string;
  /** 1-based lines BuildKit reports this check at (none: the check stays quiet). */
  lines: number[];
  note?: string;
}

const lines = (...l: string[]): string => l.join('\n') + '\n';

/** testRuleCheckOption: the check directive against FromAsCasing and ConsistentInstructionCasing. */
function checkOption(directive: string, fromAs: number[]): { fromAs: BuildKitCase; casing: BuildKitCase } {
  const dockerfile = `${directive}\nFROM scratch as base\ncopy Dockerfile .\n`;
  const name = `testRuleCheckOption ${directive}`;
  return { fromAs: { name, dockerfile, lines: fromAs }, casing: { name, dockerfile, lines: [] } };
}
const checkOptions = [
  checkOption('#check=skip=all', []),
  checkOption('#check=skip=all;error=true', []),
  checkOption('#check=skip=ConsistentInstructionCasing,FromAsCasing', []),
  checkOption('#check=skip=ConsistentInstructionCasing,FromAsCasing;error=true', []),
  checkOption('#check=skip=ConsistentInstructionCasing', [2]),
  checkOption('#check=skip=ConsistentInstructionCasing;error=true', [2]),
];

const stageNameFile = `
# warning: stage name should be lowercase
#
FROM scratch AS BadStageName

# warning: 'as' should match 'FROM' cmd casing.
#
FROM scratch as base2

FROM scratch AS base3
`;
const stageNameFile2 = `
# warning: 'AS' should match 'from' cmd casing.
#
from scratch AS base

from scratch as base2
`;
const warningsBeforeError = `
FROM scratch AS BadStageName
MAINTAINER me@example.org
BADCMD
`;
const skipJsonCmd = `
FROM scratch
# check=skip=JSONArgsRecommended
CMD mycommand
`;
const skipJsonEntrypoint = `
FROM scratch
# check=skip=JSONArgsRecommended
ENTRYPOINT mycommand
`;

export const buildkitCases: Record<string, BuildKitCase[]> = {
  StageNameCasing: [
    { name: 'testStageName 1', dockerfile: stageNameFile, lines: [4] },
    { name: 'testStageName 2', dockerfile: stageNameFile2, lines: [] },
    { name: 'testWarningsBeforeError', dockerfile: warningsBeforeError, lines: [2] },
    { name: 'docs: bad', dockerfile: lines('FROM alpine AS BuilderBase'), lines: [1] },
    { name: 'docs: good', dockerfile: lines('FROM alpine AS builder-base'), lines: [] },
  ],
  FromAsCasing: [
    { name: 'testStageName 1', dockerfile: stageNameFile, lines: [8] },
    { name: 'testStageName 2', dockerfile: stageNameFile2, lines: [4] },
    ...checkOptions.map((c) => c.fromAs),
    { name: 'docs: bad', dockerfile: lines('FROM debian:latest as builder'), lines: [1] },
    { name: 'docs: good (upper)', dockerfile: lines('FROM debian:latest AS deb-builder'), lines: [] },
    { name: 'docs: good (lower)', dockerfile: lines('from debian:latest as deb-builder'), lines: [] },
  ],
  NoEmptyContinuation: [
    {
      name: 'testNoEmptyContinuation',
      dockerfile: `
FROM scratch
# warning: empty continuation line
COPY Dockerfile \\

.
COPY Dockerfile \\
.
`,
      lines: [6],
    },
    {
      name: 'docs: description',
      dockerfile: lines('FROM alpine', 'RUN apk add \\', '', '    gnupg \\', '', '    curl'),
      lines: [6],
    },
    { name: 'docs: bad', dockerfile: lines('FROM alpine', 'EXPOSE \\', '', '80'), lines: [4] },
    { name: 'docs: good', dockerfile: lines('FROM alpine', 'EXPOSE \\', '# Port', '80'), lines: [] },
  ],
  ConsistentInstructionCasing: [
    {
      name: 'testConsistentInstructionCasing 1',
      dockerfile: `
# warning: 'FROM' should be either lowercased or uppercased
#
From scratch as base
FROM scratch AS base2
`,
      lines: [4],
    },
    {
      name: 'testConsistentInstructionCasing 2',
      dockerfile: `
FROM scratch
# warning: 'copy' should match command majority's casing (uppercase)
copy Dockerfile /foo
COPY Dockerfile /bar
`,
      lines: [4],
    },
    {
      name: 'testConsistentInstructionCasing 3',
      dockerfile: `
# warning: 'frOM' should be either lowercased or uppercased
#
frOM scratch as base
from scratch as base2
`,
      lines: [4],
    },
    {
      name: 'testConsistentInstructionCasing 4',
      dockerfile: `
from scratch
# warning: 'COPY' should match command majority's casing (lowercase)
COPY Dockerfile /foo
copy Dockerfile /bar
`,
      lines: [4],
    },
    {
      name: 'testConsistentInstructionCasing 5',
      dockerfile: `
# warning: 'from' should match command majority's casing (uppercase)
#
from scratch
COPY Dockerfile /foo
COPY Dockerfile /bar
COPY Dockerfile /baz
`,
      lines: [4],
    },
    {
      name: 'testConsistentInstructionCasing 6',
      dockerfile: `
# warning: 'FROM' should match command majority's casing (lowercase)
#
FROM scratch
copy Dockerfile /foo
copy Dockerfile /bar
copy Dockerfile /baz
`,
      lines: [4],
    },
    {
      name: 'testConsistentInstructionCasing 7',
      dockerfile: '\nfrom scratch\ncopy Dockerfile /foo\ncopy Dockerfile /bar\n',
      lines: [],
    },
    {
      name: 'testConsistentInstructionCasing 8',
      dockerfile: '\nFROM scratch\nCOPY Dockerfile /foo\nCOPY Dockerfile /bar\n',
      lines: [],
    },
    {
      name: 'testConsistentInstructionCasing 9',
      dockerfile: "\nFROM alpine\nRUN <<'EOT'\nenv\nEOT\n",
      lines: [],
    },
    ...checkOptions.map((c) => c.casing),
    {
      name: 'docs: bad',
      dockerfile: lines(
        'From alpine',
        'Run echo hello > /greeting.txt',
        'EntRYpOiNT ["cat", "/greeting.txt"]',
      ),
      lines: [1, 2, 3],
    },
    {
      name: 'docs: good (upper)',
      dockerfile: lines(
        'FROM alpine',
        'RUN echo hello > /greeting.txt',
        'ENTRYPOINT ["cat", "/greeting.txt"]',
      ),
      lines: [],
    },
    {
      name: 'docs: good (lower)',
      dockerfile: lines(
        'from alpine',
        'run echo hello > /greeting.txt',
        'entrypoint ["cat", "/greeting.txt"]',
      ),
      lines: [],
    },
  ],
  DuplicateStageName: [
    { name: 'testDuplicateStageName 1', dockerfile: '\nFROM scratch AS b\nFROM scratch AS b\n', lines: [3] },
    { name: 'testDuplicateStageName 2', dockerfile: '\nFROM scratch AS b1\nFROM scratch AS b2\n', lines: [] },
    {
      name: 'docs: bad',
      dockerfile: lines(
        'FROM debian:latest AS builder',
        'RUN apt-get update; apt-get install -y curl',
        '',
        'FROM golang:latest AS builder',
      ),
      lines: [4],
    },
    {
      name: 'docs: good',
      dockerfile: lines(
        'FROM debian:latest AS deb-builder',
        'RUN apt-get update; apt-get install -y curl',
        '',
        'FROM golang:latest AS go-builder',
      ),
      lines: [],
    },
  ],
  ReservedStageName: [
    {
      name: 'testReservedStageName 1',
      dockerfile: '\nFROM scratch AS scratch\nFROM scratch AS context\n',
      lines: [2, 3],
    },
    { name: 'testReservedStageName 2', dockerfile: '\nFROM scratch\nFROM scratch AS a\n', lines: [] },
    {
      name: 'docs: bad',
      dockerfile: lines('FROM alpine AS scratch', 'FROM alpine AS context'),
      lines: [1, 2],
    },
    { name: 'docs: good', dockerfile: lines('FROM alpine AS builder'), lines: [] },
  ],
  JSONArgsRecommended: [
    { name: 'testJSONArgsRecommended 1', dockerfile: '\nFROM scratch\nCMD mycommand\n', lines: [3] },
    { name: 'testJSONArgsRecommended 2', dockerfile: '\nFROM scratch\nENTRYPOINT mycommand\n', lines: [3] },
    {
      name: 'testJSONArgsRecommended 3',
      dockerfile: '\nFROM scratch\nSHELL ["/usr/bin/customshell"]\nCMD mycommand\n',
      lines: [],
    },
    {
      name: 'testJSONArgsRecommended 4',
      dockerfile: '\nFROM scratch\nSHELL ["/usr/bin/customshell"]\nENTRYPOINT mycommand\n',
      lines: [],
    },
    {
      name: 'testJSONArgsRecommended 5',
      dockerfile: '\nFROM scratch AS base\nSHELL ["/usr/bin/customshell"]\n\nFROM base\nCMD mycommand\n',
      lines: [],
    },
    {
      name: 'testJSONArgsRecommended 6',
      dockerfile:
        '\nFROM scratch AS base\nSHELL ["/usr/bin/customshell"]\n\nFROM base\nENTRYPOINT mycommand\n',
      lines: [],
    },
    { name: 'testMaintainerDeprecated 3', dockerfile: skipJsonCmd, lines: [] },
    { name: 'testMaintainerDeprecated 4', dockerfile: skipJsonEntrypoint, lines: [] },
    {
      name: 'docs: bad',
      dockerfile: lines(
        'FROM alpine',
        'ENTRYPOINT my-program start',
        '# entrypoint becomes: /bin/sh -c my-program start',
      ),
      lines: [2],
    },
    {
      name: 'docs: good',
      dockerfile: lines(
        'FROM alpine',
        'ENTRYPOINT ["my-program", "start"]',
        '# entrypoint becomes: my-program start',
      ),
      lines: [],
    },
    {
      name: 'docs: good (wrapper script)',
      dockerfile: lines(
        'FROM alpine',
        'RUN apk add bash',
        'COPY --chmod=755 <<EOT /entrypoint.sh',
        '#!/usr/bin/env bash',
        'set -e',
        'my-background-process &',
        'my-program start',
        'EOT',
        'ENTRYPOINT ["/entrypoint.sh"]',
      ),
      lines: [],
    },
    {
      name: 'docs: good (explicit shell)',
      dockerfile: lines(
        'FROM alpine',
        'RUN apk add bash',
        'SHELL ["/bin/bash", "-c"]',
        'ENTRYPOINT echo "hello world"',
      ),
      lines: [],
    },
  ],
  MaintainerDeprecated: [
    {
      name: 'testMaintainerDeprecated 1',
      dockerfile: '\nFROM scratch\nMAINTAINER me@example.org\n',
      lines: [3],
    },
    {
      name: 'testMaintainerDeprecated 2',
      dockerfile: '\nFROM scratch\nLABEL org.opencontainers.image.authors="me@example.org"\n',
      lines: [],
    },
    { name: 'testMaintainerDeprecated 3', dockerfile: skipJsonCmd, lines: [] },
    { name: 'testMaintainerDeprecated 4', dockerfile: skipJsonEntrypoint, lines: [] },
    {
      name: 'testMaintainerDeprecated 5',
      dockerfile: '\nFROM scratch\n# check=skip=MaintainerDeprecated\nMAINTAINER me@example.org\n',
      lines: [],
    },
    { name: 'testWarningsBeforeError', dockerfile: warningsBeforeError, lines: [3] },
    { name: 'docs: bad', dockerfile: lines('MAINTAINER moby@example.com'), lines: [1] },
    {
      name: 'docs: good',
      dockerfile: lines('LABEL org.opencontainers.image.authors="moby@example.com"'),
      lines: [],
    },
  ],
  UndefinedArgInFrom: [
    {
      name: 'testUndeclaredArg 1',
      dockerfile: '\nARG base=scratch\nFROM $base\nCOPY Dockerfile .\n',
      lines: [],
    },
    {
      name: 'testUndeclaredArg 2',
      dockerfile:
        '\nARG BUILDPLATFORM=linux/amd64\nFROM --platform=$BUILDPLATFORM scratch\nCOPY Dockerfile .\n',
      lines: [],
    },
    {
      name: 'testUndeclaredArg 3',
      dockerfile: '\nFROM --platform=$BUILDPLATFORM scratch\nCOPY Dockerfile .\n',
      lines: [],
    },
    {
      name: 'testUndeclaredArg 4',
      dockerfile: '\nARG DEBUG\nFROM scratch${DEBUG}\nCOPY Dockerfile .\n',
      lines: [],
    },
    {
      name: 'testUndeclaredArg 5',
      dockerfile: '\nARG DEBUG\nFROM scra${DEBUG:-tch}\nCOPY Dockerfile .\n',
      lines: [],
    },
    {
      name: 'testUndeclaredArg 6',
      dockerfile: '\nARG DEBUG=""\nFROM scratch${DEBUG-@bogus}\nCOPY Dockerfile .\n',
      lines: [],
    },
    {
      name: 'testUndeclaredArg 7',
      dockerfile: '\nFROM --platform=$BULIDPLATFORM scratch\nCOPY Dockerfile .\n',
      lines: [2],
    },
    {
      name: 'testUndeclaredArg 8',
      dockerfile:
        '\nARG MY_OS=linux\nARG MY_ARCH=amd64\nFROM --platform=linux/${MYARCH} busybox\nCOPY Dockerfile .\n\t',
      lines: [4],
    },
    {
      name: 'testUndeclaredArg 9',
      dockerfile: '\nARG tag=latest\nFROM busybox:${tag}${version} AS b\nCOPY Dockerfile .\n',
      lines: [3],
    },
    { name: 'docs: bad', dockerfile: lines('FROM node:22${VARIANT} AS jsbuilder'), lines: [1] },
    {
      name: 'docs: good',
      dockerfile: lines('ARG VARIANT="-alpine3.20"', 'FROM node:22${VARIANT} AS jsbuilder'),
      lines: [],
    },
    {
      name: 'docs: description',
      dockerfile: lines('ARG ALPINE_VERSION=3.20', '', 'FROM alpine:${ALPINE_VERSION}'),
      lines: [],
    },
  ],
  WorkdirRelativePath: [
    { name: 'testWorkdirRelativePath 1', dockerfile: '\nFROM scratch\nWORKDIR app/\n', lines: [3] },
    {
      name: 'testWorkdirRelativePath 2',
      dockerfile: '\nFROM scratch AS a\nWORKDIR /app\n\nFROM a AS b\nWORKDIR subdir/\n',
      lines: [],
    },
    {
      name: 'testWorkdirRelativePath 3',
      dockerfile: '\nFROM scratch\n# check=skip=WorkdirRelativePath\nWORKDIR app/\n',
      lines: [],
    },
    {
      name: 'docs: bad',
      dockerfile: lines('FROM nginx AS web', 'WORKDIR usr/share/nginx/html', 'COPY public .'),
      lines: [2],
    },
    {
      name: 'docs: good',
      dockerfile: lines('FROM nginx AS web', 'WORKDIR /usr/share/nginx/html', 'COPY public .'),
      lines: [],
    },
  ],
  UndefinedVar: [
    {
      name: 'testAllTargetUnmarshal',
      dockerfile: '\nFROM scratch AS first\nCOPY $foo .\n\nFROM scratch AS second\nCOPY $bar .\n',
      lines: [3, 6],
    },
    {
      name: 'testUnmatchedVars 1',
      dockerfile: '\nFROM scratch\nARG foo\nCOPY Dockerfile${foo} .\n',
      lines: [],
    },
    {
      name: 'testUnmatchedVars 2',
      dockerfile: '\nFROM alpine AS base\nARG foo=Dockerfile\n\nFROM base\nCOPY $foo .\n',
      lines: [],
    },
    { name: 'testUnmatchedVars 3', dockerfile: '\nFROM alpine\nRUN echo $PATH\n', lines: [] },
    {
      name: 'testUnmatchedVars 4',
      dockerfile: '\nFROM alpine\nCOPY $foo .\nARG foo=bar\nRUN echo $foo\n',
      lines: [3],
    },
    {
      name: 'testUnmatchedVars 5',
      dockerfile:
        '\nFROM alpine\nARG DIR_BINARIES=binaries/\nARG DIR_ASSETS=assets/\nARG DIR_CONFIG=config/\nCOPY $DIR_ASSET .\n\t',
      lines: [6],
    },
    { name: 'testUnmatchedVars 6', dockerfile: '\nFROM alpine\nENV PATH=$PAHT:/tmp/bin\n\t\t', lines: [3] },
    { name: 'docs: bad 1', dockerfile: lines('FROM alpine AS base', 'COPY $foo .'), lines: [2] },
    { name: 'docs: good 1', dockerfile: lines('FROM alpine AS base', 'ARG foo', 'COPY $foo .'), lines: [] },
    { name: 'docs: bad 2', dockerfile: lines('FROM alpine AS base', 'ARG VERSION=$foo'), lines: [2] },
    {
      name: 'docs: good 2',
      dockerfile: lines('FROM python AS base', 'ARG VERSION=$PYTHON_VERSION'),
      lines: [],
    },
  ],
  MultipleInstructionsDisallowed: [
    {
      name: 'testMultipleInstructionsDisallowed 1',
      dockerfile: `
FROM scratch
ENTRYPOINT ["/myapp"]
ENTRYPOINT ["/myotherapp"]
CMD ["/myapp"]
CMD ["/myotherapp"]
HEALTHCHECK CMD ["/myapp"]
HEALTHCHECK CMD ["/myotherapp"]
`,
      lines: [3, 5, 7],
    },
    {
      name: 'testMultipleInstructionsDisallowed 2',
      dockerfile: `
FROM scratch
ENTRYPOINT ["/myapp"]
CMD ["/myapp"]
HEALTHCHECK CMD ["/myapp"]
COPY <<EOF /a.txt
Hello, World!
EOF
ENTRYPOINT ["/myotherapp"]
CMD ["/myotherapp"]
HEALTHCHECK CMD ["/myotherapp"]
`,
      lines: [3, 4, 5],
    },
    {
      name: 'testMultipleInstructionsDisallowed 3',
      dockerfile: `
FROM scratch AS a
ENTRYPOINT ["/myapp"]
CMD ["/myapp"]
HEALTHCHECK CMD ["/myapp"]

FROM a AS b
ENTRYPOINT ["/myotherapp"]
CMD ["/myotherapp"]
HEALTHCHECK CMD ["/myotherapp"]
`,
      lines: [],
    },
    {
      name: 'docs: bad',
      dockerfile: lines(
        'FROM alpine',
        'ENTRYPOINT ["echo", "Hello, Norway!"]',
        'ENTRYPOINT ["echo", "Hello, Sweden!"]',
        '# Only "Hello, Sweden!" will be printed',
      ),
      lines: [2],
    },
    {
      name: 'docs: good 1',
      dockerfile: lines('FROM alpine', 'ENTRYPOINT ["echo", "Hello, Norway!\\nHello, Sweden!"]'),
      lines: [],
    },
    {
      name: 'docs: good 2',
      dockerfile: lines(
        'FROM python:alpine',
        'RUN apk add curl',
        'HEALTHCHECK --interval=1s --timeout=3s \\',
        '  CMD ["curl", "-f", "http://localhost:8080"]',
        'CMD ["python", "-m", "http.server", "8080"]',
      ),
      lines: [],
    },
  ],
  LegacyKeyValueFormat: [
    {
      name: 'testLegacyKeyValueFormat 1',
      dockerfile: '\nFROM scratch\nENV testkey value\nLABEL key value\n',
      lines: [3, 4],
    },
    {
      name: 'testLegacyKeyValueFormat 2',
      dockerfile: '\nFROM scratch\nENV testkey=value\nLABEL key=value\n',
      lines: [],
    },
    {
      name: 'testLegacyKeyValueFormat 3',
      dockerfile: '\nFROM scratch AS a\n\nFROM a AS b\nENV testkey value\nLABEL key value\n\nFROM a AS c\n',
      lines: [5, 6],
      note: 'the test lists lines 3 and 4, but checkUnmarshal does not compare lines; ENV and LABEL are on 5 and 6',
    },
    {
      name: 'testLegacyKeyValueFormat 4',
      dockerfile:
        '\nFROM scratch\n# check=skip=LegacyKeyValueFormat\nENV testkey value\n# check=skip=LegacyKeyValueFormat\nLABEL key value\n',
      lines: [],
    },
    {
      name: 'docs: bad 1',
      dockerfile: lines('FROM alpine', 'ARG foo bar'),
      lines: [],
      note: 'the docs call this bad, but BuildKit reads `ARG foo bar` as two ARGs and never checks ARG for this',
    },
    { name: 'docs: good 1', dockerfile: lines('FROM alpine', 'ARG foo=bar'), lines: [] },
    {
      name: 'docs: bad 2',
      dockerfile: lines('ENV DEPS \\', '    curl \\', '    git \\', '    make'),
      lines: [1],
    },
    {
      name: 'docs: good 2',
      dockerfile: lines('ENV DEPS="\\', '    curl \\', '    git \\', '    make"'),
      lines: [],
    },
  ],
  RedundantTargetPlatform: [
    {
      name: 'testRedundantTargetPlatform 1',
      dockerfile: '\nFROM --platform=$TARGETPLATFORM scratch\n',
      lines: [2],
    },
    {
      name: 'testRedundantTargetPlatform 2',
      dockerfile: '\nFROM --platform=${TARGETPLATFORM} scratch\n',
      lines: [2],
    },
    {
      name: 'testRedundantTargetPlatform 3',
      dockerfile: '\n# check=skip=RedundantTargetPlatform\nFROM --platform=$TARGETPLATFORM scratch\n',
      lines: [],
    },
    {
      name: 'docs: bad',
      dockerfile: lines('FROM --platform=$TARGETPLATFORM alpine AS builder', 'RUN apk add --no-cache git'),
      lines: [1],
    },
    {
      name: 'docs: good',
      dockerfile: lines('FROM alpine AS builder', 'RUN apk add --no-cache git'),
      lines: [],
    },
  ],
  SecretsUsedInArgOrEnv: [
    {
      name: 'testSecretsUsedInArgOrEnv',
      dockerfile: `# check=skip=InvalidDefinitionDescription

FROM scratch
ARG SECRET_PASSPHRASE
ENV SUPER_Secret=foo
ENV password=bar secret=baz
ARG super_duper_secret_token=foo auth=bar
ENV apikey=bar sunflower=foo
ENV git_key=
ENV PUBLIC_KEY=
ARG public_token
ARG SECRET_PASSPHRASE_FILE
ENV password_file=bar secret_File=baz
ARG AUTH_MODULE_VERSION
# check=skip=SecretsUsedInArgOrEnv // allow secret in environment
ENV password=bar
# check=skip=SecretsUsedInArgOrEnv // allow secret in arg
ARG password
# check=skip=all // is local to only this instruction
ENV alternate_password=bar
# check=skip=all // is local to only this instruction
ARG alternate_password
`,
      lines: [4, 5, 6, 7, 8, 9],
    },
    {
      name: 'docs: bad',
      dockerfile: lines(
        'ARG AWS_ACCESS_KEY_ID',
        'ARG AWS_SECRET_ACCESS_KEY',
        'RUN aws s3 cp s3://my-bucket/file .',
      ),
      lines: [1, 2],
    },
    {
      name: 'docs: good',
      dockerfile: lines(
        'RUN --mount=type=secret,id=aws_key_id,env=AWS_ACCESS_KEY_ID \\',
        '    --mount=type=secret,id=aws_secret_key,env=AWS_SECRET_ACCESS_KEY \\',
        '    aws s3 cp s3://my-bucket/file .',
      ),
      lines: [],
    },
  ],
  InvalidDefaultArgInFrom: [
    {
      name: 'testInvalidDefaultArgInFrom 1',
      dockerfile: '\nARG VERSION\nFROM busybox:$VERSION\n',
      lines: [3],
    },
    { name: 'testInvalidDefaultArgInFrom 2', dockerfile: '\nARG IMAGE\nFROM $IMAGE\n', lines: [3] },
    { name: 'testInvalidDefaultArgInFrom 3', dockerfile: '\nARG SFX="box:"\nFROM busy${SFX}\n', lines: [3] },
    {
      name: 'testInvalidDefaultArgInFrom 4',
      dockerfile: '\nARG VERSION="latest"\nFROM busybox:${VERSION}\n',
      lines: [],
    },
    {
      name: 'testInvalidDefaultArgInFrom 5',
      dockerfile: '\nARG BUSYBOX_VARIANT=""\nFROM busybox:stable${BUSYBOX_VARIANT}\n',
      lines: [],
    },
    {
      name: 'testInvalidDefaultArgInFrom 6',
      dockerfile: '\n\tARG BUSYBOX_VARIANT\n\tFROM busybox:stable${BUSYBOX_VARIANT}\n\t',
      lines: [],
    },
    { name: 'docs: bad', dockerfile: lines('ARG TAG', 'FROM busybox:${TAG}'), lines: [2] },
    { name: 'docs: good 1', dockerfile: lines('ARG TAG=latest', 'FROM busybox:${TAG}'), lines: [] },
    { name: 'docs: good 2', dockerfile: lines('ARG VARIANT', 'FROM busybox:stable${VARIANT}'), lines: [] },
    { name: 'docs: good 3', dockerfile: lines('ARG TAG', 'FROM alpine:${TAG:-3.14}'), lines: [] },
  ],
  FromPlatformFlagConstDisallowed: [
    {
      name: 'testFromPlatformFlagConstDisallowed 1',
      dockerfile: '\nFROM --platform=linux/amd64 scratch\n',
      lines: [2],
    },
    {
      name: 'testFromPlatformFlagConstDisallowed 2',
      dockerfile: '\nFROM --platform=linux/amd64 scratch AS my_amd64_stage\n',
      lines: [],
    },
    {
      name: 'testFromPlatformFlagConstDisallowed 3',
      dockerfile: '\nFROM --platform=linux/amd64 scratch AS linux\n',
      lines: [],
    },
    {
      name: 'docs: bad',
      dockerfile: lines('FROM --platform=linux/amd64 alpine AS base', 'RUN apk add --no-cache git'),
      lines: [1],
    },
    {
      name: 'docs: good 1',
      dockerfile: lines('FROM alpine AS base', 'RUN apk add --no-cache git'),
      lines: [],
    },
    {
      name: 'docs: good 2',
      dockerfile: lines('FROM --platform=${BUILDPLATFORM} alpine AS base', 'RUN apk add --no-cache git'),
      lines: [],
    },
    {
      name: 'docs: good 3',
      dockerfile: lines(
        'FROM --platform=linux/amd64 alpine AS build_amd64',
        'RUN true',
        '',
        'FROM --platform=linux/arm64 alpine AS build_arm64',
        'RUN true',
        '',
        'FROM build_${TARGETARCH} AS build',
        'RUN true',
      ),
      lines: [],
      note: 'the docs elide the stage bodies with `...`; `RUN true` stands in for them',
    },
  ],
  CopyIgnoredFile: [
    {
      name: 'testCopyIgnoredFiles 1',
      dockerignore: '\nDockerfile\n',
      dockerfile: '\nFROM scratch\nCOPY Dockerfile .\nADD Dockerfile /windy\n',
      lines: [3, 4],
    },
    {
      name: 'testCopyIgnoredFiles 3',
      dockerignore: '\nDockerfile\n',
      dockerfile: '# check=skip=CopyIgnoredFile\n\nFROM scratch\nCOPY Dockerfile .\nADD Dockerfile /windy\n',
      lines: [],
    },
    {
      name: 'testCopyIgnoredFiles 4',
      dockerignore: '\nfoobar\n',
      dockerfile:
        '\nFROM scratch AS base\nCOPY Dockerfile /foobar\nADD Dockerfile /windy\n\nFROM base\nCOPY --from=base /foobar /Dockerfile\n',
      lines: [],
    },
    {
      name: 'testCopyIgnoredFiles 5',
      dockerignore: '\n**\n!Dockerfile\n',
      dockerfile: '\nFROM scratch\nCOPY ./Dockerfile .\n',
      lines: [],
    },
    {
      name: 'testCopyIgnoredFiles 6',
      dockerignore: '\n**\n!Dockerfile\n',
      dockerfile: '\nFROM scratch\nCOPY . .\n\t',
      lines: [],
    },
    {
      name: 'testCopyIgnoredFileContextRoot dotfiles',
      dockerignore: '\n.*\n',
      dockerfile: '\nFROM scratch\nCOPY . .\n',
      lines: [],
    },
    {
      name: 'testCopyIgnoredFileContextRoot wildcard',
      dockerignore: '\n*\n',
      dockerfile: '\nFROM scratch\nCOPY . .\n',
      lines: [3],
    },
    {
      name: 'docs: bad',
      dockerignore: '*/tmp/*\n',
      dockerfile: lines('FROM scratch', 'COPY ./tmp/helloworld.txt /helloworld.txt'),
      lines: [],
      note: 'the docs call this bad, but `*/tmp/*` needs a folder above tmp: BuildKit’s matcher (MatchesOrParentMatches) does not match tmp/helloworld.txt',
    },
    {
      name: 'docs: good',
      dockerignore: '*/tmp/*\n',
      dockerfile: lines('FROM scratch', 'COPY ./forever/helloworld.txt /helloworld.txt'),
      lines: [],
    },
  ],
  ExposeProtoCasing: [
    {
      name: 'testExposeProtoCasing',
      dockerfile: '\nFROM scratch\nEXPOSE 80/TcP 8080/TCP 8080/udp\n',
      lines: [3],
    },
    { name: 'docs: bad', dockerfile: lines('FROM alpine', 'EXPOSE 80/TcP'), lines: [2] },
    { name: 'docs: good', dockerfile: lines('FROM alpine', 'EXPOSE 80/tcp'), lines: [] },
  ],
  ExposeInvalidFormat: [
    {
      name: 'testExposeInvalidFormat',
      dockerfile: '\nFROM scratch\nEXPOSE 127.0.0.1:80:80 [::1]:8080:8080 5000:5000 8000\n',
      lines: [3],
    },
    { name: 'docs: bad 1', dockerfile: lines('FROM alpine', 'EXPOSE 127.0.0.1:80:80'), lines: [2] },
    { name: 'docs: good', dockerfile: lines('FROM alpine', 'EXPOSE 80'), lines: [] },
    { name: 'docs: bad 2', dockerfile: lines('FROM alpine', 'EXPOSE 80:80'), lines: [2] },
  ],
};
