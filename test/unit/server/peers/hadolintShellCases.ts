// RUN scripts and the instructions around them: each assertion of hadolint's test spec for these codes
// (test/Hadolint/Rule/DLxxxxSpec.hs), in the shape of hadolintCases.ts. A snippet hadolint
// asserts only in its ONBUILD form is listed with the same outcome without ONBUILD: the rule is
// one check applied to both (and a snippet with no RUN is the same file either way).
import type { HadolintCase } from './hadolintCases';

export const hadolintShellCases: Record<string, HadolintCase[]> = {
  DL3001: [
    {
      name: 'invalid cmd',
      dockerfile: 'RUN top',
      fires: true,
      onbuild: true,
    },
    {
      name: 'install ssh',
      dockerfile: 'RUN apt-get install ssh',
      fires: false,
      onbuild: false,
    },
  ],
  DL3021: [
    {
      name: 'no warn on 2 args',
      dockerfile: 'COPY foo bar',
      fires: false,
    },
    {
      name: 'warn on 3 args',
      dockerfile: 'COPY foo bar baz',
      fires: true,
    },
    {
      name: 'no warn on 3 args',
      dockerfile: 'COPY foo bar baz/',
      fires: false,
    },
    {
      name: 'warn on 3 args with quotes',
      dockerfile: 'COPY foo bar "baz"',
      fires: true,
    },
    {
      name: 'no warn on 3 args with quotes',
      dockerfile: 'COPY foo bar "baz/"',
      fires: false,
    },
  ],
  DL3044: [
    {
      name: 'ok with normal ENV',
      dockerfile: 'ENV BLA="blubb"\nENV BLUBB="${BLA}/blubb"',
      fires: false,
    },
    {
      name: 'ok with partial match 1',
      dockerfile: 'ENV BLA="blubb" BLUBB="${FOOBLA}/blubb"',
      fires: false,
    },
    {
      name: 'ok with partial match 2',
      dockerfile: 'ENV BLA="blubb" BLUBB="${BLAFOO}/blubb"',
      fires: false,
    },
    {
      name: 'ok with partial match 3',
      dockerfile: 'ENV BLA="blubb" BLUBB="$FOOBLA/blubb"',
      fires: false,
    },
    {
      name: 'ok with partial match 4',
      dockerfile: 'ENV BLA="blubb" BLUBB="$BLAFOO/blubb"',
      fires: false,
    },
    {
      name: 'fail with partial match 5',
      dockerfile: 'ENV BLA="blubb" BLUBB="$BLA/$BLAFOO/blubb"',
      fires: true,
    },
    {
      name: 'ok with parial match 6',
      dockerfile: 'ENV BLA="blubb" BLUBB="BLA/$BLAFOO/BLA"',
      fires: false,
    },
    {
      name: 'ok when previously defined in `ARG`',
      dockerfile: 'ARG BLA\nENV BLA=${BLA}',
      fires: false,
    },
    {
      name: 'ok when previously defined in `ENV`',
      dockerfile: 'ENV BLA blubb\nENV BLA=${BLA}',
      fires: false,
    },
    {
      name: 'ok with referencing a variable on its own right hand side',
      dockerfile: 'ENV PATH=/bla:${PATH}',
      fires: false,
    },
    {
      name: 'ok with referencing a variable on its own right side twice in different `ENV`s',
      dockerfile: 'ENV PATH=/bla:${PATH}\nENV PATH=/blubb:${PATH}',
      fires: false,
    },
    {
      name: 'fail when referencing a variable on its own right side twice within the same `ENV`',
      dockerfile: 'ENV PATH=/bla:${PATH} PATH=/blubb:${PATH}',
      fires: true,
    },
    {
      name: 'fail with selfreferencing with curly braces ENV',
      dockerfile: 'ENV BLA="blubb" BLUBB="${BLA}/blubb"',
      fires: true,
    },
    {
      name: 'fail with selfreferencing without curly braces ENV',
      dockerfile: 'ENV BLA="blubb" BLUBB="$BLA/blubb"',
      fires: true,
    },
    {
      name: 'fail with full match 1',
      dockerfile: 'ENV BLA="blubb" BLUBB="$BLA"',
      fires: true,
    },
    {
      name: 'fail with full match 2',
      dockerfile: 'ENV BLA="blubb" BLUBB="${BLA}"',
      fires: true,
    },
  ],
  DL3045: [
    {
      name: 'ok: `COPY` with absolute destination and no `WORKDIR` set',
      dockerfile: 'COPY bla.sh /usr/local/bin/blubb.sh',
      fires: false,
      onbuild: false,
    },
    {
      name: 'ok: `COPY` with absolute destination and no `WORKDIR` set with quotes',
      dockerfile: 'COPY bla.sh "/usr/local/bin/blubb.s"',
      fires: false,
    },
    {
      name: 'ok: `COPY` with absolute destination and no `WORKDIR` set - windows',
      dockerfile: 'COPY bla.sh c:\\system32\\blubb.sh',
      fires: false,
    },
    {
      name: 'ok: `COPY` with absolute destination and no `WORKDIR` set - windows with quotes',
      dockerfile: 'COPY bla.sh "c:\\system32\\blubb.sh"',
      fires: false,
    },
    {
      name: 'ok: `COPY` with absolute destination and no `WORKDIR` set - windows with alternative paths',
      dockerfile: 'COPY bla.sh c:/system32/blubb.sh',
      fires: false,
    },
    {
      name: 'ok: `COPY` with relative destination and `WORKDIR` set',
      dockerfile: 'FROM scratch\nWORKDIR /usr\nCOPY bla.sh blubb.sh',
      fires: false,
    },
    {
      name: 'ok: `COPY` with relative destination and `WORKDIR` set - windows',
      dockerfile: 'FROM scratch\nWORKDIR c:\\system32\nCOPY bla.sh blubb.sh',
      fires: false,
      onbuild: false,
    },
    {
      name: 'ok: `COPY` with destination being an environment variable 1',
      dockerfile: 'COPY src.sh ${SRC_BASE_ENV}',
      fires: false,
      onbuild: false,
    },
    {
      name: 'ok: `COPY` with destination being an environment variable 2',
      dockerfile: 'COPY src.sh $SRC_BASE_ENV',
      fires: false,
      onbuild: false,
    },
    {
      name: 'ok: `COPY` with destination being an environment variable 3',
      dockerfile: 'COPY src.sh "${SRC_BASE_ENV}"',
      fires: false,
      onbuild: false,
    },
    {
      name: 'ok: `COPY` with destination being an environment variable 4',
      dockerfile: 'COPY src.sh "$SRC_BASE_ENV"',
      fires: false,
      onbuild: false,
    },
    {
      name: 'not ok: `COPY` with relative destination and no `WORKDIR` set',
      dockerfile: 'COPY bla.sh blubb.sh',
      fires: true,
      onbuild: true,
    },
    {
      name: 'not ok: `COPY` with relative destination and no `WORKDIR` set with quotes',
      dockerfile: 'COPY bla.sh "blubb.sh"',
      fires: true,
      onbuild: true,
    },
    {
      name: 'not ok: `COPY` to relative destination if `WORKDIR` is set in a previous stage but not inherited',
      dockerfile: 'FROM debian:buster as stage1\nWORKDIR /usr\nFROM debian:buster\nCOPY foo bar\n',
      fires: true,
      onbuild: true,
    },
    {
      name: 'not ok: `COPY` to relative destination if `WORKDIR` is set in a previous stage but not inherited - windows',
      dockerfile:
        'FROM microsoft/windowsservercore as stage1\nWORKDIR c:\\system32\nFROM microsoft/windowsservercore\nCOPY foo bar\n',
      fires: true,
      onbuild: true,
    },
    {
      name: 'ok: `COPY` to relative destination if `WORKDIR` has been set in base image',
      dockerfile:
        'FROM debian:buster as base\nWORKDIR /usr\nFROM debian:buster as stage-inbetween\nRUN foo\nFROM base\nCOPY foo bar\n',
      fires: false,
      onbuild: false,
    },
    {
      name: 'ok: `COPY` to relative destination if `WORKDIR` has been set in base image - windows',
      dockerfile:
        'FROM microsoft/windowsservercore as base\nWORKDIR c:\\system32\nFROM microsoft/windowsservercore as stage-inbetween\nRUN foo\nFROM base\nCOPY foo bar\n',
      fires: false,
      onbuild: false,
    },
    {
      name: 'ok: `COPY` to relative destination if `WORKDIR` has been set in previous stage, deep case',
      dockerfile:
        'FROM debian:buster as base1\nWORKDIR /usr\nFROM base1 as base2\nRUN foo\nFROM base2\nCOPY foo bar\n',
      fires: false,
      onbuild: false,
    },
    {
      name: 'ok: `COPY` to relative destination if `WORKDIR` has been set in previous stage, deep case - windows',
      dockerfile:
        'FROM microsoft/windowsservercore as base1\nWORKDIR c:\\system32\nFROM base1 as base2\nRUN foo\nFROM base2\nCOPY foo bar\n',
      fires: false,
      onbuild: false,
    },
    {
      name: 'ok: `COPY` to relative destination if `WORKDIR` has been set, both within an `ONBUILD` context',
      dockerfile: 'FROM debian:buster\nONBUILD WORKDIR /usr/local/lib\nONBUILD COPY foo bar\n',
      fires: false,
      onbuild: false,
    },
    {
      name: "regression: don't crash with single character paths",
      dockerfile: 'COPY a b',
      fires: true,
      onbuild: true,
    },
    {
      name: 'ok: `COPY` with absolute destination and no `WORKDIR` set with quotes',
      dockerfile: 'COPY bla.sh "/usr/local/bin/blubb.sh"',
      fires: false,
    },
    {
      name: 'ok: `COPY` with absolute destination and no `WORKDIR` set - windows',
      dockerfile: 'COPY bla.sh d:\\mypath\\blubb.sh',
      fires: false,
    },
    {
      name: 'ok: `COPY` with absolute destination and no `WORKDIR` set - windows with quotes',
      dockerfile: 'COPY bla.sh "d:\\mypath\\blubb.sh"',
      fires: false,
    },
    {
      name: 'ok: `COPY` with absolute destination and no `WORKDIR` set - windows with alternative paths',
      dockerfile: 'COPY bla.sh d:/mypath/blubb.sh',
      fires: false,
    },
  ],
  DL3046: [
    {
      name: 'ok with `useradd` alone',
      dockerfile: 'RUN useradd luser',
      fires: false,
    },
    {
      name: 'ok with `useradd` short uid',
      dockerfile: 'RUN useradd -u 12345 luser',
      fires: false,
    },
    {
      name: 'ok with `useradd` long uid and flag `-l`',
      dockerfile: 'RUN useradd -l -u 123456 luser',
      fires: false,
    },
    {
      name: 'ok with `useradd` and just flag `-l`',
      dockerfile: 'RUN useradd -l luser',
      fires: false,
    },
    {
      name: 'warn when `useradd` and long uid without flag `-l`',
      dockerfile: 'RUN useradd -u 123456 luser',
      fires: true,
    },
  ],
  DL3047: [
    {
      name: 'warns when using wget without --progress option',
      dockerfile: 'FROM node as foo\nRUN wget my.xyz\n',
      fires: true,
      onbuild: true,
    },
    {
      name: 'does not warn when running with --progress option',
      dockerfile: 'FROM node as foo\nRUN wget --progress=dot:giga my.xyz\n',
      fires: false,
      onbuild: false,
    },
    {
      name: 'does not warn when running with -q (quiet short option) and without --progress option',
      dockerfile: 'FROM node as foo\nRUN wget -q my.xyz\n',
      fires: false,
      onbuild: false,
    },
    {
      name: 'does not warn when running with --quiet (quiet long option) and without --progress option',
      dockerfile: 'FROM node as foo\nRUN wget --quiet my.xyz\n',
      fires: false,
      onbuild: false,
    },
    {
      name: 'does not warn when running with -nv (no-verbose short option) and without --progress option',
      dockerfile: 'FROM node as foo\nRUN wget -nv my.xyz\n',
      fires: false,
      onbuild: false,
    },
    {
      name: 'does not warn when running with --no-verbose (no-verbose long option) and without --progress option',
      dockerfile: 'FROM node as foo\nRUN wget --no-verbose my.xyz\n',
      fires: false,
      onbuild: false,
    },
    {
      name: 'does not warn when running with --output-file (output-file long option) and without --progress option',
      dockerfile: 'FROM node as foo\nRUN wget --output-file=/tmp/wget.log my.xyz\n',
      fires: false,
      onbuild: false,
    },
    {
      name: 'does not warn when running with -o (output-file long option) and without --progress option',
      dockerfile: 'FROM node as foo\nRUN wget -o /tmp/wget.log my.xyz\n',
      fires: false,
      onbuild: false,
    },
    {
      name: 'does not warn when running with --append-output (append-output long option) and without --progress option',
      dockerfile: 'FROM node as foo\nRUN wget --append-output=/tmp/wget.log my.xyz\n',
      fires: false,
      onbuild: false,
    },
    {
      name: 'does not warn when running with -a (append-output long option) and without --progress option',
      dockerfile: 'FROM node as foo\nRUN wget -a /tmp/wget.log my.xyz\n',
      fires: false,
      onbuild: false,
    },
  ],
  DL3048: [
    {
      name: 'not ok with reserved namespace',
      dockerfile: 'LABEL com.docker.label="foo"',
      fires: true,
      onbuild: true,
    },
    {
      name: 'not ok with reserved namespace',
      dockerfile: 'LABEL io.docker.label="foo"',
      fires: true,
      onbuild: true,
    },
    {
      name: 'not ok with reserved namespace',
      dockerfile: 'LABEL org.dockerproject.label="foo"',
      fires: true,
      onbuild: true,
    },
    {
      name: 'not ok with invalid character',
      dockerfile: 'LABEL invalid$character="foo"',
      fires: true,
      onbuild: true,
    },
    {
      name: 'not ok with invalid start and end characters',
      dockerfile: 'LABEL .invalid ="foo"',
      fires: true,
    },
    {
      name: 'not ok with invalid start and end characters',
      dockerfile: 'LABEL -invalid ="foo"',
      fires: true,
    },
    {
      name: 'not ok with invalid start and end characters',
      dockerfile: 'LABEL 1invalid ="foo"',
      fires: true,
    },
    {
      name: 'not ok with consecutive dividers',
      dockerfile: 'LABEL invalid..character="foo"',
      fires: true,
      onbuild: true,
    },
    {
      name: 'not ok with consecutive dividers',
      dockerfile: 'LABEL invalid--character="foo"',
      fires: true,
      onbuild: true,
    },
    {
      name: 'ok with valid labels',
      dockerfile: 'LABEL org.valid-key.label3="foo"',
      fires: false,
      onbuild: false,
    },
    {
      name: 'ok with valid labels',
      dockerfile: 'LABEL validlabel="foo"',
      fires: false,
      onbuild: false,
    },
    {
      name: 'not ok with invalid start and end characters',
      dockerfile: 'LABEL .invalid="foo"',
      fires: true,
    },
    {
      name: 'not ok with invalid start and end characters',
      dockerfile: 'LABEL -invalid="foo"',
      fires: true,
    },
    {
      name: 'not ok with invalid start and end characters',
      dockerfile: 'LABEL 1invalid="foo"',
      fires: true,
    },
  ],
  DL3067: [
    {
      name: 'warns when copying the root filesystem from another stage to root',
      dockerfile: 'COPY --from=build / /',
      fires: true,
    },
    {
      name: 'warns when copying quoted root paths from another stage to root',
      dockerfile: 'COPY --from=build "/" "/"',
      fires: true,
    },
    {
      name: 'does not warn when copying root without --from',
      dockerfile: 'COPY / /',
      fires: false,
    },
    {
      name: 'does not warn when copying a directory from another stage',
      dockerfile: 'COPY --from=build /app /',
      fires: false,
    },
    {
      name: 'does not warn when copying root from another stage into a subdirectory',
      dockerfile: 'COPY --from=build / /app',
      fires: false,
    },
  ],
  DL4001: [
    {
      name: 'warns when using both wget and curl',
      dockerfile: 'FROM node as foo\nRUN wget my.xyz\nRUN curl localhost\n',
      fires: true,
    },
    {
      name: 'warns when using both wget and curl in same instruction',
      dockerfile: 'FROM node as foo\nRUN wget my.xyz && curl localhost\n',
      fires: true,
    },
    {
      name: 'does not warn when using only wget',
      dockerfile: 'FROM node as foo\nRUN wget my.xyz\n',
      fires: false,
    },
    {
      name: 'does not warn when using both curl and wget in different stages',
      dockerfile: 'FROM node as foo\nRUN wget my.xyz\nFROM scratch\nRUN curl localhost\n',
      fires: false,
    },
    {
      name: 'does not warns when using both, on a single stage',
      dockerfile: 'FROM node as foo\nRUN wget my.xyz\nRUN curl localhost\nFROM scratch\nRUN curl localhost\n',
      fires: true,
    },
    {
      name: 'only warns on the relevant RUN instruction',
      dockerfile: 'FROM node as foo\nRUN wget my.xyz\nRUN curl my.xyz\nRUN echo hello\n',
      fires: true,
    },
    {
      name: 'only warns on many relevant RUN instructions',
      dockerfile: 'FROM node as foo\nRUN wget my.xyz\nRUN curl my.xyz\nRUN echo hello\nRUN wget foo.com\n',
      fires: true,
    },
  ],
  DL4005: [
    {
      name: 'RUN ln',
      dockerfile: 'RUN ln -sfv /bin/bash /bin/sh',
      fires: true,
      onbuild: true,
    },
    {
      name: 'RUN ln with unrelated symlinks',
      dockerfile: 'RUN ln -sf /bin/true /sbin/initctl',
      fires: false,
      onbuild: false,
    },
    {
      name: 'RUN ln with multiple acceptable commands',
      dockerfile: 'RUN ln -s foo bar && unrelated && something_with /bin/sh',
      fires: false,
      onbuild: false,
    },
  ],
  DL4006: [
    {
      name: 'warn on missing pipefail',
      dockerfile: 'FROM scratch\nRUN wget -O - https://some.site | wc -l > /number\n',
      fires: true,
    },
    {
      name: "don't warn on commands with no pipes",
      dockerfile: 'FROM scratch as build\nRUN wget -O - https://some.site && wc -l file > /number\n',
      fires: false,
    },
    {
      name: "don't warn on commands with pipes and the pipefail option",
      dockerfile:
        'FROM scratch as build\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\n',
      fires: false,
    },
    {
      name: "don't warn on commands with pipes and the pipefail option 2",
      dockerfile:
        'FROM scratch as build\nSHELL ["/bin/bash", "-e", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\n',
      fires: false,
    },
    {
      name: "don't warn on commands with pipes and the pipefail option 3",
      dockerfile:
        'FROM scratch as build\nSHELL ["/bin/bash", "-o", "errexit", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\n',
      fires: false,
    },
    {
      name: "don't warn on commands with pipes and the pipefail zsh",
      dockerfile:
        'FROM scratch as build\nSHELL ["/bin/zsh", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\n',
      fires: false,
    },
    {
      name: "don't warn when bash is invoked via a non-standard absolute path",
      dockerfile:
        'FROM scratch as build\nSHELL ["/usr/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\n',
      fires: false,
    },
    {
      name: "don't warn when zsh is invoked via a non-standard absolute path",
      dockerfile:
        'FROM scratch as build\nSHELL ["/usr/local/bin/zsh", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\n',
      fires: false,
    },
    {
      name: "don't warn on powershell",
      dockerfile:
        'FROM scratch as build\nSHELL ["pwsh", "-c"]\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value\n',
      fires: false,
    },
    {
      name: 'warns when using plain sh',
      dockerfile:
        'FROM scratch as build\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\n',
      fires: true,
    },
    {
      name: 'warn on missing pipefail in the next image',
      dockerfile:
        'FROM scratch as build\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\nFROM scratch as build2\nRUN wget -O - https://some.site | wc -l file > /number\n',
      fires: true,
    },
    {
      name: 'warn on missing pipefail if next SHELL is not using it',
      dockerfile:
        'FROM scratch as build\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\nSHELL ["/bin/sh", "-c"]\nRUN wget -O - https://some.site | wc -l file > /number\n',
      fires: true,
    },
    {
      name: 'ignore non posix shells: pwsh',
      dockerfile:
        'FROM mcr.microsoft.com/powershell:ubuntu-16.04\nSHELL [ "pwsh", "-c" ]\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value\n',
      fires: false,
    },
    {
      name: 'ignore non posix shells: powershell',
      dockerfile:
        'FROM mcr.microsoft.com/powershell:ubuntu-16.04\nSHELL [ "powershell.exe" ]\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value\n',
      fires: false,
    },
    {
      name: 'ignore non posix shells: cmd.exe',
      dockerfile:
        'FROM mcr.microsoft.com/powershell:ubuntu-16.04\nSHELL [ "cmd.exe", "/c" ]\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value\n',
      fires: false,
    },
  ],
};
