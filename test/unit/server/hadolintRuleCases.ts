// Cases for the rules that cover more of hadolint's DL codes, in the shape of ruleCases.ts; each
// rule's full agreement with hadolint's own spec is checked in hadolintSpec.test.ts.

import type { RuleCases } from './ruleCases';

const F = 'FROM debian:12\n';
const R = 'FROM rockylinux:9\n';

export const hadolintRuleCases: Record<string, RuleCases> = {
  'apt-get-without-yes': {
    fires: [`${F}RUN apt-get update && apt-get install curl\n`, `${F}RUN apt-get install -q curl\n`],
    quiet: [
      `${F}RUN apt-get update && apt-get install -y curl\n`,
      `${F}RUN apt-get -qq install curl\n`,
      `${F}RUN apt-get install -s curl > /dev/null\n`,
      `${F}RUN apt install curl\n`,
    ],
  },
  'yum-without-yes': {
    fires: [`${R}RUN yum install httpd && yum clean all\n`, `${R}RUN yum groupinstall "Development Tools"\n`],
    quiet: [`${R}RUN yum install -y httpd && yum clean all\n`, `${R}RUN yum --assumeyes install httpd\n`],
  },
  'dnf-without-yes': {
    fires: [`${R}RUN dnf install httpd\n`, `${R}RUN microdnf install httpd\n`],
    quiet: [`${R}RUN dnf install -y httpd\n`, `${R}RUN dnf -y install httpd\n`, `${R}RUN dnf makecache\n`],
  },
  'zypper-without-non-interactive': {
    fires: [
      `FROM opensuse/leap:15\nRUN zypper install httpd\n`,
      `FROM opensuse/leap:15\nRUN zypper rm httpd\n`,
    ],
    quiet: [
      `FROM opensuse/leap:15\nRUN zypper --non-interactive install httpd\n`,
      `FROM opensuse/leap:15\nRUN zypper install -y httpd\n`,
      `FROM opensuse/leap:15\nRUN zypper refresh\n`,
    ],
  },
  'yum-cache-not-cleaned': {
    fires: [`${R}RUN yum install -y httpd\n`, `${R}RUN yum clean all && yum install -y httpd\n`],
    quiet: [
      `${R}RUN yum install -y httpd && yum clean all\n`,
      `${R}RUN yum install -y httpd && rm -rf /var/cache/yum/*\n`,
      `${R}RUN --mount=type=cache,target=/var/cache/yum yum install -y httpd\n`,
    ],
  },
  'dnf-cache-not-cleaned': {
    fires: [`${R}RUN dnf install -y httpd\n`, `${R}RUN dnf install -y httpd && microdnf clean all\n`],
    quiet: [
      `${R}RUN dnf install -y httpd && dnf clean all\n`,
      `${R}RUN --mount=type=cache,target=/var/cache/dnf dnf install -y httpd\n`,
    ],
  },
  'zypper-cache-not-cleaned': {
    fires: [`FROM opensuse/leap:15\nRUN zypper -n install httpd\n`],
    quiet: [
      `FROM opensuse/leap:15\nRUN zypper -n install httpd && zypper clean --all\n`,
      `FROM opensuse/leap:15\nRUN zypper -n in httpd && rm -rf /var/cache/zypp/*\n`,
    ],
  },
  'yarn-cache-not-cleaned': {
    fires: [`FROM node:20\nRUN yarn install --frozen-lockfile\n`],
    quiet: [
      `FROM node:20\nRUN yarn install --frozen-lockfile && yarn cache clean\n`,
      `FROM node:20 AS build\nRUN yarn install\nFROM nginx:1\nCOPY --from=build /app /usr/share/nginx/html\n`,
    ],
  },
  'zypper-dist-upgrade': {
    fires: [`FROM opensuse/leap:15\nRUN zypper -n dup\n`],
    quiet: [`FROM opensuse/leap:15\nRUN zypper -n update\n`],
  },
  'apt-install-unpinned': {
    fires: [
      'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
      'FROM debian:12\nRUN apt-get install -y -o Dpkg::Options::=--force-confnew curl=7.88.1-10 git\n',
      'FROM debian:12\nONBUILD RUN apt-get install -y curl\n',
    ],
    quiet: [
      'FROM debian:12\nRUN apt-get install -y curl=7.88.1-10+deb12u5 git=1:2.39.*\n',
      'FROM debian:12\nRUN apt-get install -y -t bookworm-backports curl/bookworm-backports\n',
      'FROM debian:12\nRUN apt-get install -y ./local.deb\n',
      'FROM debian:12\nRUN apt-get remove -y curl\n',
      'FROM debian:12\nRUN apt install -y curl\n',
    ],
  },
  'apk-add-unpinned': {
    fires: [
      'FROM alpine:3\nRUN apk add --no-cache curl\n',
      'FROM alpine:3\nRUN apk add --virtual .deps gcc=13.2.1-r0 make\n',
    ],
    quiet: [
      'FROM alpine:3\nRUN apk add --no-cache curl=8.5.0-r0\n',
      'FROM alpine:3\nRUN apk add --no-cache --virtual .deps gcc~13\n',
      'FROM alpine:3\nRUN apk del curl\n',
    ],
  },
  'npm-install-unpinned': {
    fires: ['FROM node:20\nRUN npm install -g typescript\n', 'FROM node:20\nRUN npm install @angular/cli\n'],
    quiet: [
      'FROM node:20\nRUN npm install\n',
      'FROM node:20\nRUN npm install -g typescript@5.4.5\n',
      'FROM node:20\nRUN npm ci --omit=dev\n',
    ],
  },
  'gem-install-unpinned': {
    fires: ['FROM ruby:3\nRUN gem install bundler\n'],
    quiet: [
      'FROM ruby:3\nRUN gem install bundler:2.5.6\n',
      'FROM ruby:3\nRUN gem install bundler -v 2.5.6\n',
    ],
  },
  'go-install-unpinned': {
    fires: [
      'FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@latest\n',
      'FROM golang:1.22\nRUN go get example.com/pkg\n',
    ],
    quiet: [
      'FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@v0.15.3\n',
      'FROM golang:1.22\nRUN go install ./cmd/app\n',
    ],
  },
  'pip-install-unpinned': {
    fires: [
      'FROM python:3.12\nRUN pip install --no-cache-dir flask\n',
      'FROM python:3.12\nRUN python3 -m pip install flask requests==2.32.3\n',
    ],
    quiet: [
      'FROM python:3.12\nRUN pip install --no-cache-dir flask==3.0.3\n',
      'FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt\n',
      'FROM python:3.12\nRUN pip install --no-cache-dir .\n',
    ],
  },
  'yum-install-unpinned': {
    fires: [`${R}RUN yum install -y httpd && yum clean all\n`, `${R}RUN yum module install -y nodejs\n`],
    quiet: [
      `${R}RUN yum install -y httpd-2.4.57 && yum clean all\n`,
      `${R}ARG HTTPD_VERSION=2.4.57\nRUN yum install -y httpd-$HTTPD_VERSION\n`,
      `${R}RUN yum module install -y nodejs:18\n`,
    ],
  },
  'dnf-install-unpinned': {
    fires: [`${R}RUN dnf install -y httpd\n`, `${R}ENV V=1\nRUN dnf install -y httpd-\${W}\n`],
    quiet: [`${R}RUN dnf install -y httpd-2.4.57\n`, `${R}RUN dnf group install -y "Development Tools"\n`],
  },
  'zypper-install-unpinned': {
    fires: ['FROM opensuse/leap:15\nRUN zypper -n install httpd\n'],
    quiet: [
      'FROM opensuse/leap:15\nRUN zypper -n install httpd=2.4.51\n',
      "FROM opensuse/leap:15\nRUN zypper -n install 'httpd>=2.4'\n",
    ],
  },
  'pointless-command-in-run': {
    fires: [`${F}RUN service nginx start && nginx -t\n`, `${F}RUN ps aux | grep java\n`],
    quiet: [`${F}RUN apt-get install -y openssh-client\n`, `${F}RUN --mount=type=cache,target=/x make\n`],
  },
  'useradd-high-uid-without-l': {
    fires: [`${F}RUN useradd -u 123456 app\n`, `${F}RUN groupadd app && useradd -m -u 1000000 -g app app\n`],
    quiet: [
      `${F}RUN useradd -u 1000 app\n`,
      `${F}RUN useradd -l -u 123456 app\n`,
      `${F}RUN useradd --no-log-init -u 123456 app\n`,
    ],
  },
  'wget-progress-bar': {
    fires: [`${F}RUN wget https://e.x/big.tgz\n`, `${F}RUN wget -O- https://e.x/x | tar xz\n`],
    quiet: [
      `${F}RUN wget --progress=dot:giga https://e.x/big.tgz\n`,
      `${F}RUN wget -qO- https://e.x/x | tar xz\n`,
      `${F}RUN wget -nv https://e.x/big.tgz\n`,
    ],
  },
  'curl-and-wget': {
    fires: [
      `${F}RUN wget -q https://e.x/a\nRUN curl -fsSLO https://e.x/b\n`,
      `${F}RUN curl -fsSLO https://e.x/a && wget -q https://e.x/b\n`,
    ],
    quiet: [
      `${F}RUN curl -fsSLO https://e.x/a\nFROM alpine:3\nRUN wget -q https://e.x/b\n`,
      `${F}RUN command -v curl || wget -q https://e.x/b\n`,
    ],
  },
  'replace-bin-sh': {
    fires: [`${F}RUN ln -sf /bin/bash /bin/sh\n`],
    quiet: [`${F}RUN ln -s /usr/bin/python3 /usr/bin/python\n`],
  },
  'pipe-without-pipefail': {
    fires: [
      `${F}RUN wget -O - https://e.x | wc -l > /number\n`,
      `${F}RUN set -e; arch="$(dpkg --print-architecture | cut -d- -f1)"; echo "$arch"\n`,
      `${F}SHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM debian:12\nRUN a | b\n`,
    ],
    quiet: [
      `${F}SHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -O - https://e.x | wc -l > /number\n`,
      `${F}RUN a || b\n`,
      `${F}RUN grep 'a|b' file\n`,
      `${F}RUN x="$(printf 'a|b' || true)"; echo "$x"\n`,
      `${F}RUN ["/bin/bash", "-o", "pipefail", "-c", "a | b"]\n`,
    ],
  },
  'copy-many-to-file': {
    fires: [`${F}COPY package.json package-lock.json /app\n`, `${F}COPY ["a", "b", "/dest"]\n`],
    quiet: [`${F}COPY package.json package-lock.json ./\n`, `${F}COPY app /app\n`, `${F}ADD a b /dest\n`],
  },
  'copy-relative-without-workdir': {
    fires: [`${F}COPY app.py app.py\n`, `FROM debian:12 AS a\nWORKDIR /app\nFROM debian:12\nCOPY . .\n`],
    quiet: [
      `${F}WORKDIR /app\nCOPY . .\n`,
      `${F}COPY app.py /app/\n`,
      `FROM debian:12 AS a\nWORKDIR /app\nFROM a\nCOPY . .\n`,
      `${F}COPY app.py $APP_HOME\n`,
    ],
  },
  'env-refers-to-same-env': {
    fires: [`${F}ENV DIR=/app LOG=$DIR/log\n`, `${F}ENV A=1 B="\${A}/x"\n`],
    quiet: [
      `${F}ENV DIR=/app\nENV LOG=$DIR/log\n`,
      `${F}ENV PATH=/opt/bin:$PATH\n`,
      `${F}ARG V\nENV V=$V W=$V\n`,
    ],
  },
  'copy-whole-filesystem': {
    fires: ['FROM alpine:3 AS build\nFROM debian:12\nCOPY --from=build / /\n'],
    quiet: [
      'FROM alpine:3 AS build\nFROM debian:12\nCOPY --from=build /app /app\n',
      `${F}COPY / /\n`,
      'FROM scratch AS out\nCOPY app /app\nFROM debian:12\nCOPY --from=out / /\n',
      `${F}COPY --from=tonistiigi/xx:1.6 / /\n`,
    ],
  },
  'label-key-format': {
    fires: [`${F}LABEL Maintainer="Jane"\n`, `${F}LABEL com.docker.extension.x="y"\n`],
    quiet: [`${F}LABEL org.opencontainers.image.source="https://e.x/r"\n`, `${F}LABEL maintainer="Jane"\n`],
  },
  'untrusted-registry': {
    trustedRegistries: ['registry.example.com', 'localhost:5000', 'mirror.*'],
    fires: [
      'FROM debian:12\n',
      'FROM ghcr.io/acme/app:1\n',
      'ARG BASE=quay.io/acme/base:1\nFROM ${BASE}\n',
      'FROM registry.example.com/app:1\nCOPY --from=busybox:1.36 /bin/busybox /bin/\n',
      'FROM registry.example.com/app:1\nRUN --mount=type=cache,from=ghcr.io/acme/cache:1,target=/c true\n',
    ],
    quiet: [
      'FROM registry.example.com/app:1\n',
      'FROM localhost:5000/app:1 AS build\nFROM build\nCOPY --from=build /a /a\n',
      'FROM mirror.acme.io/debian:12\n',
      'FROM scratch\nCOPY --from=0 /a /a\n',
      // A stage defined further down is not an image, whatever COPY makes of it.
      'FROM registry.example.com/app:1 AS a\nCOPY --from=b /x /x\nFROM registry.example.com/app:1 AS b\n',
      'ARG BASE\nFROM ${BASE}\n',
    ],
  },
  'label-missing': {
    labelSchema: { 'org.opencontainers.image.version': 'semver' },
    fires: [
      'FROM debian:12\n',
      'FROM debian:12\nLABEL org.opencontainers.image.title="app"\n',
      // ONBUILD's LABEL is for the images built on this one.
      'FROM debian:12\nONBUILD LABEL org.opencontainers.image.version="1.0.0"\n',
      'FROM golang:1.22 AS build\nFROM debian:12\nLABEL org.opencontainers.image.version="1.0.0"\n',
      'FROM debian:12 AS base\nFROM base\nFROM base\nLABEL org.opencontainers.image.version="1.0.0"\n',
    ],
    quiet: [
      'FROM debian:12\nLABEL org.opencontainers.image.version="1.0.0"\n',
      'FROM debian:12\nLABEL "org.opencontainers.image.version"=1.0.0\n',
      'FROM debian:12 AS base\nLABEL org.opencontainers.image.version="1.0.0"\nFROM base\n',
      // hadolint compares stage names with the image name, without registry and tag.
      'FROM debian:12 AS base\nLABEL org.opencontainers.image.version="1.0.0"\nFROM localhost:5000/base:1\n',
      'FROM golang:1.22 AS Build\nFROM debian:12\nLABEL org.opencontainers.image.version="1.0.0"\nCOPY --from=build /a /a\n',
      'LABEL org.opencontainers.image.title="a snippet without FROM"\n',
    ],
  },
  'label-not-in-schema': {
    labelSchema: { maintainer: 'email' },
    strictLabels: true,
    fires: [`${F}LABEL version="1.0.0"\n`, `${F}LABEL maintainer="a@b.example" version="1.0.0"\n`],
    quiet: [`${F}LABEL maintainer="a@b.example"\n`, `${F}ONBUILD LABEL version="1.0.0"\n`, F],
  },
  'label-empty': {
    labelSchema: { maintainer: 'email', description: 'text' },
    fires: [`${F}LABEL description=""\n`, `${F}LABEL maintainer=''\n`, `${F}LABEL description=\n`],
    quiet: [`${F}LABEL description="An app"\n`, `${F}LABEL other=""\n`, `${F}LABEL description=" "\n`],
  },
  'label-invalid-url': {
    labelSchema: { 'org.opencontainers.image.source': 'url' },
    fires: [
      `${F}LABEL org.opencontainers.image.source="github.com/acme/app"\n`,
      `${F}LABEL org.opencontainers.image.source="https://example.com/a b"\n`,
      `${F}LABEL org.opencontainers.image.source="https://example.com/%zz"\n`,
      `${F}ARG SOURCE\nLABEL org.opencontainers.image.source="\${SOURCE}"\n`,
    ],
    quiet: [
      `${F}LABEL org.opencontainers.image.source="https://github.com/acme/app"\n`,
      `${F}LABEL org.opencontainers.image.source=mailto:team@example.com\n`,
      `${F}LABEL org.opencontainers.image.url="not a url"\n`,
    ],
  },
  'label-invalid-time': {
    labelSchema: { 'org.opencontainers.image.created': 'rfc3339' },
    fires: [
      `${F}LABEL org.opencontainers.image.created="2024-05-01"\n`,
      `${F}LABEL org.opencontainers.image.created="2024-05-01T12:00:00"\n`,
      `${F}LABEL org.opencontainers.image.created="2023-02-29T12:00:00Z"\n`,
    ],
    quiet: [
      `${F}LABEL org.opencontainers.image.created="2024-05-01T12:00:00Z"\n`,
      `${F}LABEL org.opencontainers.image.created="2024-02-29T14:00:00.5+02:00"\n`,
    ],
  },
  'label-invalid-spdx': {
    labelSchema: { 'org.opencontainers.image.licenses': 'spdx' },
    fires: [
      `${F}LABEL org.opencontainers.image.licenses="mit"\n`,
      `${F}LABEL org.opencontainers.image.licenses="MIT OR Apache-2.0"\n`,
      `${F}LABEL org.opencontainers.image.licenses="GPL-2.0+"\n`,
    ],
    quiet: [
      `${F}LABEL org.opencontainers.image.licenses="Apache-2.0"\n`,
      `${F}LABEL org.opencontainers.image.licenses=GPL-3.0-only\n`,
    ],
  },
  'label-invalid-git-hash': {
    labelSchema: { 'org.opencontainers.image.revision': 'hash' },
    fires: [
      `${F}LABEL org.opencontainers.image.revision="2DBFAE9"\n`,
      `${F}LABEL org.opencontainers.image.revision="2dbfae91"\n`,
    ],
    quiet: [
      `${F}LABEL org.opencontainers.image.revision="2dbfae9"\n`,
      `${F}LABEL org.opencontainers.image.revision=43c572f1272b6b3171dd1db9e41b7027128ce080\n`,
    ],
  },
  'label-invalid-semver': {
    labelSchema: { 'org.opencontainers.image.version': 'semver' },
    fires: [
      `${F}LABEL org.opencontainers.image.version="v1.2.3"\n`,
      `${F}LABEL org.opencontainers.image.version="1.2"\n`,
      `${F}LABEL org.opencontainers.image.version="1.2.3-rc..1"\n`,
    ],
    quiet: [
      `${F}LABEL org.opencontainers.image.version="1.2.3"\n`,
      `${F}LABEL org.opencontainers.image.version="2.0.0-rc.1+build.5"\n`,
    ],
  },
  'label-invalid-email': {
    labelSchema: { maintainer: 'email' },
    fires: [
      `${F}LABEL maintainer="Jane <jane@example.com>"\n`,
      `${F}LABEL maintainer="jane..doe@example.com"\n`,
      `${F}LABEL maintainer="jane@-example.com"\n`,
    ],
    quiet: [
      `${F}LABEL maintainer="jane@example.com"\n`,
      `${F}LABEL maintainer='"jane doe"@[192.0.2.1]'\n`,
      `${F}LABEL author="Jane <jane@example.com>"\n`,
    ],
  },
};
