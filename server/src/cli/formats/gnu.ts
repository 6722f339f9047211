import type { RuleSeverity } from '../../../../common/rules';
import { records, type Formatter } from './records';

/** The words GNU tools use: Emacs' compilation mode takes `note` as information, `hint` as an error. */
const words: Record<RuleSeverity, string> = {
  error: 'error',
  warning: 'warning',
  info: 'info',
  hint: 'note',
};

/** `file:line:column: severity: message [rule]`, one a line, as the GNU Coding Standards describe. */
export const formatGnu: Formatter = ({ results, lang }) =>
  records(results, lang)
    .map((r) => `${r.file}:${r.line}:${r.column}: ${words[r.severity]}: ${r.message} [${r.rule}]\n`)
    .join('');
