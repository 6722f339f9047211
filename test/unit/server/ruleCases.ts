// Per-rule cases: Dockerfiles that must fire the rule and ones that must stay quiet.
import { defaultLintSettings, type LintSettings } from '../../../common/protocol';
import type { LabelType } from '../../../server/src/dockerfile/lint/config';
import { allRules } from '../../../server/src/dockerfile/lint/registry';

/**
 * The rules that are off unless given a severity (hadolint's `ignore`: DL3057, DL1001), turned on:
 * their cases, like hadolint's specs, run them as any other rule.
 */
export const everyRuleOn: LintSettings = {
  ...defaultLintSettings,
  severity: Object.fromEntries(allRules.filter((r) => r.severity === 'off').map((r) => [r.id, 'warning'])),
};

export interface RuleCases {
  fires: string[];
  quiet: string[];
  /** The rule needs to know there is no .dockerignore. */
  noDockerignore?: boolean;
  /** The text of the .dockerignore beside the Dockerfile. */
  dockerignore?: string;
  /** `trustedRegistries` in the .hadolint.yaml that applies. */
  trustedRegistries?: string[];
  /** `label-schema` in the .hadolint.yaml that applies. */
  labelSchema?: Record<string, LabelType>;
  /** `strict-labels` in the .hadolint.yaml that applies. */
  strictLabels?: boolean;
}

const F = 'FROM debian:12\n';

export const ruleCases: Record<string, RuleCases> = {
  'consecutive-run': {
    fires: [
      `${F}RUN a\nRUN b\n`,
      `${F}RUN a\n# why\nRUN b\n`,
      `${F}RUN apt-get install -y \\\n  curl\nRUN b\n`,
      `${F}RUN --mount=type=cache,target=/x a\nRUN --mount=type=cache,target=/x b\n`,
      `${F}RUN a && b\nRUN c\nRUN d\n`,
    ],
    quiet: [
      `${F}RUN a && \\\n  b\nRUN c\n`,
      `${F}RUN a; b\nRUN c\n`,
      `${F}RUN a\nRUN b | c\n`,
      `${F}RUN a\nFROM x:1\nRUN b\n`,
      `${F}RUN a\nWORKDIR /\nRUN b\n`,
      `${F}RUN --mount=type=cache,target=/x a\nRUN b\n`,
    ],
  },
  'apt-lists-not-removed': {
    fires: [
      `${F}RUN apt-get update && apt-get install -y --no-install-recommends curl\n`,
      `${F}RUN aptitude update && aptitude install -y curl\n`,
      `${F}RUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y curl\n`,
    ],
    quiet: [
      `${F}RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n`,
      `FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian:12\nCOPY --from=build /x /x\n`,
      `${F}RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n`,
      `${F}RUN --mount=type=cache,target=/var/lib/apt --mount=type=tmpfs,target=/var/cache/apt apt-get update && apt-get install -y curl\n`,
    ],
  },
  'apk-add-without-no-cache': {
    fires: [
      'FROM alpine:3\nRUN apk add curl\n',
      'FROM alpine:3\nRUN apk update && apk add git\n',
      'FROM alpine:3\nRUN apk add curl && rm -rf /var/cache/apk/*\n',
    ],
    quiet: [
      'FROM alpine:3\nRUN apk add --no-cache curl\n',
      'FROM alpine:3\nRUN --mount=type=tmpfs,target=/var/cache/apk apk add curl\n',
      'FROM alpine:3 AS build\nRUN apk add gcc\nFROM alpine:3\nCOPY --from=build /x /x\n',
    ],
  },
  'pip-install-without-no-cache-dir': {
    fires: [
      'FROM python:3.12\nRUN pip install -r requirements.txt\n',
      'FROM python:3.12\nRUN python3 -m pip install flask\n',
      'FROM python:3.12\nENV PIP_NO_CACHE_DIR=off\nRUN pip install flask\n',
      'FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=0 && pip install flask\n',
      'FROM python:3.12\nRUN --mount=type=cache,target=/var/cache/apt pip install flask\n',
      'FROM python:3.12\nONBUILD RUN pip install -r requirements.txt\n',
    ],
    quiet: [
      'FROM python:3.12\nRUN pip install --no-cache-dir flask\n',
      'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n',
      'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=true\nFROM base\nRUN pip install flask\n',
      'FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=1 && pip install flask\n',
      'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n',
      'FROM python:3.12\nRUN --mount=type=tmpfs,target=/root/.cache/pip pip install flask\n',
      'FROM python:3.12\nRUN pipx install black\n',
    ],
  },
  'file-deleted-in-later-layer': {
    fires: [
      `${F}COPY big.tar.gz /tmp/big.tar.gz\nRUN tar xf /tmp/big.tar.gz -C /opt\nRUN rm /tmp/big.tar.gz\n`,
      `${F}RUN curl -o /tmp/x.zip https://e.x/x.zip\nRUN rm -f /tmp/x.zip\n`,
    ],
    quiet: [
      `${F}RUN curl -o /tmp/x.zip https://e.x/x.zip && unzip /tmp/x.zip && rm /tmp/x.zip\n`,
      `${F}COPY a.txt /a.txt\nRUN rm /b.txt\n`,
    ],
  },
  'apt-install-recommends': {
    fires: [
      `${F}RUN apt-get update && apt-get install -y curl\n`,
      `${F}ONBUILD RUN apt-get install -y curl\n`,
    ],
    quiet: [`${F}RUN apt-get update && apt-get install -y --no-install-recommends curl\n`],
  },
  'chown-after-copy': {
    fires: [
      `${F}COPY app /app\nRUN chown -R 1000:1000 /app\n`,
      `${F}WORKDIR /srv\nCOPY run.sh run.sh\nRUN chmod 755 run.sh\n`,
    ],
    quiet: [
      `${F}COPY --chown=1000:1000 app /app\n`,
      `${F}COPY app /app\nRUN chown -R 1000:1000 /data\n`,
      `${F}COPY a /a\nRUN chmod +x /a\n`,
    ],
  },
  'apt-install-without-update': {
    fires: [
      `${F}RUN apt-get install -y curl\n`,
      `${F}RUN apt-get install -y curl && apt-get update\n`,
      `${F}RUN apt-get update\nRUN apt-get install -y curl\n`,
    ],
    quiet: [
      `${F}RUN apt-get update && apt-get install -y curl\n`,
      `${F}RUN apt-get install -y ./pkg.deb\n`,
      `${F}RUN apt-get install --update -y curl\n`,
    ],
  },
  'apt-update-alone': {
    fires: [`${F}RUN apt-get update\nRUN apt-get install -y curl\n`],
    quiet: [
      `${F}RUN apt-get update && apt-get install -y curl\n`,
      `${F}RUN apt-get update && apt-cache policy curl\n`,
    ],
  },
  'copy-all-before-install': {
    fires: [
      'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\n',
      'FROM golang:1.23\nCOPY . .\nRUN go mod download\n',
    ],
    quiet: [
      'FROM node:22\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n',
      'FROM node:22\nCOPY . .\nRUN npm run build\n',
    ],
  },
  'cache-bust-variable': {
    fires: [
      'FROM ubuntu:24.04\nENV REFRESH_DATE 2024-01-01\nRUN apt-get update\n',
      'FROM ubuntu:24.04\nARG CACHEBUST=1\nRUN make\n',
    ],
    quiet: [
      'FROM ubuntu:24.04\nARG CACHEBUST=1\nRUN echo $CACHEBUST && make\n',
      'FROM ubuntu:24.04\nENV APP_HOME=/app\n',
    ],
  },
  'add-url-without-checksum': {
    fires: [`${F}ADD https://example.com/tool.tar.gz /opt/\n`],
    quiet: [
      `${F}ADD --checksum=sha256:0123 https://example.com/tool.tar.gz /opt/\n`,
      `${F}ADD tool.tar.gz /opt/\n`,
    ],
  },
  'package-upgrade': {
    fires: [
      `${F}RUN apt-get update && apt-get upgrade -y\n`,
      'FROM alpine:3\nRUN apk upgrade\n',
      'FROM fedora:40\nRUN dnf update -y\n',
    ],
    quiet: [
      `${F}RUN apt-get update && apt-get install -y curl\n`,
      'FROM fedora:40\nRUN yum update -y curl\n',
    ],
  },
  'volume-invalid-json': {
    fires: [`${F}VOLUME ['/data']\n`, `${F}VOLUME ["/data"\n`],
    quiet: [`${F}VOLUME ["/data"]\n`, `${F}VOLUME /data /logs\n`],
  },
  'write-under-volume': {
    fires: [
      `${F}VOLUME /data\nRUN mkdir -p /data/db\n`,
      `${F}VOLUME /var/log\nRUN echo hi > /var/log/x.log\n`,
      `${F}VOLUME /data/\nWORKDIR /data\nRUN echo 1 > ./x\n`,
      `FROM debian:12 AS base\nVOLUME ["/data"]\nFROM base\nRUN chown -R app /data\n`,
      `${F}VOLUME /\nRUN touch /x\n`,
    ],
    quiet: [
      `${F}RUN mkdir -p /data/db\nVOLUME /data\n`,
      `${F}VOLUME /data\nRUN mkdir -p /srv/data /database\n`,
      `${F}VOLUME /data\nCOPY conf /data/conf\nADD x.tar /data/\n`,
      `FROM debian:12 AS base\nVOLUME /data\nFROM debian:12\nRUN mkdir /data\n`,
      `FROM debian:12 AS a\nVOLUME /data\nFROM a AS b\nFROM debian:12\nRUN mkdir /data\n`,
    ],
  },
  'copy-into-volume': {
    fires: [
      `${F}VOLUME /data\nCOPY conf /data/conf\n`,
      `${F}VOLUME /srv/app\nWORKDIR /srv/app\nADD settings.json .\n`,
      `FROM debian:12 AS base\nVOLUME /data\nFROM base\nCOPY --from=base /etc/x /data/x\n`,
      `${F}VOLUME /data\nCOPY <<EOF /data/seed.sql\nselect 1;\nEOF\n`,
    ],
    quiet: [
      `${F}COPY conf /data/conf\nVOLUME /data\n`,
      `${F}VOLUME /data\nCOPY conf /srv/data/conf\nCOPY x /database/\n`,
      `${F}VOLUME /data\nCOPY conf $TARGET\n`,
      `${F}VOLUME /data\nRUN mkdir /data/x\n`,
      `FROM debian:12 AS base\nVOLUME /data\nFROM debian:12\nCOPY --from=base /data /data\n`,
    ],
  },
  'volume-host-path': {
    fires: [`${F}VOLUME /srv/data:/data\n`, `${F}VOLUME data\n`],
    quiet: [`${F}VOLUME /data\n`, `${F}VOLUME $DATA_DIR\n`],
  },
  'volume-anonymous': {
    fires: [`${F}VOLUME /data\n`],
    quiet: [`${F}RUN true\n`, `FROM debian:12 AS build\nVOLUME /x\nFROM debian:12\nRUN true\n`],
  },
  'volume-duplicate': {
    fires: [`${F}VOLUME /data\nVOLUME /data/\n`],
    quiet: [`${F}VOLUME /data /logs\n`],
  },
  'expose-invalid-port': {
    fires: [`${F}EXPOSE 70000\n`, `${F}EXPOSE http\n`, `${F}EXPOSE 0\n`],
    quiet: [`${F}EXPOSE 80 443/tcp 8000-8010\n`, `${F}EXPOSE $PORT\n`],
  },
  'expose-protocol': {
    fires: [`${F}EXPOSE 80/http\n`, `${F}EXPOSE 80/HTTP\n`],
    quiet: [`${F}EXPOSE 53/udp 80/tcp 9/sctp\n`, `${F}EXPOSE 53/UDP\n`],
  },
  'expose-proto-casing': {
    fires: [`${F}EXPOSE 53/UDP\n`, `${F}EXPOSE 80/TcP 8080/tcp\n`],
    quiet: [`${F}EXPOSE 53/udp 80/tcp 9/sctp\n`, `${F}EXPOSE 80/HTTP\n`, `${F}EXPOSE 80/$PROTO\n`],
  },
  'expose-host-mapping': {
    fires: [`${F}EXPOSE 80:80\n`, `${F}EXPOSE 127.0.0.1:8080\n`, `${F}EXPOSE [::1]:8080:8080\n`],
    quiet: [`${F}EXPOSE 80\n`, `${F}EXPOSE 8000-8010/udp\n`],
  },
  'expose-reversed-range': {
    fires: [`${F}EXPOSE 9000-8000\n`],
    quiet: [`${F}EXPOSE 8000-9000\n`],
  },
  'expose-duplicate': {
    fires: [
      `${F}EXPOSE 80\nEXPOSE 80/tcp\n`,
      `${F}EXPOSE 53/udp 53/UDP\n`,
      `${F}EXPOSE 8000-8010 8000-8010\n`,
    ],
    quiet: [`${F}EXPOSE 80 80/udp\n`, `${F}EXPOSE 80 80/sctp 8080\n`, `${F}EXPOSE 80 80-80 080\n`],
  },
  'instruction-casing': {
    fires: ['From debian:12\nrun true\n', 'FROM debian:12\nRUN a\nrun b\n', 'from debian:12\nrun a\nRUN b\n'],
    quiet: [
      `${F}RUN true\n`,
      'from debian:12\nrun true\n',
      'arg V=12\nFROM debian:$V\n',
      `${F}ONBUILD run make\n`,
    ],
  },
  'from-as-casing': {
    fires: ['FROM debian:12 as build\nRUN true\n'],
    quiet: ['FROM debian:12 AS build\nRUN true\n', 'from debian:12 as build\n'],
  },
  'stage-name-casing': {
    fires: ['FROM debian:12 AS Build\nRUN true\n'],
    quiet: ['FROM debian:12 AS build\n'],
  },
  'maintainer-deprecated': {
    fires: [`${F}MAINTAINER Jane <jane@example.com>\n`],
    quiet: [`${F}LABEL org.opencontainers.image.authors="Jane"\n`],
  },
  'multiple-cmd': {
    fires: [`${F}CMD ["a"]\nCMD ["b"]\n`, `${F}ENTRYPOINT ["a"]\nENTRYPOINT ["b"]\n`],
    quiet: [`${F}CMD ["a"]\nFROM debian:12\nCMD ["b"]\n`, `${F}ENTRYPOINT ["a"]\nCMD ["b"]\n`],
  },
  // Off unless given a severity; the rule tests turn it on.
  'healthcheck-missing': {
    fires: [
      F,
      `${F}CMD ["app"]\n`,
      'FROM golang:1.22 AS build\nRUN go build\nFROM alpine:3.20\nHEALTHCHECK CMD wget -q --spider localhost\n',
      'FROM a:1 AS base\nHEALTHCHECK NONE\nFROM scratch\n',
      'FROM a:1 AS one\nFROM one AS two\nFROM one AS three\nFROM two\nHEALTHCHECK NONE\nFROM three\n',
    ],
    quiet: [
      `${F}HEALTHCHECK NONE\n`,
      `${F}HEALTHCHECK CMD curl -f http://localhost/ || exit 1\n`,
      'FROM a:1 AS base\nHEALTHCHECK CMD /bin/check\nFROM base\n',
      'FROM a:1 AS deps\nRUN x\nFROM deps AS build\nRUN y\nFROM build\nHEALTHCHECK NONE\n',
      'FROM a:1 AS Base\nHEALTHCHECK NONE\nFROM base\n',
      'RUN x\nHEALTHCHECK NONE\n',
    ],
  },
  'archive-extracted-after-copy': {
    fires: [
      `${F}COPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz\n`,
      `${F}COPY dist/app.tgz /opt/\nWORKDIR /opt\nRUN tar --extract --file app.tgz\n`,
      `${F}COPY data.xz /data/\nRUN unxz /data/data.xz\n`,
    ],
    quiet: [
      `${F}ADD app.tar.gz /opt/\n`,
      `${F}COPY app.tar.gz /tmp/\n`,
      `${F}RUN tar -xzf /tmp/app.tar.gz\nCOPY app.tar.gz /tmp/\n`,
      `${F}COPY app.tar.gz /tmp/\nFROM debian:12\nRUN tar -xzf /tmp/app.tar.gz\n`,
      `${F}COPY --from=build /out/app.tar /tmp/\nRUN tar -xf /tmp/app.tar\n`,
      `${F}COPY app.tar.gz /tmp/\nRUN tar -czf /tmp/other.tar.gz /etc\n`,
      `${F}COPY app.zip /tmp/\nRUN unzip /tmp/app.zip\n`,
    ],
  },
  'invalid-exec-form': {
    fires: [`${F}CMD ['nginx', '-g', 'daemon off;']\n`, `${F}ENTRYPOINT ["a", "b"\n`],
    quiet: [`${F}CMD ["nginx", "-g", "daemon off;"]\n`, `${F}CMD echo [x]\n`],
  },
  'shell-form-cmd': {
    fires: [
      `${F}CMD nginx -g daemon\n`,
      `${F}ENTRYPOINT /entry.sh\n`,
      `${F}CMD run\nSHELL ["/bin/bash", "-c"]\n`,
    ],
    quiet: [
      `${F}CMD ["nginx"]\n`,
      `${F}CMD exec nginx\n`,
      `${F}HEALTHCHECK CMD curl -f http://localhost/ || exit 1\n`,
      `${F}SHELL ["/bin/bash", "-c"]\nCMD run\n`,
      'FROM a:1 AS base\nSHELL ["pwsh", "-c"]\nFROM base\nENTRYPOINT Start-App\n',
    ],
  },
  'relative-workdir': {
    fires: [`${F}WORKDIR app\n`, 'FROM a:1 AS base\nRUN x\nFROM base\nWORKDIR "src"\n', 'WORKDIR app\n'],
    quiet: [
      `${F}WORKDIR /app\n`,
      `${F}WORKDIR $HOME/app\n`,
      `${F}WORKDIR /a\nWORKDIR b\n`,
      'FROM a:1 AS base\nWORKDIR /app\nFROM base\nWORKDIR src\n',
      `${F}WORKDIR C:\\app\n`,
    ],
  },
  'from-untagged': {
    fires: ['FROM nginx\n', 'FROM nginx:latest\n', 'ARG IMG=redis\nFROM ${IMG}\n'],
    quiet: [
      'FROM nginx:1.27\n',
      'FROM scratch\n',
      'FROM nginx@sha256:abc\n',
      'FROM nginx:1 AS b\nFROM b\n',
      'ARG V=1.2\nFROM redis:${V}\n',
    ],
  },
  'duplicate-stage-name': {
    fires: ['FROM a:1 AS x\nFROM b:1 AS x\n'],
    quiet: ['FROM a:1 AS x\nFROM b:1 AS y\n'],
  },
  'copy-from-unknown-stage': {
    fires: [
      'FROM a:1 AS build\nFROM b:1\nCOPY --from=biuld /x /x\n',
      'FROM a:1\nCOPY --from=1 /x /x\nFROM b:1 AS late\n',
    ],
    quiet: [
      'FROM a:1 AS build\nFROM b:1\nCOPY --from=build /x /x\n',
      'FROM a:1\nCOPY --from=nginx:1.27 /x /x\n',
      'FROM a:1\nFROM b:1\nCOPY --from=0 /x /x\n',
    ],
  },
  'undefined-variable': {
    fires: [
      'FROM scratch\nCOPY $SRC /x\n',
      'FROM debian:12\nARG VERSION=1\nENV V=$VERSOIN\n',
      'FROM alpine:3\nCOPY $foo .\nARG foo=bar\n',
      'FROM alpine:3\nENV PATH=$PAHT:/tmp/bin\n',
      'COPY $src /app\n',
    ],
    quiet: [
      'FROM debian:12\nARG VERSION=1\nENV V=$VERSION\n',
      'FROM debian:12\nENV PATH=$PATH:/x GOPATH=$GOPATH\n',
      'FROM scratch\nCOPY ${SRC:-.} /x\n',
      'FROM python:3\nARG VERSION=$PYTHON_VERSION\n',
      'FROM alpine:3 AS base\nARG foo=Dockerfile\nFROM base\nCOPY $foo .\n',
      'FROM alpine:3\nRUN echo $foo\n',
    ],
  },
  'unknown-instruction': {
    fires: [`${F}RUNN true\n`, '{{ template }}\nFROM x:1\n'],
    quiet: [`${F}RUN true\n`],
  },
  'missing-arguments': {
    fires: [`${F}COPY onlyone\n`, `${F}EXPOSE\n`, `${F}ONBUILD\n`, `${F}RUN\n`],
    quiet: [
      `${F}COPY a /b\n`,
      `${F}COPY <<EOF /x\nhi\nEOF\n`,
      `${F}ONBUILD RUN make\n`,
      `${F}RUN ["true"]\n`,
    ],
  },
  'run-cd-no-effect': {
    fires: [`${F}RUN cd /app\n`, `${F}RUN make && cd /tmp\n`],
    quiet: [`${F}RUN cd /src && make\n`],
  },
  'reserved-stage-name': {
    fires: ['FROM alpine:3 AS scratch\nRUN true\n', 'FROM alpine:3 AS Context\nRUN true\n'],
    quiet: ['FROM scratch\nCOPY a /a\n', 'FROM alpine:3 AS builder\nRUN true\n'],
  },
  'from-platform-constant': {
    fires: [
      'FROM --platform=linux/amd64 alpine:3\n',
      'FROM --platform=linux/arm64/v8 alpine:3 AS build\n',
      'FROM --platform=amd64 alpine:3\n',
    ],
    quiet: [
      'FROM --platform=$BUILDPLATFORM alpine:3 AS build\n',
      'FROM --platform=linux/amd64 alpine:3 AS build_amd64\n',
      'FROM --platform=linux/arm64 alpine:3 AS linux-tools\n',
      'FROM --platform=notaplatform alpine:3\n',
      'FROM alpine:3\n',
    ],
  },
  'redundant-target-platform': {
    fires: [
      'FROM --platform=$TARGETPLATFORM alpine:3\n',
      'FROM --platform=${TARGETPLATFORM} alpine:3 AS b\n',
      'FROM --platform="$TARGETPLATFORM" alpine:3\n',
    ],
    quiet: ['FROM --platform=$BUILDPLATFORM alpine:3\n', 'FROM --platform=${TARGETPLATFORM}-x alpine:3\n'],
  },
  'undefined-arg-in-from': {
    fires: [
      'FROM alpine:$TAG\n',
      'FROM --platform=$BULIDPLATFORM alpine:3\n',
      'ARG tag=3\nFROM alpine:${tag}${variant}\n',
      'FROM alpine:${TAG:-3}\n',
    ],
    quiet: [
      'ARG TAG=3\nFROM alpine:$TAG\n',
      'ARG TAG\nFROM alpine:${TAG:-3}\n',
      'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nFROM build_${TARGETARCH}\n',
      'FROM alpine:3\nARG TAG\nFROM alpine:3\n',
    ],
  },
  'invalid-default-arg-in-from': {
    fires: [
      'ARG TAG\nFROM busybox:${TAG}\n',
      'ARG IMAGE\nFROM $IMAGE\n',
      'ARG SFX="box:"\nFROM busy${SFX}\n',
      'FROM Ubuntu:24.04\n',
      'FROM ruby@sha256:f1dbca0f5dbc9\n',
    ],
    quiet: [
      'ARG TAG=1.36\nFROM busybox:${TAG}\n',
      'ARG VARIANT\nFROM busybox:stable${VARIANT}\n',
      'ARG TAG\nFROM alpine:${TAG:-3.14}\n',
      'ARG DEBUG=""\nFROM scratch${DEBUG-@bogus}\n',
      'FROM Registry.Example.com:5000/team/app:1.0\n',
      'FROM --platform=$BUILDPLATFORM alpine:3 AS build_amd64\nFROM build_${TARGETARCH}\n',
    ],
  },
  'no-empty-continuation': {
    fires: [
      'FROM alpine:3\nRUN apk add \\\n\n    curl\n',
      'FROM alpine:3\nEXPOSE \\\n  \t\n80\n',
      'FROM a:1\nRUN a \\\n\nRUN b\n',
    ],
    quiet: [
      'FROM alpine:3\nRUN apk add \\\n    curl\n',
      'FROM alpine:3\nEXPOSE \\\n# Port\n80\n',
      'FROM a:1\nRUN a\n\nRUN b\n',
    ],
  },
  'copy-ignored-file': {
    dockerignore: '# local files\n*.env\nsecrets/\n**/*.log\n',
    fires: [
      `${F}COPY prod.env /app/\n`,
      `${F}COPY ./secrets/key.pem /app/\n`,
      `${F}ADD logs/today.log /var/log/\n`,
      `${F}COPY ["prod.env", "/app/"]\n`,
    ],
    quiet: [
      `${F}COPY app.py /app/\n`,
      `${F}COPY . /app\n`,
      `${F}COPY --from=build /out/prod.env /app/\n`,
      `${F}COPY $ENV_FILE /app/\n`,
      `${F}ADD https://example.com/x.log /tmp/\n`,
    ],
  },
  'no-build-stage': {
    fires: [
      'RUN apt-get install -y curl\nEXPOSE 80:80\n',
      'ARG BASE=debian:12\nLABEL a=b\nFROM ${BASE}\n',
      '# syntax=docker/dockerfile:1\nENV A=1\n',
      'ARG A\nRUN echo $A\n',
    ],
    quiet: [`${F}RUN a\n`, 'ARG V=12\nFROM debian:${V}\n', 'ARG A\n', 'BADCMD x\nFROM debian:12\n'],
  },
  'onbuild-forbidden': {
    fires: [`${F}ONBUILD FROM x\n`, `${F}ONBUILD ONBUILD RUN x\n`],
    quiet: [`${F}ONBUILD RUN make\n`],
  },
  'legacy-key-value': {
    fires: [`${F}ENV A 1\n`, `${F}LABEL maintainer jane\n`],
    quiet: [`${F}ENV A=1\n`, `${F}LABEL a=b\n`],
  },
  'expose-volume-in-build-stage': {
    fires: ['FROM a:1 AS build\nEXPOSE 80\nFROM b:1\nCOPY --from=build /x /x\n'],
    quiet: [
      'FROM a:1 AS dev\nEXPOSE 80\nFROM b:1 AS prod\nEXPOSE 80\n',
      'FROM a:1 AS base\nEXPOSE 80\nFROM base\n',
    ],
  },
  'global-arg-not-redeclared': {
    fires: ['ARG VERSION=1\nFROM a:$VERSION\nRUN echo $VERSION\n', 'ARG V=1\nFROM a:1\nENV X=${V}\n'],
    quiet: [
      'ARG VERSION=1\nFROM a:$VERSION\nARG VERSION\nRUN echo $VERSION\n',
      'ARG V=1\nFROM a:$V\nRUN echo hi\n',
    ],
  },
  'debian-frontend-env': {
    fires: [`${F}ENV DEBIAN_FRONTEND=noninteractive\n`],
    quiet: [
      `${F}ARG DEBIAN_FRONTEND=noninteractive\n`,
      `${F}RUN DEBIAN_FRONTEND=noninteractive apt-get update\n`,
    ],
  },
  'last-user-root': {
    fires: [`${F}USER app\nUSER root\n`, 'FROM debian:12 AS base\nUSER root\nFROM base\nRUN x\n'],
    quiet: [
      `${F}USER root\nRUN x\nUSER app\n`,
      `${F}RUN x\n`,
      'FROM debian:12 AS build\nUSER root\nRUN make\nFROM debian:12\nUSER app\n',
    ],
  },
  'no-user': {
    fires: ['FROM node:22\nWORKDIR /app\nCOPY . .\nCMD ["node", "index.js"]\n'],
    quiet: [
      'FROM node:22\nCOPY . .\nUSER node\nCMD ["node", "index.js"]\n',
      'FROM debian:12\nRUN apt-get update\n',
      'FROM debian:12\nCOPY . .\nRUN gosu nobody true\nCMD ["x"]\n',
    ],
  },
  'secret-file-copied': {
    fires: [
      `${F}COPY .env /app/.env\n`,
      `${F}COPY id_rsa /root/.ssh/id_rsa\n`,
      `${F}COPY certs/server.pem /etc/ssl/\n`,
    ],
    quiet: [`${F}COPY .env.example /app/\n`, `${F}COPY app.py /app/\n`],
  },
  'copy-all-without-dockerignore': {
    noDockerignore: true,
    fires: [`${F}COPY . /app\n`],
    quiet: [`${F}COPY app.py /app/\n`],
  },
  'secret-in-arg-env': {
    fires: [
      `${F}ARG GITHUB_TOKEN\n`,
      `${F}ENV DB_PASSWORD=hunter2\n`,
      `${F}ENV PASSWORD=\n`,
      `${F}ARG AWS_ACCESS_KEY_ID\n`,
      'ARG NPM_TOKEN\nRUN npm ci\n',
    ],
    quiet: [
      `${F}ENV GPG_KEY=ABCDEF\n`,
      `${F}ENV WORDPRESS_CLI_GPG_KEY=ABCDEF\n`,
      `${F}ENV POSTGRES_PASSWORD_FILE=/run/secrets/pw\n`,
      `${F}ARG AUTH_MODULE_VERSION=2\n`,
      `${F}ENV PUBLIC_KEY=abc\n`,
      'ARG GITHUB_TOKEN\nFROM debian:12\n',
    ],
  },
  'curl-pipe-shell': {
    fires: [`${F}RUN curl -fsSL https://x.sh | sh\n`, `${F}RUN wget -qO- https://x | bash -s\n`],
    quiet: [
      `${F}RUN curl -fsSLo /tmp/i.sh https://x.sh && sha256sum -c s && sh /tmp/i.sh\n`,
      `${F}RUN curl -s https://x | tar xz\n`,
    ],
  },
  'add-insecure-url': {
    fires: [`${F}ADD http://example.com/x.tgz /x\n`],
    quiet: [`${F}ADD https://example.com/x.tgz /x\n`],
  },
  'chmod-777': {
    fires: [`${F}RUN chmod 777 /app\n`, `${F}COPY --chmod=777 a /a\n`],
    quiet: [`${F}RUN chmod 755 /app\n`, `${F}RUN d=$(mktemp -d) && chmod 777 "$d" && rm -rf "$d"\n`],
  },
  'sudo-in-run': {
    fires: [`${F}RUN sudo apt-get update\n`, `${F}ONBUILD RUN sudo make install\n`],
    quiet: [`${F}RUN apt-get update\n`, `${F}RUN apt-get install -y sudo\n`],
  },
  'add-instead-of-copy': {
    fires: [`${F}ADD app.py /app/\n`],
    quiet: [`${F}ADD rootfs.tar.gz /\n`, `${F}COPY app.py /app/\n`, `${F}ADD https://e.x/f /f\n`],
  },
  'apt-in-script': {
    fires: [`${F}RUN apt install -y curl\n`],
    quiet: [`${F}RUN apt-get install -y curl\n`],
  },
  // Off unless given a severity; the rule tests turn it on.
  'inline-ignore-pragma': {
    fires: [
      `${F}# hadolint ignore=DL3008\nRUN apt-get install -y curl\n`,
      `${F}#hadolint ignore=DL3008,DL3015\nRUN apt-get install -y curl\n`,
      `${F}# berth ignore=consecutive-run\nRUN a\n`,
    ],
    quiet: [
      `${F}# hadolint global ignore=DL3008\nRUN apt-get install -y curl\n`,
      `${F}# hadolint stage ignore=DL3008\nRUN apt-get install -y curl\n`,
      `${F}# hadolint shell=powershell\nRUN a\n`,
      `${F}# ignore the cache here\nRUN a\n`,
    ],
  },
};
