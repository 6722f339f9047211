// Where the cursor is in a Compose file, read from the lines above it rather than the YAML tree:
// while a line is being typed the tree is often broken, the indentation rarely is.
import type { Position } from 'vscode-languageserver/node';
import type { LineIndex } from '../parse/lines';

export interface CursorContext {
  /** Keys from the top down to the one whose value the cursor is in. */
  path: string[];
  /** The cursor is on a list item (`- x` or inside `[a, b]`). */
  inList: boolean;
  /** The cursor is where a new key of the map at `path` goes. */
  atKey: boolean;
  /** What is typed of the current word. */
  prefix: string;
  /** The indentation a key at this place has. */
  indent: number;
}

const keyAt = /^("?[\w.-]+"?)\s*:(?:\s|$)/;

function indentOf(text: string): number {
  return text.length - text.trimStart().length;
}

/**
 * The keys whose blocks enclose content at column `col`, read upwards. A list item's parent key
 * may sit at the item's own column (`networks:` then `- front`), so `sameOk` allows that once.
 */
function parents(lines: LineIndex, line: number, startCol: number, startSameOk: boolean): string[] {
  const path: string[] = [];
  let col = startCol;
  let sameOk = startSameOk;
  for (let l = line - 1; l >= 0 && (col > 0 || sameOk); l--) {
    const text = lines.lineText(l);
    if (/^\s*(#.*)?$/.test(text)) continue;
    const own = indentOf(text);
    const item = /^(\s*)-(\s+|$)/.exec(text);
    const body = item ? text.slice(item[0].length) : text.trimStart();
    const bodyCol = item ? item[0].length : own;
    const key = keyAt.exec(body);
    if (key && (bodyCol < col || (sameOk && bodyCol === col && /:\s*(#.*)?$/.test(text)))) {
      path.unshift(key[1].replace(/"/g, ''));
      col = bodyCol;
      sameOk = false;
    }
    if (item && own < col) {
      col = own;
      sameOk = true;
    }
  }
  return path;
}

export function cursorContext(lines: LineIndex, pos: Position): CursorContext {
  const before = lines.lineText(pos.line).slice(0, pos.character);
  const indent = indentOf(before);
  const item = /^(\s*)-\s*([^\s:[\]]*)$/.exec(before);
  if (item) {
    return {
      path: parents(lines, pos.line, item[1].length, true),
      inList: true,
      atKey: false,
      prefix: item[2],
      indent,
    };
  }
  const keyed = /^(\s*)(?:-\s+)?([\w.-]+)\s*:\s*(.*)$/.exec(before);
  if (keyed) {
    const path = [...parents(lines, pos.line, keyed[1].length, false), keyed[2]];
    const value = keyed[3];
    const flow = /\[([^\]]*)$/.exec(value);
    if (flow)
      return { path, inList: true, atKey: false, prefix: /[^,\s]*$/.exec(flow[1])?.[0] ?? '', indent };
    return { path, inList: false, atKey: false, prefix: value.replace(/^["']/, ''), indent };
  }
  const bare = /^(\s*)([\w.-]*)$/.exec(before);
  if (bare) {
    return {
      path: parents(lines, pos.line, bare[1].length, false),
      inList: false,
      atKey: true,
      prefix: bare[2],
      indent,
    };
  }
  return { path: [], inList: false, atKey: false, prefix: '', indent };
}
