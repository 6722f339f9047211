// The two kinds of node that no feature owns: hints (a lesson shown in place, from any tree) and
// actions (the buttons a view shows while the engine is unreachable).
import type { ActionNode, HintNode, Presentation } from '../shared/nodes';
import { t } from '../shared/text';

/** What the welcome content would offer, as tree items (see engineStatus.ts for why). */
export function actionNodes(): ActionNode[] {
  return [
    {
      kind: 'action',
      key: 'action:retry',
      command: 'berth.retryConnection',
      label: t('Retry Connecting to Docker'),
      icon: 'debug-restart',
    },
    {
      kind: 'action',
      key: 'action:context',
      command: 'berth.switchContext',
      label: t('Switch Docker Context…'),
      icon: 'plug',
    },
    {
      kind: 'action',
      key: 'action:output',
      command: 'berth.showOutput',
      label: t('Show Output'),
      icon: 'output',
    },
  ];
}

export function presentAction(node: ActionNode): Presentation {
  return {
    label: node.label,
    icon: { id: node.icon },
    contextValue: 'action',
    collapsible: 'none',
    command: node.command,
  };
}

/** A hint in any tree: a lightbulb, or a warning. */
export function presentHint(hint: HintNode): Presentation {
  return {
    label: hint.label,
    tooltip: hint.detail,
    icon: hint.tone === 'warning' ? { id: 'warning', color: 'list.warningForeground' } : { id: 'lightbulb' },
    contextValue: `hint.${hint.hint}`,
    collapsible: 'none',
  };
}
