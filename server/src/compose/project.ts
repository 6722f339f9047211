// Which files are Compose files, and the project name Compose gives a file.
import * as path from 'node:path';
import type { EngineFacts } from '../../../common/compose';
import type { ComposeFile, ResourceDecl } from './parse/model';
import { interpolation } from './parse/model';

// The patterns VS Code gives the `dockercompose` language: compose.yml, compose.*.yml and any
// name with "docker" and "compose" in it, in both extensions.
const composeName = /^(?:compose(?:\..+)?|.*docker.*compose.*)\.ya?ml$/i;

export function isComposeFileName(name: string): boolean {
  return composeName.test(name);
}

/** Compose's rule: lower case, only letters, digits, `_` and `-`, starting with a letter or digit. */
export function normalizeProjectName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^[^a-z0-9]+/, '');
}

/**
 * The project name, as `docker compose` would pick it: a running project started from this very
 * file, COMPOSE_PROJECT_NAME from the folder's `.env`, the file's `name:`, else the folder name.
 */
export function projectNameFor(file: ComposeFile, envName: string | undefined, facts?: EngineFacts): string {
  const running = file.path
    ? facts?.projects.find((p) => p.configFiles.includes(file.path ?? ''))
    : undefined;
  if (running) return running.name;
  if (envName) return normalizeProjectName(envName);
  const declared = file.projectName?.text;
  if (declared && !interpolation.test(declared)) return normalizeProjectName(declared);
  return normalizeProjectName(file.path ? path.basename(path.dirname(file.path)) : 'default') || 'default';
}

/** The name Compose gives a network or volume on the engine; undefined when it is interpolated. */
export function engineName(decl: ResourceDecl, projectName: string): string | undefined {
  const explicit = decl.explicitName?.text;
  if (explicit !== undefined) return interpolation.test(explicit) ? undefined : explicit;
  return decl.external ? decl.name : `${projectName}_${decl.name}`;
}
