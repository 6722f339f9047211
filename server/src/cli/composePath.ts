import { basename } from 'node:path';
import { isComposeFileName } from '../compose/project';

/** Compose by name; a YAML file named on the command line is taken as Compose too. */
export function isComposePath(file: string): boolean {
  return isComposeFileName(basename(file)) || /\.ya?ml$/i.test(file);
}
