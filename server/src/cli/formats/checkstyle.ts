import { record, type Formatter } from './records';
import { xml } from './xml';

export const formatCheckstyle: Formatter = ({ results, lang }) => {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  for (const { file, findings } of results) {
    lines.push(`  <file name="${xml(file)}">`);
    for (const f of findings) {
      const r = record(file, f, lang);
      const severity = r.severity === 'hint' ? 'info' : r.severity;
      lines.push(
        `    <error line="${r.line}" column="${r.column}" severity="${severity}" message="${xml(r.message)}" source="berth.${r.rule}"/>`,
      );
    }
    lines.push('  </file>');
  }
  lines.push('</checkstyle>');
  return lines.join('\n') + '\n';
};
