// A RUN's commands in order and by program name, so that a rule asks for the few programs it
// reads rather than walking every command.
import type { CommandRef, Script } from './shellTypes';

/** A RUN's commands in order, by program name, and the lists no name selects. */
export interface CommandIndex {
  all: CommandRef[];
  byName: Map<string, CommandRef[]>;
  /** byName's keys and values as arrays, in first-use order, for loops that allocate nothing. */
  names: string[];
  lists: CommandRef[][];
  sudo: CommandRef[];
  redirecting: CommandRef[];
  /** The commands whose output a pipe (`|`) feeds to the next one. */
  piped: CommandRef[];
}

const noCommands: readonly CommandRef[] = [];

/** A RUN's commands in order and by name, made in one pass (a script may have 30k). */
export function indexCommands(scripts: readonly Script[]): CommandIndex {
  let total = 0;
  for (let s = 0; s < scripts.length; s++) total += scripts[s].commands.length;
  // Exact size, and indexed loops: a list grown by push, and for-of before the loop is
  // optimized, each made garbage per command that a 30k-command heredoc paid for.
  const all = new Array<CommandRef>(total);
  const index: CommandIndex = {
    all,
    byName: new Map(),
    names: [],
    lists: [],
    sudo: [],
    redirecting: [],
    piped: [],
  };
  let at = 0;
  for (let s = 0; s < scripts.length; s++) {
    const script = scripts[s];
    const commands = script.commands;
    for (let c = 0; c < commands.length; c++) {
      const cmd = commands[c];
      cmd.at = at;
      all[at++] = cmd;
      const named = index.byName.get(cmd.name);
      if (named) named.push(cmd);
      else {
        const list = [cmd];
        index.byName.set(cmd.name, list);
        index.names.push(cmd.name);
        index.lists.push(list);
      }
      if (cmd.sudo) index.sudo.push(cmd);
      if (cmd.hasRedirects) index.redirecting.push(cmd);
      if (cmd.operator === '|') index.piped.push(cmd);
    }
  }
  return index;
}

/** The commands running one of these programs, in order. */
export function selectNamed(index: CommandIndex, names: ReadonlySet<string>): readonly CommandRef[] {
  // Merged as found: a RUN has one of the names or none, and then nothing is allocated. The
  // RUN's few programs are walked by index, not the rule's set: iterating a set or a map makes
  // an object per step until V8 optimizes the loop, which a short run never does.
  const { names: programs, lists } = index;
  let found: readonly CommandRef[] = noCommands;
  for (let k = 0; k < programs.length; k++) if (names.has(programs[k])) found = mergeTwo(found, lists[k]);
  return found;
}

/** The commands whose program name passes `test` (asked once per distinct name), in order. */
export function selectWhere(index: CommandIndex, test: (name: string) => boolean): readonly CommandRef[] {
  const { names, lists } = index;
  let found: readonly CommandRef[] = noCommands;
  for (let k = 0; k < names.length; k++) if (test(names[k])) found = mergeTwo(found, lists[k]);
  return found;
}

/** Ordered command lists merged into one ordered list, each command once. */
export function inOrder(lists: ReadonlyArray<readonly CommandRef[]>): readonly CommandRef[] {
  if (lists.length === 0) return noCommands;
  let merged = lists[0];
  for (let k = 1; k < lists.length; k++) merged = mergeTwo(merged, lists[k]);
  return merged;
}

function mergeTwo(a: readonly CommandRef[], b: readonly CommandRef[]): readonly CommandRef[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: CommandRef[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x.at < y.at) {
      out.push(x);
      i++;
    } else if (y.at < x.at) {
      out.push(y);
      j++;
    } else {
      out.push(x);
      i++;
      j++;
    }
  }
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}
