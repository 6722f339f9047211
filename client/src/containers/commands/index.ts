// The commands of the Containers view and of containers elsewhere in the trees.
import * as vscode from 'vscode';
import type { CommandTable } from '../../commands/registry';
import { copyContainerId, copyContainerIp, inspectContainer, openPublishedPort } from './details';
import { removeContainer, restartContainer, startContainer, stopContainer } from './lifecycle';
import { openShell, showLogs } from './terminals';

export const containerCommands: CommandTable = {
  'berth.container.inspect': {
    run: inspectContainer,
    failure: () => vscode.l10n.t('Inspecting the container failed'),
  },
  'berth.container.start': {
    run: startContainer,
    failure: () => vscode.l10n.t('Starting the container failed'),
  },
  'berth.container.stop': {
    run: stopContainer,
    failure: () => vscode.l10n.t('Stopping the container failed'),
  },
  'berth.container.restart': {
    run: restartContainer,
    failure: () => vscode.l10n.t('Restarting the container failed'),
  },
  'berth.container.remove': {
    run: removeContainer,
    failure: () => vscode.l10n.t('Removing the container failed'),
  },
  'berth.container.logs': { run: showLogs, failure: () => vscode.l10n.t('Showing the logs failed') },
  'berth.container.shell': { run: openShell, failure: () => vscode.l10n.t('Opening a shell failed') },
  'berth.container.copyId': { run: copyContainerId, failure: () => vscode.l10n.t('Copying the ID failed') },
  'berth.container.copyIp': {
    run: copyContainerIp,
    failure: () => vscode.l10n.t('Copying the IP address failed'),
  },
  'berth.container.openPort': {
    run: openPublishedPort,
    failure: () => vscode.l10n.t('Opening the port failed'),
  },
};
