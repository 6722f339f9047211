// Logs and shells in the terminal panel, over the Engine API (no docker CLI). A pseudoterminal
// needs \r\n line ends; the engine's streams carry bare \n unless the container has a TTY.
import type { Duplex, Readable } from 'node:stream';
import { PassThrough } from 'node:stream';
import type Docker from 'dockerode';
import * as vscode from 'vscode';
import { engineMessage } from '../../ui/errors';
import { isRunning } from '../../shared/containerState';
import { dockerOf, snapshotOf, type BerthCommand } from '../../commands/context';
import { UserError } from '../../shared/failures';
import { containerFor } from '../../commands/targets';

const toTerminal = (text: string) => text.replace(/\r?\n/g, '\r\n');

/** Splits a non-TTY stream into stdout/stderr as the engine multiplexes it; TTY streams are raw. */
function demultiplex(docker: Docker, stream: Readable, tty: boolean): Readable {
  if (tty) return stream;
  const out = new PassThrough();
  docker.modem.demuxStream(stream, out, out);
  stream.on('end', () => out.end());
  stream.on('error', (error) => out.destroy(error));
  return out;
}

export const showLogs: BerthCommand = async (ctx, node) => {
  const container = await containerFor(
    await snapshotOf(ctx),
    node,
    vscode.l10n.t('Container whose logs to show'),
  );
  if (!container) return;
  const docker = dockerOf(ctx);
  const handle = docker.getContainer(container.id);
  const tty = (await handle.inspect()).Config.Tty;
  const write = new vscode.EventEmitter<string>();
  const close = new vscode.EventEmitter<number | void>();
  let stream: Readable | undefined;
  const pty: vscode.Pseudoterminal = {
    onDidWrite: write.event,
    onDidClose: close.event,
    open: () => {
      handle
        .logs({ follow: true, stdout: true, stderr: true, tail: 1000 })
        .then((raw) => {
          stream = demultiplex(docker, raw as unknown as Readable, tty);
          stream.setEncoding('utf8');
          stream.on('data', (chunk: string) => write.fire(toTerminal(chunk)));
          stream.on('end', () =>
            write.fire(toTerminal(`\n${vscode.l10n.t('[log stream ended: {0} stopped]', container.name)}\n`)),
          );
        })
        .catch((error: unknown) => write.fire(toTerminal(`${engineMessage(error)}\n`)));
    },
    close: () => {
      stream?.destroy();
      write.dispose();
      close.dispose();
    },
    handleInput: (data) => {
      if (data === '\u0003') close.fire();
    },
  };
  vscode.window
    .createTerminal({
      name: vscode.l10n.t('Logs: {0}', container.name),
      pty,
      iconPath: new vscode.ThemeIcon('output'),
    })
    .show();
};

/** The program the shell runs, as argv: never a string handed to another shell. */
export const shellCommand = ['/bin/sh'];

export const openShell: BerthCommand = async (ctx, node) => {
  const snapshot = await snapshotOf(ctx);
  const container = await containerFor(
    snapshot,
    node,
    vscode.l10n.t('Container to open a shell in'),
    isRunning,
  );
  if (!container) return;
  if (container.state !== 'running')
    throw new UserError(
      vscode.l10n.t(
        '{0} is not running ({1}); start it first.',
        container.name,
        container.status || container.state,
      ),
    );
  const docker = dockerOf(ctx);
  const exec = await docker.getContainer(container.id).exec({
    Cmd: shellCommand,
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    Tty: true,
  });
  const write = new vscode.EventEmitter<string>();
  const close = new vscode.EventEmitter<number | void>();
  let stream: Duplex | undefined;
  let size: vscode.TerminalDimensions | undefined;
  const resize = () => {
    if (size) exec.resize({ h: size.rows, w: size.columns }).catch(() => undefined);
  };
  const pty: vscode.Pseudoterminal = {
    onDidWrite: write.event,
    onDidClose: close.event,
    open: (dimensions) => {
      size = dimensions;
      exec
        .start({ hijack: true, stdin: true, Tty: true })
        .then((duplex) => {
          stream = duplex;
          resize();
          duplex.setEncoding('utf8');
          duplex.on('data', (chunk: string) => write.fire(chunk));
          duplex.on('end', () => {
            exec
              .inspect()
              .then((info) => close.fire(info.ExitCode ?? 0))
              .catch(() => close.fire());
          });
        })
        .catch((error: unknown) => {
          write.fire(toTerminal(`${engineMessage(error)}\n`));
        });
    },
    close: () => {
      stream?.end();
      write.dispose();
      close.dispose();
    },
    handleInput: (data) => stream?.write(data),
    setDimensions: (dimensions) => {
      size = dimensions;
      resize();
    },
  };
  vscode.window
    .createTerminal({
      name: vscode.l10n.t('Shell: {0}', container.name),
      pty,
      iconPath: new vscode.ThemeIcon('terminal'),
    })
    .show();
};
