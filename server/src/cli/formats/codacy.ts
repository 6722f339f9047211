import { records, type Formatter } from './records';

/**
 * Codacy's results for a client-side tool, one JSON object a line, as hadolint writes them for
 * Codacy's Hadolint tool: its patterns are hadolint's codes, so a rule with a DL alias is named by
 * it, and any other by Berth's id.
 */
export const formatCodacy: Formatter = ({ results, lang }) =>
  records(results, lang)
    .map((r) => {
      const patternId = r.aliases.find((alias) => /^DL\d{4}$/.test(alias)) ?? r.rule;
      return JSON.stringify({ filename: r.file, patternId, message: r.message, line: r.line }) + '\n';
    })
    .join('');
