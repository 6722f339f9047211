import { records, type Formatter } from './records';

export const formatJson: Formatter = ({ results, lang }) =>
  JSON.stringify(records(results, lang), null, 2) + '\n';
