// hadolint's documented cases for every DL code Berth claims: each assertion of the rule's test
// spec (test/Hadolint/Rule/DLxxxxSpec.hs, Haskell string gaps evaluated) and the Problematic /
// Correct examples of its wiki page. `onbuild` is the outcome hadolint's spec asserts for the
// same file with every RUN wrapped in ONBUILD (its onBuildRuleCatches helpers).
import type { LabelType } from '../../../../server/src/dockerfile/lint/config';

export interface HadolintCase {
  /** The spec's `it` title, or `wiki: …`. */
  name: string;
  dockerfile: string;
  fires: boolean;
  onbuild?: boolean;
  /** The spec's `allowedRegistries` (`trustedRegistries` in .hadolint.yaml). */
  trustedRegistries?: string[];
  /** The spec's `labelSchema` (`label-schema` in .hadolint.yaml). */
  labelSchema?: Record<string, LabelType>;
  /** The spec's `strictLabels` (`strict-labels`). */
  strictLabels?: boolean;
  /** How many times the rule fires, where the spec asserts a number (failsWith n). */
  count?: number;
}

const lines = (...l: string[]): string => l.join('\n') + '\n';

export const hadolintCases: Record<string, HadolintCase[]> = {
  DL3000: [
    { name: 'workdir relative', dockerfile: 'WORKDIR relative/dir', fires: true },
    { name: 'workdir absolute', dockerfile: 'WORKDIR /usr/local', fires: false },
    { name: 'workdir variable', dockerfile: 'WORKDIR ${work}', fires: false },
    { name: 'workdir relative single quotes', dockerfile: "WORKDIR 'relative/dir'", fires: true },
    { name: 'workdir absolute single quotes', dockerfile: "WORKDIR '/usr/local'", fires: false },
    { name: 'workdir relative double quotes', dockerfile: 'WORKDIR "relative/dir"', fires: true },
    { name: 'workdir absolute double quotes', dockerfile: 'WORKDIR "/usr/local"', fires: false },
    { name: 'workdir variable double quotes', dockerfile: 'WORKDIR "${dir}"', fires: false },
    { name: 'workdir absolute windows', dockerfile: "WORKDIR 'C:\\'", fires: false },
    { name: 'workdir absolute windows quotes', dockerfile: 'WORKDIR "C:\\"', fires: false },
    { name: 'workdir absolute windows alternative', dockerfile: 'WORKDIR C:/', fires: false },
    { name: 'workdir absolute windows quotes alternative', dockerfile: 'WORKDIR "C:/"', fires: false },
    { name: 'wiki: problematic', dockerfile: lines('FROM busybox', 'WORKDIR usr/src/app'), fires: true },
    { name: 'wiki: correct', dockerfile: lines('FROM busybox', 'WORKDIR /usr/src/app'), fires: false },
  ],
  DL3002: [
    { name: 'last user should not be root', dockerfile: lines('FROM scratch', 'USER root'), fires: true },
    { name: 'no root', dockerfile: lines('FROM scratch', 'USER foo'), fires: false },
    { name: 'no root UID', dockerfile: lines('FROM scratch', 'USER 0'), fires: true },
    { name: 'no root:root', dockerfile: lines('FROM scratch', 'USER root:root'), fires: true },
    { name: 'no UID:GID', dockerfile: lines('FROM scratch', 'USER 0:0'), fires: true },
    {
      name: 'can switch back to non root',
      dockerfile: lines('FROM scratch', 'USER root', 'RUN something', 'USER foo'),
      fires: false,
    },
    {
      name: 'warns on transitive root user',
      dockerfile: lines(
        'FROM debian as base',
        'USER root',
        'RUN something',
        'FROM base',
        'RUN something else',
      ),
      fires: true,
    },
    {
      name: 'warns on multiple stages',
      dockerfile: lines(
        'FROM debian as base',
        'USER root',
        'RUN something',
        'FROM scratch',
        'USER foo',
        'RUN something else',
      ),
      fires: true,
    },
    {
      name: 'does not warn when switching in multiple stages',
      dockerfile: lines(
        'FROM debian as base',
        'USER root',
        'RUN something',
        'USER foo',
        'FROM scratch',
        'RUN something else',
      ),
      fires: false,
    },
    { name: 'wiki: problematic', dockerfile: lines('FROM busybox', 'USER root', 'RUN ...'), fires: true },
    {
      name: 'wiki: correct',
      dockerfile: lines('FROM busybox', 'USER root', 'RUN ...', 'USER guest'),
      fires: false,
    },
  ],
  DL3003: [
    { name: 'ok using WORKDIR', dockerfile: 'WORKDIR /opt', fires: false },
    { name: 'not ok using cd', dockerfile: 'RUN cd /opt', fires: true },
    {
      name: 'wiki: problematic #1',
      dockerfile: lines(
        'FROM busybox',
        'RUN cd /usr/src/app && git clone git@github.com:lukasmartinelli/hadolint.git ',
      ),
      fires: true,
    },
    {
      name: 'wiki: correct #1',
      dockerfile: lines(
        'FROM busybox',
        'WORKDIR /usr/src/app',
        'RUN git clone git@github.com:lukasmartinelli/hadolint.git',
      ),
      fires: false,
    },
    {
      name: 'wiki: problematic #2',
      dockerfile: lines('FROM busybox', 'RUN cd /usr/src/app && cp somedir/somefile ./someDirInUsrSrcApp/'),
      fires: true,
    },
    {
      name: 'wiki: correct #2',
      dockerfile: lines('FROM busybox', 'RUN cp somedir/somefile /usr/src/app/someDirInUsrSrcApp/'),
      fires: false,
    },
  ],
  DL3004: [
    { name: 'sudo', dockerfile: 'RUN sudo apt-get update', fires: true, onbuild: true },
    { name: 'install sudo', dockerfile: 'RUN apt-get install sudo', fires: false, onbuild: false },
    {
      name: 'sudo chained programs',
      dockerfile: 'RUN apt-get update && sudo apt-get install',
      fires: true,
      onbuild: true,
    },
    { name: 'wiki: problematic', dockerfile: lines('FROM busybox', 'RUN sudo apt-get install'), fires: true },
    { name: 'wiki: correct', dockerfile: lines('FROM busybox', 'RUN apt-get install'), fires: false },
  ],
  // hadolint removed DL3005 in 2.12.1 (#964); these are its spec and wiki before the removal.
  DL3005: [
    {
      name: 'apt-get dist-upgrade',
      dockerfile: 'RUN apt-get update && apt-get dist-upgrade',
      fires: true,
      onbuild: true,
    },
    {
      name: 'wiki: problematic',
      dockerfile: lines('FROM debian', 'RUN apt-get update && apt-get dist-upgrade '),
      fires: true,
    },
    {
      name: 'wiki: correct',
      dockerfile: lines('FROM debian', 'RUN apt-get update && apt-get upgrade'),
      fires: false,
    },
  ],
  DL3006: [
    { name: 'no untagged', dockerfile: 'FROM debian', fires: true },
    { name: 'no untagged with name', dockerfile: 'FROM debian AS builder', fires: true },
    { name: 'untagged digest is not an error', dockerfile: 'FROM ruby@sha256:f1dbca0f5dbc9', fires: false },
    { name: 'untagged digest is not an error (tagged)', dockerfile: 'FROM ruby:2', fires: false },
    { name: 'using args is not an error', dockerfile: 'FROM ${VALUE}', fires: false },
    {
      name: 'local aliases are OK to be untagged',
      dockerfile: lines(
        'FROM golang:1.9.3-alpine3.7 AS build',
        'RUN foo',
        'FROM build as unit-test',
        'RUN bar',
        'FROM alpine:3.7',
        'RUN baz',
      ),
      fires: false,
      onbuild: false,
    },
    {
      name: 'other untagged cases are not ok',
      dockerfile: lines(
        'FROM golang:1.9.3-alpine3.7 AS build',
        'RUN foo',
        'FROM node as unit-test',
        'RUN bar',
        'FROM alpine:3.7',
        'RUN baz',
      ),
      fires: true,
      onbuild: true,
    },
    { name: 'scratch', dockerfile: 'FROM scratch', fires: false },
    { name: 'wiki: problematic', dockerfile: lines('FROM debian'), fires: true },
    { name: 'wiki: correct', dockerfile: lines('FROM debian:jessie'), fires: false },
  ],
  DL3007: [
    { name: 'explicit latest', dockerfile: 'FROM debian:latest', fires: true },
    { name: 'explicit latest with name', dockerfile: 'FROM debian:latest AS builder', fires: true },
    { name: 'explicit tagged', dockerfile: 'FROM debian:jessie', fires: false },
    {
      name: 'explicit SHA',
      dockerfile:
        'FROM hub.docker.io/debian@sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb',
      fires: false,
    },
    {
      name: 'explicit tagged and SHA',
      dockerfile:
        'FROM hub.docker.io/debian:latest@sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb',
      fires: false,
    },
    { name: 'explicit tagged with name', dockerfile: 'FROM debian:jessie AS builder', fires: false },
    { name: 'wiki: problematic', dockerfile: lines('FROM debian:latest'), fires: true },
    { name: 'wiki: correct', dockerfile: lines('FROM debian:jessie'), fires: false },
  ],
  DL3009: [
    {
      name: 'apt-get no cleanup',
      dockerfile: lines('FROM scratch', 'RUN apt-get update && apt-get install python'),
      fires: true,
      onbuild: true,
    },
    {
      name: 'apt-get cleanup in stage image',
      dockerfile: lines(
        'FROM ubuntu as foo',
        'RUN apt-get update && apt-get install python',
        'FROM scratch',
        'RUN echo hey!',
      ),
      fires: false,
      onbuild: true,
    },
    {
      name: 'apt-get no cleanup in last stage',
      dockerfile: lines(
        'FROM ubuntu as foo',
        'RUN hey!',
        'FROM scratch',
        'RUN apt-get update && apt-get install python',
      ),
      fires: true,
      onbuild: true,
    },
    {
      name: 'apt-get no cleanup in intermediate stage',
      dockerfile: lines(
        'FROM ubuntu as foo',
        'RUN apt-get update && apt-get install python',
        'FROM foo',
        'RUN hey!',
      ),
      fires: true,
      onbuild: true,
    },
    {
      name: 'no warn apt-get cleanup in intermediate stage that cleans lists',
      dockerfile: lines(
        'FROM ubuntu as foo',
        'RUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*',
        'FROM foo',
        'RUN hey!',
      ),
      fires: false,
      onbuild: false,
    },
    {
      name: 'no warn apt-get cleanup in intermediate stage when stage not used later',
      dockerfile: lines(
        'FROM ubuntu as foo',
        'RUN apt-get update && apt-get install python',
        'FROM scratch',
        'RUN hey!',
      ),
      fires: false,
      onbuild: true,
    },
    {
      name: 'apt-get cleanup',
      dockerfile: lines(
        'FROM scratch',
        'RUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*',
      ),
      fires: false,
      onbuild: false,
    },
    {
      name: "don't warn: BuildKit cache mount to apt lists directory",
      dockerfile:
        'RUN --mount=type=cache,target=/var/lib/apt/lists \\    apt-get update && apt-get install python',
      fires: false,
      onbuild: false,
    },
    {
      name: "don't warn: BuildKit cache mount to apt directories 1",
      dockerfile:
        'RUN --mount=type=cache,target=/var/lib/apt \\    --mount=type=cache,target=/var/cache/apt \\    rm -f /etc/apt/apt.conf.d/docker-clean && \\    apt-get update && apt-get install python',
      fires: false,
      onbuild: false,
    },
    {
      name: "don't warn: BuildKit cache mount to apt directories 2",
      dockerfile: lines(
        'RUN rm -f /etc/apt/apt.conf.d/docker-clean',
        'RUN --mount=type=cache,target=/var/cache/apt \\',
        '    --mount=type=cache,target=/var/lib/apt \\',
        '    apt-get update && apt-get install foo',
      ),
      fires: false,
      onbuild: false,
    },
    {
      name: 'warn: BuildKit cache mount to apt cache directory only',
      dockerfile: lines(
        'RUN --mount=type=cache,target=/var/cache/apt \\',
        '    rm -f /etc/apt/apt.conf.d/docker-clean && \\',
        '    apt-get update && apt-get install python',
      ),
      fires: true,
      onbuild: true,
    },
    {
      name: 'warn: BuildKit cache mount to apt lists directory only',
      dockerfile: lines(
        'RUN rm -f /etc/apt/apt.conf.d/docker-clean',
        'RUN --mount=type=cache,target=/var/lib/apt \\',
        '    apt-get update && apt-get install python',
      ),
      fires: true,
      onbuild: true,
    },
    {
      name: "don't warn: tmpfs mount to apt cache and lists directory",
      dockerfile: lines(
        'RUN \\',
        '  --mount=type=tmpfs,target=/var/cache/apt \\',
        '  --mount=type=tmpfs,target=/var/lib/apt \\',
        '  apt-get update',
      ),
      fires: false,
      onbuild: false,
    },
    {
      name: "don't warn: tmpfs mount to apt cache and cache mount to lists directory",
      dockerfile: lines(
        'RUN \\',
        '  --mount=type=tmpfs,target=/var/cache/apt \\',
        '  --mount=type=cache,target=/var/lib/apt \\',
        '  apt-get update',
      ),
      fires: false,
      onbuild: false,
    },
    {
      name: "don't warn: cache mount to apt cache and tmpfs mount to lists directory",
      dockerfile: lines(
        'RUN \\',
        '  --mount=type=cache,target=/var/cache/apt \\',
        '  --mount=type=tmpfs,target=/var/lib/apt \\',
        '  apt-get update',
      ),
      fires: false,
      onbuild: false,
    },
    {
      name: "don't warn: cache mount to apt cache and lists directory",
      dockerfile: lines(
        'RUN \\',
        '  --mount=type=cache,target=/var/cache/apt \\',
        '  --mount=type=cache,target=/var/lib/apt \\',
        '  apt-get update',
      ),
      fires: false,
      onbuild: false,
    },
    {
      name: 'apt no cleanup',
      dockerfile: lines('FROM scratch', 'RUN apt update && apt install python'),
      fires: true,
      onbuild: true,
    },
    {
      name: 'apt cleanup',
      dockerfile: lines(
        'FROM scratch',
        'RUN apt update && apt install python && rm -rf /var/lib/apt/lists/*',
      ),
      fires: false,
      onbuild: false,
    },
    {
      name: 'aptitude no cleanup',
      dockerfile: lines('FROM scratch', 'RUN aptitude update && aptitude install python'),
      fires: true,
      onbuild: true,
    },
    {
      name: 'aptitude cleanup',
      dockerfile: lines(
        'FROM scratch',
        'RUN aptitude update && aptitude install python && rm -rf /var/lib/apt/lists/*',
      ),
      fires: false,
      onbuild: false,
    },
    {
      name: 'wiki: problematic',
      dockerfile: lines('RUN apt-get update && apt-get install --no-install-recommends -y python'),
      fires: true,
    },
    {
      name: 'wiki: correct',
      dockerfile: lines(
        'RUN apt-get update && apt-get install --no-install-recommends -y python \\',
        ' && apt-get clean \\',
        ' && rm -rf /var/lib/apt/lists/*',
      ),
      fires: false,
    },
  ],
  DL3011: [
    { name: 'invalid port', dockerfile: 'EXPOSE 80000', fires: true },
    { name: 'valid port', dockerfile: 'EXPOSE 60000', fires: false },
    { name: 'valid port variable', dockerfile: 'EXPOSE ${FOOBAR}', fires: false },
    { name: 'invalid port in range', dockerfile: 'EXPOSE 40000-80000/tcp', fires: true },
    { name: 'valid port range', dockerfile: 'EXPOSE 40000-60000/tcp', fires: false },
    { name: 'valid port range variable', dockerfile: 'EXPOSE 40000-${FOOBAR}', fires: false },
    { name: 'wiki: problematic', dockerfile: lines('FROM busybox', 'EXPOSE 80000'), fires: true },
    { name: 'wiki: correct', dockerfile: lines('FROM busybox', 'EXPOSE 65535'), fires: false },
  ],
  DL3015: [
    {
      name: 'apt-get install recommends',
      dockerfile: 'RUN apt-get install --no-install-recommends python',
      fires: false,
      onbuild: false,
    },
    {
      name: 'apt-get no install recommends',
      dockerfile: 'RUN apt-get install python',
      fires: true,
      onbuild: true,
    },
    {
      name: 'apt-get no install recommends (-y)',
      dockerfile: 'RUN apt-get -y install python',
      fires: true,
      onbuild: true,
    },
    {
      name: 'apt-get no install recommends via option',
      dockerfile: 'RUN apt-get -o APT::Install-Recommends=false install python',
      fires: false,
      onbuild: false,
    },
    {
      name: 'wiki: problematic',
      dockerfile: lines('FROM busybox', 'RUN apt-get install -y python=2.7'),
      fires: true,
    },
    {
      name: 'wiki: correct',
      dockerfile: lines('FROM busybox', 'RUN apt-get install -y --no-install-recommends python=2.7'),
      fires: false,
    },
  ],
  DL3019: [
    {
      name: 'warn: apk add without --no-cache',
      dockerfile: 'RUN apk add flex=2.6.4-r1',
      fires: true,
      onbuild: true,
    },
    {
      name: "don't warn: apk add with --no-cache",
      dockerfile: 'RUN apk add --no-cache flex=2.6.4-r1',
      fires: false,
      onbuild: false,
    },
    {
      name: "don't warn: apk add with BuildKit cache mount",
      dockerfile: 'RUN --mount=type=cache,target=/var/cache/apk apk add -U curl=7.77.0',
      fires: false,
      onbuild: false,
    },
    {
      name: "don't warn: apk add with BuildKit tmpfs mount",
      dockerfile: 'RUN --mount=type=tmpfs,target=/var/cache/apk apk add -U curl=7.77.0',
      fires: false,
      onbuild: false,
    },
    {
      name: "don't warn: apk add with BuildKit cache mount in wrong dir and --no-cache",
      dockerfile: 'RUN --mount=type=cache,target=/var/cache/foo apk add --no-cache -U curl=7.77.0',
      fires: false,
      onbuild: false,
    },
    {
      name: 'warn: apk add with BuildKit cache mount to wrong dir',
      dockerfile: 'RUN --mount=type=cache,target=/var/cache/foo apk add -U curl=7.77.0',
      fires: true,
      onbuild: true,
    },
    {
      name: 'warn: apk add with BuildKit tmpfs mount to wrong dir',
      dockerfile: 'RUN --mount=type=tmpfs,target=/var/cache/foo apk add -U curl=7.77.0',
      fires: true,
      onbuild: true,
    },
    {
      name: 'wiki: problematic #1',
      dockerfile: lines(
        'FROM alpine:3.7',
        'RUN apk update \\',
        '    && apk add foo=1.0 \\',
        '    && rm -rf /var/cache/apk/*',
      ),
      fires: true,
    },
    {
      name: 'wiki: problematic #2',
      dockerfile: lines('FROM alpine:3.7', 'RUN apk add --update foo=1.0', '    && rm -rf /var/cache/apk/*'),
      fires: true,
    },
    {
      name: 'wiki: correct',
      dockerfile: lines('FROM alpine:3.7', 'RUN apk --no-cache add foo=1.0'),
      fires: false,
    },
  ],
  DL3020: [
    { name: 'add for tar', dockerfile: 'ADD file.tar /usr/src/app/', fires: false },
    { name: 'add for gzip', dockerfile: 'ADD file.gz /usr/src/app/', fires: false },
    { name: 'add for bz2', dockerfile: 'ADD file.bz2 /usr/src/app/', fires: false },
    { name: 'add for xz', dockerfile: 'ADD file.xz /usr/src/app/', fires: false },
    { name: 'add for tgz', dockerfile: 'ADD file.tgz /usr/src/app/', fires: false },
    { name: 'add for url', dockerfile: 'ADD http://file.com /usr/src/app/', fires: false },
    { name: 'using add', dockerfile: 'ADD file /usr/src/app/', fires: true },
    { name: 'warn for zip', dockerfile: 'ADD file.zip /usr/src/app/', fires: true },
    { name: 'add for tgz with quotes', dockerfile: 'ADD "file.tgz" /usr/src/app/', fires: false },
    { name: 'add for url with quotes', dockerfile: 'ADD "http://file.com" /usr/src/app/', fires: false },
    { name: 'warn for zip with quotes', dockerfile: 'ADD "file.zip" /usr/src/app/', fires: true },
    {
      name: 'wiki: problematic',
      dockerfile: lines('FROM python:3.4', 'ADD requirements.txt /usr/src/app/'),
      fires: true,
    },
    {
      name: 'wiki: correct',
      dockerfile: lines('FROM python:3.4', 'COPY requirements.txt /usr/src/app/'),
      fires: false,
    },
  ],
  DL3022: [
    { name: 'warn on missing alias', dockerfile: 'COPY --from=foo bar .', fires: true },
    {
      name: 'warn on alias defined after',
      dockerfile: lines('FROM scratch', 'COPY --from=build foo .', 'FROM node as build', 'RUN baz'),
      fires: true,
    },
    {
      name: "don't warn on correctly defined aliases",
      dockerfile: lines(
        'FROM scratch as build',
        'RUN foo',
        'FROM node',
        'COPY --from=build foo .',
        'RUN baz',
      ),
      fires: false,
    },
    { name: "don't warn on external images", dockerfile: 'COPY --from=haskell:latest bar .', fires: false },
    { name: 'warn on invalid stage count as --from=<count>', dockerfile: 'COPY --from=0 bar .', fires: true },
    {
      name: "don't warn on valid stage count as --from=<count> (named)",
      dockerfile: lines('FROM scratch as build', 'RUN foo', 'FROM node', 'COPY --from=0 foo .'),
      fires: false,
    },
    {
      name: "don't warn on valid stage count as --from=<count>",
      dockerfile: lines('FROM scratch', 'RUN foo', 'FROM node', 'COPY --from=0 foo .'),
      fires: false,
    },
    {
      name: 'wiki: problematic',
      dockerfile: lines(
        'FROM debian:jesse',
        '',
        'RUN stuff',
        '',
        'FROM debian:jesse',
        '',
        'COPY --from=build some stuff ./',
      ),
      fires: true,
    },
    {
      name: 'wiki: correct',
      dockerfile: lines(
        'FROM debian:jesse as build',
        '',
        'RUN stuff',
        '',
        'FROM debian:jesse',
        '',
        'COPY --from=build some stuff ./',
      ),
      fires: false,
    },
  ],
  DL3023: [
    {
      name: 'warn on copying from your the same FROM',
      dockerfile: lines('FROM node as foo', 'COPY --from=foo bar .'),
      fires: true,
    },
    {
      name: "don't warn on copying from other sources",
      dockerfile: lines(
        'FROM scratch as build',
        'RUN foo',
        'FROM node as run',
        'COPY --from=build foo .',
        'RUN baz',
      ),
      fires: false,
    },
    {
      name: 'wiki: problematic',
      dockerfile: lines('FROM debian:jesse as build', '', 'COPY --from=build some stuff ./'),
      fires: true,
    },
    {
      name: 'wiki: correct',
      dockerfile: lines(
        'FROM debian:jesse as build',
        '',
        'RUN stuff',
        '',
        'FROM debian:jesse',
        '',
        'COPY --from=build some stuff ./',
      ),
      fires: false,
    },
  ],
  DL3026: [
    { name: 'does not warn on empty allowed registries', dockerfile: 'FROM random.com/debian', fires: false },
    {
      name: 'warn on non-allowed registry',
      dockerfile: 'FROM random.com/debian',
      fires: true,
      trustedRegistries: ['docker.io'],
    },
    {
      name: 'does not warn on allowed registries',
      dockerfile: 'FROM random.com/debian',
      fires: false,
      trustedRegistries: ['x.com', 'random.com'],
    },
    {
      name: "doesn't warn on scratch image",
      dockerfile: 'FROM scratch',
      fires: false,
      trustedRegistries: ['x.com', 'random.com'],
    },
    {
      name: 'allows all forms of docker.io',
      dockerfile: lines(
        'FROM ubuntu:18.04 AS builder1',
        'FROM zemanlx/ubuntu:18.04 AS builder2',
        'FROM docker.io/zemanlx/ubuntu:18.04 AS builder3',
      ),
      fires: false,
      trustedRegistries: ['docker.io'],
    },
    {
      name: 'allows using previous stages',
      dockerfile: lines('FROM random.com/foo AS builder1', 'FROM builder1 AS builder2'),
      fires: false,
      trustedRegistries: ['random.com'],
    },
    {
      name: 'warn on non-allowed wildcard registry',
      dockerfile: 'FROM x.com/debian',
      fires: true,
      trustedRegistries: ['*.random.com'],
    },
    {
      name: 'does not warn on allowed wildcard registries',
      dockerfile: 'FROM foo.random.com/debian',
      fires: false,
      trustedRegistries: ['x.com', '*.random.com'],
    },
    {
      name: 'does not warn on * registry',
      dockerfile: lines(
        'FROM ubuntu:18.04 AS builder1',
        'FROM zemanlx/ubuntu:18.04 AS builder2',
        'FROM docker.io/zemanlx/ubuntu:18.04 AS builder3',
      ),
      fires: false,
      trustedRegistries: ['*'],
    },
    {
      name: 'does warn on copy from untrusted registry',
      dockerfile: 'COPY --from=untrusted.com/repo/image:tag /foo /bar',
      fires: true,
      trustedRegistries: ['trusted.com'],
    },
    {
      name: 'does not warn on copy from untrusted registry',
      dockerfile: 'COPY --from=trusted.com/repo/image:tag /foo /bar',
      fires: false,
      trustedRegistries: ['trusted.com'],
    },
    {
      name: 'warn on run with bind mount from untrusted registry',
      dockerfile: 'RUN --mount=type=bind,from=untrusted.com/repo/image:tag,target=/foo foobar',
      fires: true,
      trustedRegistries: ['trusted.com'],
    },
    {
      name: 'warn on run with cache mount from untrusted registry',
      dockerfile: 'RUN --mount=type=cache,from=untrusted.com/repo/image:tag,target=/foo foobar',
      fires: true,
      trustedRegistries: ['trusted.com'],
    },
    {
      name: "don't warn on run with bind mount from trusted registry",
      dockerfile: 'RUN --mount=type=bind,from=trusted.com/repo/image:tag,target=/foo foobar',
      fires: false,
      trustedRegistries: ['trusted.com'],
    },
    {
      name: "don't warn on run with cache mount from trusted registry",
      dockerfile: 'RUN --mount=type=cache,from=trusted.com/repo/image:tag,target=/foo foobar',
      fires: false,
      trustedRegistries: ['trusted.com'],
    },
    {
      name: 'distrust all forms of docker.io if trusted registries are given',
      dockerfile: lines(
        'FROM ubuntu:18.04 AS builder1',
        'FROM zemanlx/ubuntu:18.04 AS builder2',
        'FROM docker.io/zemanlx/ubuntu:18.04 AS builder3',
      ),
      fires: true,
      trustedRegistries: ['trusted.com'],
    },
  ],
  DL3024: [
    {
      name: 'warn on duplicate aliases',
      dockerfile: lines('FROM node as foo', 'RUN something', 'FROM scratch as foo', 'RUN something'),
      fires: true,
    },
    {
      name: "don't warn on unique aliases",
      dockerfile: lines('FROM scratch as build', 'RUN foo', 'FROM node as run', 'RUN baz'),
      fires: false,
    },
    {
      name: 'wiki: problematic',
      dockerfile: lines(
        'FROM debian:jesse as build',
        '',
        'RUN stuff',
        '',
        'FROM debian:jesse as build',
        '',
        'RUN more_stuff',
      ),
      fires: true,
    },
    {
      name: 'wiki: correct',
      dockerfile: lines(
        'FROM debian:jesse as build',
        '',
        'RUN stuff',
        '',
        'FROM debian:jesse as another-alias',
        '',
        'RUN more_stuff',
      ),
      fires: false,
    },
  ],
  DL3025: [
    {
      name: 'warn on ENTRYPOINT',
      dockerfile: lines('FROM node as foo', 'ENTRYPOINT something'),
      fires: true,
    },
    {
      name: "don't warn on ENTRYPOINT json notation",
      dockerfile: lines('FROM scratch as build', 'ENTRYPOINT ["foo", "bar"]'),
      fires: false,
    },
    { name: 'warn on CMD', dockerfile: lines('FROM node as foo', 'CMD something'), fires: true },
    {
      name: "don't warn on CMD json notation",
      dockerfile: lines('FROM scratch as build', 'CMD ["foo", "bar"]', 'CMD [ "foo", "bar" ]'),
      fires: false,
    },
    {
      name: 'warn on HEALTHCHECK CMD shell notation',
      dockerfile: lines('HEALTHCHECK CMD foobar'),
      fires: true,
    },
    {
      name: "don't warn on HEALTHCHECK CMD json notation",
      dockerfile: lines('HEALTHCHECK CMD [ "foobar" ]'),
      fires: false,
    },
    {
      name: "don't warn on CMD JSON notation with broken long strings",
      dockerfile: lines('CMD [ "/bin/sh", "-c", \\', '      "echo foo && \\', '       echo bar" \\', '    ]'),
      fires: false,
    },
    { name: 'wiki: problematic #1', dockerfile: lines('FROM busybox', 'ENTRYPOINT s3cmd'), fires: true },
    { name: 'wiki: problematic #2', dockerfile: lines('FROM busybox', 'CMD my-service server'), fires: true },
    { name: 'wiki: correct #1', dockerfile: lines('FROM busybox', 'ENTRYPOINT ["s3cmd"]'), fires: false },
    {
      name: 'wiki: correct #2',
      dockerfile: lines('FROM busybox', 'CMD ["my-service", "server"]'),
      fires: false,
    },
  ],
  DL3027: [
    { name: 'apt', dockerfile: lines('FROM ubuntu', 'RUN apt install python'), fires: true, onbuild: true },
    {
      name: 'wiki: problematic',
      dockerfile: lines('FROM busybox', 'RUN apt install curl=1.1.0'),
      fires: true,
    },
    {
      name: 'wiki: correct',
      dockerfile: lines('FROM busybox', 'RUN apt-get install curl=1.1.0'),
      fires: false,
    },
  ],
  DL3042: [
    ...['pip2', 'pip3', 'pip'].map((pip) => ({
      name: `${pip} --no-cache-dir not used`,
      dockerfile: `RUN ${pip} install MySQL_python`,
      fires: true,
      onbuild: true,
    })),
    {
      name: 'pip2 --no-cache-dir used',
      dockerfile: 'RUN pip2 install MySQL_python --no-cache-dir',
      fires: false,
      onbuild: false,
    },
    {
      name: 'pip3 --no-cache-dir used',
      dockerfile: 'RUN pip3 install --no-cache-dir MySQL_python',
      fires: false,
      onbuild: false,
    },
    {
      name: 'pip --no-cache-dir used',
      dockerfile: 'RUN pip install MySQL_python --no-cache-dir',
      fires: false,
      onbuild: false,
    },
    { name: "don't match on pipx", dockerfile: 'RUN pipx install software', fires: false },
    { name: "don't match on pipx (ONBUILD)", dockerfile: 'ONBUILD Run pipx install software', fires: false },
    { name: "don't match on pipenv", dockerfile: 'RUN pipenv install library', fires: false, onbuild: false },
    ...['1', 'on', 'yes', 'true'].flatMap((v) => [
      {
        name: `respect ENV PIP_NO_CACHE_DIR with truthy values (${v})`,
        dockerfile: `ENV PIP_NO_CACHE_DIR=${v}\nRUN pip install MySQL_python`,
        fires: false,
      },
      {
        name: `respect RUN PIP_NO_CACHE_DIR=... with truthy values (${v})`,
        dockerfile: `RUN PIP_NO_CACHE_DIR=${v} pip install MySQL_python`,
        fires: false,
      },
      {
        name: `respect RUN export PIP_NO_CACHE_DIR=... with truthy values (${v})`,
        dockerfile: `RUN export PIP_NO_CACHE_DIR=${v} && pip install MySQL_python`,
        fires: false,
      },
    ]),
    ...['0', 'off', 'no', 'false'].flatMap((v) => [
      {
        name: `respect ENV PIP_NO_CACHE_DIR with falsy values (${v})`,
        dockerfile: `ENV PIP_NO_CACHE_DIR=${v}\nRUN pip install MySQL_python`,
        fires: true,
      },
      {
        name: `respect RUN PIP_NO_CACHE_DIR=... with falsy values (${v})`,
        dockerfile: `RUN PIP_NO_CACHE_DIR=${v} pip install MySQL_python`,
        fires: true,
      },
      {
        name: `respect RUN export PIP_NO_CACHE_DIR=... with falsy values (${v})`,
        dockerfile: `RUN export PIP_NO_CACHE_DIR=${v} && pip install MySQL_python`,
        fires: true,
      },
    ]),
    {
      name: "don't trigger if PIP_NO_CACHE_DIR is inherited",
      dockerfile: lines(
        'FROM debian:buster as base',
        'ENV PIP_NO_CACHE_DIR=1',
        'FROM base',
        'RUN pip install six',
      ),
      fires: false,
    },
    {
      name: 'trigger if PIP_NO_CACHE_DIR is not inherited',
      dockerfile: lines(
        'FROM debian:buster as base',
        'ENV PIP_NO_CACHE_DIR=1',
        'FROM debian:buster',
        'RUN pip install six',
      ),
      fires: true,
    },
    {
      name: 'ok with cache mount in cache dir',
      dockerfile: 'RUN --mount=type=cache,target=/root/.cache/pip pip install foobar',
      fires: false,
      onbuild: false,
    },
    {
      name: 'ok with tmpfs mount in cache dir',
      dockerfile: 'RUN --mount=type=tmpfs,target=/root/.cache/pip pip install foobar',
      fires: false,
      onbuild: false,
    },
    { name: 'wiki: problematic', dockerfile: lines('RUN pip3 install MySQL_python'), fires: true },
    {
      name: 'wiki: correct',
      dockerfile: lines('RUN pip3 install --no-cache-dir MySQL_python'),
      fires: false,
    },
  ],
  DL3043: [
    {
      name: 'error when using ONBUILD within ONBUILD',
      dockerfile: lines('ONBUILD ONBUILD RUN anything'),
      fires: true,
    },
    {
      name: 'error when using FROM within ONBUILD',
      dockerfile: lines('ONBUILD FROM debian:buster'),
      fires: true,
    },
    {
      name: 'error when using MAINTAINER within ONBUILD',
      dockerfile: lines('ONBUILD MAINTAINER "BoJack Horseman"'),
      fires: true,
    },
    ...[
      'ADD anything anywhere',
      'USER anything',
      'LABEL bla="blubb"',
      'STOPSIGNAL anything',
      'COPY anything anywhere',
      'RUN anything',
      'CMD anything',
      'SHELL anything',
      'WORKDIR anything',
      'EXPOSE 69',
      'VOLUME anything',
      'ENTRYPOINT anything',
      'ENV MYVAR="bla"',
      'ARG anything',
      'HEALTHCHECK NONE',
    ].map((body) => ({ name: `ok with ${body.split(' ')[0]}`, dockerfile: `ONBUILD ${body}`, fires: false })),
    { name: 'ok with FROM outside of ONBUILD', dockerfile: 'FROM debian:buster', fires: false },
    { name: 'ok with MAINTAINER outside of ONBUILD', dockerfile: 'MAINTAINER "Some Guy"', fires: false },
    {
      name: 'wiki: problematic',
      dockerfile: lines('ONBUILD ONBUILD /bin/true', 'ONBUILD FROM debian', 'ONBUILD MAINTAINER Ron Weasley'),
      fires: true,
    },
  ],
  DL3059: [
    { name: 'ok with no RUN at all', dockerfile: 'FROM debian:10', fires: false },
    { name: 'ok with one RUN', dockerfile: 'RUN /foo.sh', fires: false },
    {
      name: 'ok with two not consecutive RUN',
      dockerfile: 'RUN /foo.sh\nWORKDIR /\nRUN /bar.sh',
      fires: false,
    },
    { name: 'not ok with two consecutive RUNs', dockerfile: 'RUN /foo.sh\nRUN /bar.sh', fires: true },
    {
      name: 'not ok with two RUNs separated by a comment',
      dockerfile: 'RUN /foo.sh\n# a comment\nRUN /bar.sh',
      fires: true,
    },
    {
      name: 'not ok with two RUNs separated by two comment',
      dockerfile: 'RUN /foo.sh\n# a comment\n# another comment\nRUN /bar.sh',
      fires: true,
    },
    { name: 'ok with one RUN after a comment', dockerfile: '# a comment\nRUN /foo.sh', fires: false },
    {
      name: 'ok with two consecutive RUNs when flags are different 1',
      dockerfile: 'RUN --mount=type=secret,id=foo /foo.sh\nRUN /bar.sh',
      fires: false,
    },
    {
      name: 'ok with two consecutive RUNs when flags are different 2',
      dockerfile: lines('RUN --mount=type=secret,id=foo /foo.sh', 'RUN --mount=type=secret,id=bar /bar.sh'),
      fires: false,
    },
    {
      name: 'not ok with two consecutive RUNs when flags are equal',
      dockerfile: lines('RUN --mount=type=secret,id=foo /foo.sh', 'RUN --mount=type=secret,id=foo /bar.sh'),
      fires: true,
    },
    {
      name: 'ok when commands are chained 1',
      dockerfile: lines('RUN foo && bar', 'RUN foobar'),
      fires: false,
    },
    { name: 'ok when commands are chained 2', dockerfile: lines('RUN foo; bar', 'RUN foobar'), fires: false },
    {
      name: 'ok when commands are chained 3',
      dockerfile: lines('RUN foobar', 'RUN foo && bar'),
      fires: false,
    },
    { name: 'ok when commands are chained 4', dockerfile: lines('RUN foobar', 'RUN foo; bar'), fires: false },
    {
      name: 'ok when commands are chained 5',
      dockerfile: lines('RUN foo && bar', 'RUN foo; bar'),
      fires: false,
    },
    {
      name: 'not ok when more than one RUN has just one command in a row',
      dockerfile: lines('RUN foo && bar', 'RUN foo', 'RUN bar'),
      fires: true,
    },
    {
      name: 'wiki: problematic #1',
      dockerfile: lines(
        'RUN command_creating_big_files     # big files stored in image layer!',
        'RUN command_deleting_these_files',
      ),
      fires: true,
    },
    {
      name: 'wiki: problematic #2',
      dockerfile: lines(
        'RUN command_updating_package_info  # cached in image layer and not fresh!',
        'RUN command_using_package_info',
      ),
      fires: true,
    },
    {
      name: 'wiki: correct #1',
      dockerfile: lines('RUN command_creating_big_files \\', ' && command_deleting_these_files'),
      fires: false,
    },
    {
      name: 'wiki: correct #2',
      dockerfile: lines('RUN command_updating_package_info \\', ' && command_using_package_info'),
      fires: false,
    },
  ],
  DL4000: [
    { name: 'has deprecated maintainer', dockerfile: 'FROM busybox\nMAINTAINER hudu@mail.com', fires: true },
    { name: 'has maintainer', dockerfile: 'FROM debian\nMAINTAINER Lukas', fires: true },
    { name: 'has maintainer first', dockerfile: 'MAINTAINER Lukas\nFROM DEBIAN', fires: true },
    { name: 'has no maintainer', dockerfile: 'FROM debian', fires: false },
    {
      name: 'wiki: problematic',
      dockerfile: lines('FROM busybox', 'MAINTAINER Lukas Martinelli <me@lukasmartinelli.ch>'),
      fires: true,
    },
    {
      name: 'wiki: correct',
      dockerfile: lines('FROM busybox', 'LABEL maintainer="Lukas Martinelli <me@lukasmartinelli.ch>"'),
      fires: false,
    },
  ],
  // Severity `ignore` in hadolint: its spec runs the rule itself, as the agreement test does.
  DL3057: [
    { name: 'warn with no HEALTHCHECK instructions', dockerfile: lines('FROM scratch'), fires: true },
    {
      name: 'ok when HEALTHCHECK is explicitly disabled',
      dockerfile: lines('FROM scratch', 'HEALTHCHECK NONE'),
      fires: false,
    },
    {
      name: 'ok with one HEALTHCHECK instruction',
      dockerfile: lines('FROM scratch', 'HEALTHCHECK CMD /bin/bla'),
      fires: false,
    },
    {
      name: 'ok with inheriting HEALTHCHECK instruction',
      dockerfile: lines('FROM scratch AS base', 'HEALTHCHECK CMD /bin/bla', 'FROM base'),
      fires: false,
    },
    {
      name: 'ok with ending inheritance chain with HEALTCHECK',
      dockerfile: lines(
        'FROM scratch AS base1',
        'FROM base1 AS base2',
        'FROM base2 AS base3',
        'FROM base3 AS end',
        'HEALTHCHECK NONE',
      ),
      fires: false,
    },
    {
      name: 'warn when inheritance chain bifurcates',
      dockerfile: lines(
        'FROM scratch AS base1',
        'FROM base1 AS base2',
        'FROM base2 AS base3.1',
        'FROM base2 AS base3.2',
        '',
        'FROM base3.1 AS end1',
        'HEALTHCHECK NONE',
        '',
        'FROM base3.2 AS end2',
      ),
      fires: true,
    },
    {
      name: 'warn when not inheriting with no HEALTHCHECK instruction',
      dockerfile: lines('FROM scratch AS base', 'HEALTHCHECK CMD /bin/bla', 'FROM scratch'),
      fires: true,
    },
  ],
  // Severity `ignore` in hadolint, as DL3057.
  DL1001: [
    {
      name: 'catches inline ignore pragma',
      dockerfile: lines('# hadolint ignore=DL3003', 'RUN foo bar'),
      fires: true,
    },
    {
      name: 'does not catch other pragma',
      dockerfile: lines('# hadolint shell=powershell', 'RUN foo bar'),
      fires: false,
    },
    { name: 'does not catch other comment', dockerfile: lines('# foobar', 'RUN foo bar'), fires: false },
    {
      name: 'does not catch when inline ignore pragma is absent',
      dockerfile: lines('FROM debian', 'RUN foo bar'),
      fires: false,
    },
  ],
  DL3010: [
    {
      name: 'catch: copy archive then extract 1',
      dockerfile: lines('COPY packaged-app.tar /usr/src/app', 'RUN tar -xf /usr/src/app/packaged-app.tar'),
      fires: true,
    },
    {
      name: 'catch: copy archive then extract 2',
      dockerfile: lines(
        'COPY packaged-app.tar /usr/src/app',
        'WORKDIR /usr/src/app',
        'RUN foo bar && echo something && tar -xf packaged-app.tar',
      ),
      fires: true,
    },
    {
      name: 'catch: copy archive then extract 3',
      dockerfile: lines('COPY foo/bar/packaged-app.tar /foo.tar', 'RUN tar -xf /foo.tar'),
      fires: true,
    },
    {
      name: 'catch: copy archive then extract windows paths 1',
      dockerfile: lines(
        'COPY build\\foo\\bar.tar.gz "C:\\Program Files\\Foo"',
        'RUN tar -xf "C:\\Program Files\\Foo\\bar.tar.gz"',
      ),
      fires: true,
    },
    {
      name: 'catch: copy archive then extract windows paths 2',
      dockerfile: lines(
        'COPY build\\foo\\bar.tar.gz "C:\\Program Files\\foo.tar.gz"',
        'RUN tar -xf foo.tar.gz',
      ),
      fires: true,
    },
    {
      name: 'ignore: copy archive without extract',
      dockerfile: lines('COPY packaged-app.tar /usr/src/app', 'FROM debian:11 as newstage'),
      fires: false,
    },
    { name: 'ignore: non archive', dockerfile: 'COPY package.json /usr/src/app', fires: false },
    {
      name: 'ignore: copy from previous stage',
      dockerfile: 'COPY --from=builder /usr/local/share/some.tar /opt/some.tar',
      fires: false,
    },
  ],
  DL3012: [
    { name: 'ok with no HEALTHCHECK instruction', dockerfile: 'FROM scratch', fires: false },
    {
      name: 'ok with one HEALTHCHECK instruction',
      dockerfile: 'FROM scratch\nHEALTHCHECK CMD /bin/bla',
      fires: false,
    },
    {
      name: 'ok with two HEALTHCHECK instructions in two stages',
      dockerfile: 'FROM scratch\nHEALTHCHECK CMD /bin/bla1\nFROM scratch\nHEALTHCHECK CMD /bin/bla2',
      fires: false,
    },
    {
      name: 'warn with two HEALTHCHECK instructions',
      dockerfile: 'FROM scratch\nHEALTHCHECK CMD /bin/bla1\nHEALTHCHECK CMD /bin/bla2',
      fires: true,
    },
  ],
  DL3065: [
    { name: 'ok: FROM no --platform', dockerfile: 'FROM alpine:3.24', fires: false },
    {
      name: 'ok: FROM --platform not $TARGETPLATFORM ($FOOBAR)',
      dockerfile: 'FROM --platform=$FOOBAR alpine:3.24',
      fires: false,
    },
    {
      name: 'ok: FROM --platform not $TARGETPLATFORM (foobar)',
      dockerfile: 'FROM --platform=foobar alpine:3.24',
      fires: false,
    },
    {
      name: 'ok: FROM --platform not $TARGETPLATFORM (foobar/arm64)',
      dockerfile: 'FROM --platform=foobar/arm64 alpine:3.24',
      fires: false,
    },
    {
      name: 'not ok: FROM --platform=$TARGETPLATFORM',
      dockerfile: 'FROM --platform=$TARGETPLATFORM alpine:3.24',
      fires: true,
    },
    {
      name: 'not ok: FROM --platform=${TARGETPLATFORM}',
      dockerfile: 'FROM --platform=${TARGETPLATFORM} alpine:3.24',
      fires: true,
    },
  ],
  DL4003: [
    {
      name: 'many cmds',
      dockerfile: lines('FROM debian', 'CMD bash', 'RUN foo', 'CMD another'),
      fires: true,
    },
    {
      name: 'single cmds, different stages',
      dockerfile: lines(
        'FROM debian as distro1',
        'CMD bash',
        'RUN foo',
        'FROM debian as distro2',
        'CMD another',
      ),
      fires: false,
    },
    {
      name: 'many cmds, different stages',
      dockerfile: lines(
        'FROM debian as distro1',
        'CMD bash',
        'RUN foo',
        'CMD another',
        'FROM debian as distro2',
        'CMD another',
      ),
      fires: true,
    },
    { name: 'single cmd', dockerfile: 'CMD /bin/true', fires: false },
    {
      name: 'wiki: problematic',
      dockerfile: lines('FROM busybox', 'CMD /bin/true', 'CMD /bin/false'),
      fires: true,
    },
    { name: 'wiki: correct', dockerfile: lines('FROM busybox', 'CMD /bin/false'), fires: false },
  ],
  DL4004: [
    { name: 'no cmd', dockerfile: 'FROM busybox', fires: false },
    {
      name: 'many entrypoints',
      dockerfile: lines('FROM debian', 'ENTRYPOINT bash', 'RUN foo', 'ENTRYPOINT another'),
      fires: true,
    },
    {
      name: 'single entrypoint, different stages',
      dockerfile: lines(
        'FROM debian as distro1',
        'ENTRYPOINT bash',
        'RUN foo',
        'FROM debian as distro2',
        'ENTRYPOINT another',
      ),
      fires: false,
    },
    {
      name: 'many entrypoints, different stages',
      dockerfile: lines(
        'FROM debian as distro1',
        'ENTRYPOINT bash',
        'RUN foo',
        'ENTRYPOINT another',
        'FROM debian as distro2',
        'ENTRYPOINT another',
      ),
      fires: true,
    },
    { name: 'single entry', dockerfile: 'ENTRYPOINT /bin/true', fires: false },
    {
      name: 'wiki: problematic',
      dockerfile: lines('FROM busybox', 'ENTRYPOINT /bin/true', 'ENTRYPOINT /bin/false'),
      fires: true,
    },
    { name: 'wiki: correct', dockerfile: lines('FROM busybox', 'ENTRYPOINT /bin/false'), fires: false },
  ],
};
