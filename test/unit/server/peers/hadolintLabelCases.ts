// hadolint's label schema rules (DL3049-DL3058): each assertion of their test specs
// (test/Hadolint/Rule/DLxxxxSpec.hs), in the shape of hadolintCases.ts, with the spec's
// `labelSchema` and `strictLabels`. The specs' snippets hold no RUN, so an onBuildRuleCatches
// assertion is the same file; it is listed on its own, as it asserts exactly one finding.
import type { LabelType } from '../../../../server/src/dockerfile/lint/config';
import type { HadolintCase } from './hadolintCases';

const lines = (...l: string[]): string => l.join('\n') + '\n';

/** One spec: its schema, strictness and assertions. */
function spec(
  labelSchema: Record<string, LabelType>,
  cases: HadolintCase[],
  strictLabels?: boolean,
): HadolintCase[] {
  return cases.map((c) => ({ ...c, labelSchema, ...(strictLabels === undefined ? {} : { strictLabels }) }));
}

/** ruleCatches and onBuildRuleCatches on the same snippet. */
const catches = (name: string, dockerfile: string): HadolintCase[] => [
  { name, dockerfile, fires: true },
  { name: `${name} (onBuild)`, dockerfile, fires: true, count: 1 },
];

/** ruleCatchesNot and onBuildRuleCatchesNot, which the specs give different snippets at times. */
const catchesNot = (name: string, dockerfile: string, onBuild = dockerfile): HadolintCase[] => [
  { name, dockerfile, fires: false },
  { name: `${name} (onBuild)`, dockerfile: onBuild, fires: false },
];

/** assertChecks … (failsWith n). */
const failsWith = (count: number, name: string, ...dockerfile: string[]): HadolintCase => ({
  name,
  dockerfile: lines(...dockerfile),
  fires: count > 0,
  count,
});

export const hadolintLabelCases: Record<string, HadolintCase[]> = {
  DL3049: spec({ foo: 'text' }, [
    ...catches('not ok: single stage, no label', 'FROM baseimage'),
    ...catches('not ok: single stage, wrong label', 'FROM baseimage\nLABEL bar="baz"'),
    ...catchesNot('ok: single stage, label present', 'FROM baseimage\nLABEL foo="bar"'),
    failsWith(2, 'warn twice: two stages, no labels', 'FROM stage1', 'FROM stage2'),
    failsWith(
      2,
      'warn twice: two stages, wrong labels only',
      'FROM stage1',
      'LABEL bar="baz"',
      'FROM stage2',
      'LABEL buzz="fuzz"',
    ),
    failsWith(
      1,
      'warn once: two stages, label present in first only',
      'FROM baseimage',
      'LABEL foo="bar"',
      'FROM newimage',
    ),
    failsWith(
      1,
      'warn once: two stages, label present in second only',
      'FROM baseimage',
      'FROM newimage',
      'LABEL foo="bar"',
    ),
    failsWith(
      1,
      'warn once: two stages, no inheritance, wrong label in one',
      'FROM baseimage',
      'LABEL baz="bar"',
      'FROM newimage',
      'LABEL foo="bar"',
    ),
    failsWith(2, 'warn twice: two stages, inheritance, no labels', 'FROM baseimage as base', 'FROM base'),
    failsWith(
      0,
      "don't warn: two stages, inheritance, label defined in second stage",
      'FROM baseimage as base',
      'FROM base',
      'LABEL foo="bar"',
    ),
    failsWith(
      0,
      "don't warn: two stages, no inheritance, label in last stage, with copy",
      'FROM baseimage as base',
      'FROM anotherimage',
      'LABEL foo="bar"',
      'COPY --from=base /bar /baz',
    ),
    failsWith(
      1,
      'warn once: two stages, no inheritance, label in last stage, no connection',
      'FROM baseimage as base',
      'FROM anotherimage',
      'LABEL foo="bar"',
    ),
    failsWith(
      0,
      "don't warn: two stages, inheritance",
      'FROM baseimage as base',
      'LABEL foo="bar"',
      'FROM base',
    ),
    failsWith(
      1,
      'warn once: multiple results, no inheritance, label in one result',
      'FROM baseimage as base',
      'FROM newimage',
      'LABEL foo="bar"',
      'COPY --from=base /bar /baz',
      '',
      'FROM newimage',
      'COPY --from=base /bar /baz',
    ),
    failsWith(
      1,
      'warn once: multiple results, inheritance, label in one result',
      'FROM baseimage as base',
      'FROM base',
      'LABEL foo="bar"',
      '',
      'FROM base',
    ),
    failsWith(
      1,
      'warn once: multiple results, inheritance, label in one result (label in the last)',
      'FROM baseimage as base',
      'FROM base',
      '',
      'FROM base',
      'LABEL foo="bar"',
    ),
  ]),
  DL3050: spec(
    { required: 'text' },
    [
      ...catchesNot('ok with no label', ''),
      ...catchesNot('ok with required label', 'LABEL required="foo"', 'LABEL required="bar"'),
      ...catches('not ok with just other label', 'LABEL other="bar"'),
      ...catches('not ok with other label and required label', 'LABEL required="foo" other="bar"'),
    ],
    true,
  ),
  DL3051: spec({ emptylabel: 'text' }, [
    ...catches('not ok with label empty', 'LABEL emptylabel=""'),
    ...catchesNot('ok with label not empty', 'LABEL emptylabel="foo"', 'LABEL emptylabel="bar"'),
    ...catchesNot('ok with other label empty', 'LABEL other=""'),
  ]),
  DL3052: spec({ urllabel: 'url' }, [
    ...catches('not ok with label not containing URL', 'LABEL urllabel="not-url"'),
    ...catchesNot('ok with label containing URL', 'LABEL urllabel="http://example.com"'),
    ...catchesNot('ok with other label not containing URL', 'LABEL other="foo"', 'LABEL other="bar"'),
  ]),
  DL3053: spec({ datelabel: 'rfc3339' }, [
    ...catches('not ok with label not containing RFC3339 date', 'LABEL datelabel="not-date"'),
    ...catchesNot(
      'ok with label containing RFC3339 date',
      'LABEL datelabel="2021-03-10T10:26:33.564595127+01:00"',
    ),
    ...catchesNot(
      'ok with other label not containing RFC3339 date',
      'LABEL other="doo"',
      'LABEL other="bar"',
    ),
  ]),
  DL3054: spec({ spdxlabel: 'spdx' }, [
    ...catches('not ok with label not containing SPDX identifier', 'LABEL spdxlabel="not-spdx"'),
    ...catchesNot(
      'ok with label containing SPDX identifier',
      'LABEL spdxlabel="BSD-3-Clause"',
      'LABEL spdxlabel="MIT"',
    ),
    ...catchesNot(
      'ok with other label not containing SPDX identifier',
      'LABEL other="fooo"',
      'LABEL other="bar"',
    ),
  ]),
  DL3055: spec({ githash: 'hash' }, [
    ...catches('not ok with label not containing git hash', 'LABEL githash="not-git-hash"'),
    ...catchesNot('ok with label containing short git hash', 'LABEL githash="2dbfae9"'),
    ...catchesNot(
      'ok with label containing long git hash',
      'LABEL githash="43c572f1272b6b3171dd1db9e41b7027128ce080"',
    ),
    ...catchesNot('ok with other label not containing git hash', 'LABEL other="foo"', 'LABEL other="bar"'),
  ]),
  DL3056: spec({ semver: 'semver' }, [
    ...catches('not ok with label not containing semantic version', 'LABEL semver="not-sem-ver"'),
    ...catchesNot(
      'ok with label containing semantic version',
      'LABEL semver="1.0.0"',
      'LABEL semver="2.0.1-rc1"',
    ),
    ...catchesNot(
      'ok with other label not containing semantic version',
      'LABEL other="foo"',
      'LABEL other="bar"',
    ),
  ]),
  DL3058: spec({ maintainer: 'email' }, [
    ...catches('not ok with label not containing valid email', 'LABEL maintainer="not-email"'),
    ...catchesNot('ok with label containing valid email', 'LABEL maintainer="abcd@google.com"'),
    ...catchesNot('ok with other label not containing valid email', 'LABEL other="doo"', 'LABEL other="bar"'),
  ]),
};
