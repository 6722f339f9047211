// Every piece of text the map's webview shows, translated here: the webview has no l10n of its own.
import * as vscode from 'vscode';

export function webviewStrings(): Record<string, string> {
  return {
    title: vscode.l10n.t('Berth Network Map'),
    fit: vscode.l10n.t('Fit'),
    relayout: vscode.l10n.t('Re-arrange'),
    export: vscode.l10n.t('Export as SVG…'),
    search: vscode.l10n.t('Focus a container…'),
    focused: vscode.l10n.t('Showing {0} and what it shares networks with.'),
    noMatch: vscode.l10n.t('No single container matches “{0}”.'),
    builtins: vscode.l10n.t('Empty built-in networks'),
    containersOne: vscode.l10n.t('1 container'),
    containersMany: vscode.l10n.t('{0} containers'),
    servicesOne: vscode.l10n.t('1 service'),
    servicesMany: vscode.l10n.t('{0} services'),
    legend: vscode.l10n.t('Legend'),
    legendNetwork: vscode.l10n.t('Network'),
    legendContainer: vscode.l10n.t('Container'),
    legendVolume: vscode.l10n.t('Volume'),
    legendPort: vscode.l10n.t('Published port'),
    legendService: vscode.l10n.t('Swarm service'),
    legendTask: vscode.l10n.t('Swarm task (node · address)'),
    legendStopped: vscode.l10n.t('Stopped or unused'),
    legendMount: vscode.l10n.t('Mount (dotted line)'),
    hint: vscode.l10n.t('Click a node to reveal it; drag a container onto a network to connect it.'),
    empty: vscode.l10n.t('No networks, containers or volumes yet.'),
    waiting: vscode.l10n.t('Waiting for the Docker engine…'),
  };
}
