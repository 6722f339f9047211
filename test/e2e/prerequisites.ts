import { existsSync } from 'node:fs';
import { findCodeServer } from '../harness/codeserver';
import { chromiumPath } from '../harness/workbench';

/** Why the real-VS-Code layer cannot run here, or undefined when it can. */
export function missingWorkbenchPrerequisite(): string | undefined {
  const tools = findCodeServer();
  if ('missing' in tools) return `code-server is not installed: ${tools.missing}`;
  if (!existsSync(chromiumPath))
    return `Chromium is not installed at ${chromiumPath} (apt-get install chromium)`;
  return undefined;
}
