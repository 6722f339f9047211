// The shell scripts a RUN executes: its shell form text, a heredoc fed to the shell, or the script
// of an exec-form `sh -c`; each read into its simple commands once.
import type { Instruction, Range } from '../parser';
import { parseShell } from './shell';
import type { Script, ScriptCommand } from './shellTypes';

const shellNames = /^(?:\/bin\/|\/usr\/bin\/)?(?:sh|bash|ash|dash|zsh)$/;

/** The shell scripts a RUN executes. Exec form is read when it is `sh -c`. */
export function scriptsOf(ins: Instruction): Script[] {
  let scripts: Script[];
  // Array literals rather than pushes: a pushed-to array keeps room for 17 items, and a large
  // file holds one of these per RUN until the lint ends.
  if (ins.json === undefined) {
    const own = new ArgsScript(ins);
    const head = ins.heredocs.length > 0 ? ins.argsText.trimStart() : '';
    const feedsShell = head.startsWith('<<') || /^(?:\S*\/)?(?:sh|bash|ash|dash)\b[^<]*<</.test(head);
    if (feedsShell) {
      const doc = ins.heredocs[0];
      scripts = [own, new TextScript(ins, doc.content, heredocLocator(doc.content, doc.range.start.line))];
    } else scripts = [own];
  } else if (ins.json.length >= 3 && shellNames.test(ins.json[0]) && ins.json[1] === '-c') {
    const range = ins.args[2].range;
    scripts = [new TextScript(ins, ins.json[2], () => range)];
  } else scripts = [];
  return scripts;
}

/** The shell form text of a RUN: located through the instruction, with no closure per RUN. */
class ArgsScript implements Script {
  readonly text: string;
  readonly commands: ScriptCommand[];

  constructor(readonly ins: Instruction) {
    this.text = ins.argsText;
    this.commands = parseShell(this.text, this);
  }

  locate(start: number, end: number): Range {
    return this.ins.locate(start, end);
  }
}

/** A heredoc fed to the shell, or the script of an exec-form `sh -c`. */
class TextScript implements Script {
  readonly commands: ScriptCommand[];

  constructor(
    readonly ins: Instruction,
    readonly text: string,
    readonly locate: (start: number, end: number) => Range,
  ) {
    this.commands = parseShell(text, this);
  }
}

function heredocLocator(content: string, firstLine: number): (s: number, e: number) => Range {
  // Line starts are found when the first finding is placed: most scripts report nothing.
  let starts: Int32Array | undefined;
  const lineStarts = (): Int32Array => {
    let count = 1;
    for (let i = content.indexOf('\n'); i >= 0; i = content.indexOf('\n', i + 1)) count++;
    const found = new Int32Array(count);
    let k = 1;
    for (let i = content.indexOf('\n'); i >= 0; i = content.indexOf('\n', i + 1)) found[k++] = i + 1;
    return found;
  };
  const at = (offset: number): { line: number; character: number } => {
    starts ??= lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: firstLine + lo, character: offset - starts[lo] };
  };
  return (s, e) => ({ start: at(s), end: at(Math.max(s, e)) });
}
