import type { OutputFormat } from '../args';
import { everyRule } from '../everyRule';
import type { Formatter } from './records';

/** Each format is evaluated only when asked for: a run needs one of them. */
export const loadFormatter: Record<OutputFormat, () => Promise<Formatter>> = {
  text: async () => (await import('./text')).formatText,
  json: async () => (await import('./json')).formatJson,
  // SARIF lists every rule, and so loads the Compose rules too.
  sarif: async () => {
    const [{ formatSarif }, rules] = await Promise.all([import('./sarif'), everyRule()]);
    return (input) => formatSarif(input, rules);
  },
  checkstyle: async () => (await import('./checkstyle')).formatCheckstyle,
  gnu: async () => (await import('./gnu')).formatGnu,
  codeclimate: async () => (await import('./codeclimate')).formatCodeClimate,
  junit: async () => (await import('./junit')).formatJunit,
  sonarqube: async () => (await import('./sonarqube')).formatSonarQube,
  codacy: async () => (await import('./codacy')).formatCodacy,
};
