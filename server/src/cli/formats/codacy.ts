import { records, type Formatter } from './records';

/**
 * Codacy's results for a client-side tool, one JSON object a line, as hadolint writes them for
 * Codacy's Hadolint tool: its patterns are hadolint's codes, so a finding is named by its
 * hadolint code where it has one, and by Berth's id otherwise.
 */
export const formatCodacy: Formatter = ({ results, lang }) =>
  records(results, lang)
    .map(
      (r) => JSON.stringify({ filename: r.file, patternId: r.code, message: r.message, line: r.line }) + '\n',
    )
    .join('');
