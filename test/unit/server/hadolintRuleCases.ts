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
};
