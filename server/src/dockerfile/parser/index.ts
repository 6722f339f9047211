export { maxLineBytes, parseDockerfile, type ParseOptions } from './parse';
export { dumpDockerfile, goQuote } from './dump';
export { knownInstructions } from './instruction';
export type * from './types';
