// Volume names as the engine accepts them, checked before anything is sent.
import * as l10n from '@vscode/l10n';

const volumeName = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** Undefined when valid; otherwise what is wrong and how to fix it. */
export function volumeNameProblem(name: string): string | undefined {
  if (name.length === 0) return l10n.t('Enter a volume name.');
  if (name.length < 2) return l10n.t('A volume name needs at least 2 characters.');
  if (!volumeName.test(name)) {
    return l10n.t(
      'A volume name starts with a letter or digit and contains only letters, digits, "_", "." and "-".',
    );
  }
  return undefined;
}
