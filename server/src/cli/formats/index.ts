import type { OutputFormat } from '../args';
import type { Formatter } from './records';

/** Each format is evaluated only when asked for: a run needs one of them. */
export const loadFormatter: Record<OutputFormat, () => Promise<Formatter>> = {
  text: async () => (await import('./text')).formatText,
  json: async () => (await import('./json')).formatJson,
  sarif: async () => (await import('./sarif')).formatSarif,
  checkstyle: async () => (await import('./checkstyle')).formatCheckstyle,
  gnu: async () => (await import('./gnu')).formatGnu,
  codeclimate: async () => (await import('./codeclimate')).formatCodeClimate,
  junit: async () => (await import('./junit')).formatJunit,
};
