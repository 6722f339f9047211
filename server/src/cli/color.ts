import type { RuleSeverity } from '../../../common/rules';

export interface Palette {
  severity(severity: RuleSeverity, text: string): string;
  location(text: string): string;
  rule(text: string): string;
}

/**
 * Colour or not, after no-color.org: a flag decides first; else NO_COLOR (set and not empty)
 * turns colour off, FORCE_COLOR turns it on (`0` or `false`: off), and otherwise a terminal
 * that is not `dumb` gets colour and a pipe or file does not.
 */
export function wantsColor(
  flag: boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
  isTTY: boolean,
): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return isTTY && env.TERM !== 'dumb';
}

const sgr =
  (open: number, close: number) =>
  (text: string): string =>
    `\x1b[${open}m${text}\x1b[${close}m`;

const red = sgr(31, 39);
const yellow = sgr(33, 39);
const cyan = sgr(36, 39);
const dim = sgr(2, 22);
const bold = sgr(1, 22);

const severityColors: Record<RuleSeverity, (text: string) => string> = {
  error: (t) => bold(red(t)),
  warning: yellow,
  info: cyan,
  hint: dim,
};

export const ansiPalette: Palette = {
  severity: (severity, text) => severityColors[severity](text),
  location: bold,
  rule: dim,
};

export const plainPalette: Palette = {
  severity: (_severity, text) => text,
  location: (text) => text,
  rule: (text) => text,
};
