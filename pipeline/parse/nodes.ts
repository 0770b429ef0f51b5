// Building text nodes from fragments of clean lines, with positions and offsets.
import type { Point, Position } from 'unist';
import type { CleanLine } from './lines.js';
import type { TextNode } from './types.js';
import { pointAt } from '../text/positions.js';

export interface Fragment {
  line: CleanLine;
  /** Range in `line.text`. */
  from: number;
  to: number;
}

export function whole(line: CleanLine): Fragment {
  return { line, from: 0, to: line.text.length };
}

function point(line: CleanLine, index: number): Point {
  const offset = index < line.map.length ? line.map[index] : (line.map[line.map.length - 1] ?? line.offset - 1) + 1;
  return { line: line.index + 1, column: offset - line.offset + 1, offset };
}

export function positionOf(frags: Fragment[]): Position {
  const first = frags[0];
  const last = frags[frags.length - 1];
  return { start: point(first.line, first.from), end: point(last.line, Math.max(last.from, last.to - 1) + (last.to > last.from ? 1 : 0)) };
}

/** Joins fragments with single spaces into a text node of the given type. */
export function textNode<T extends string>(type: T, frags: Fragment[]): TextNode & { type: T } {
  let value = '';
  const offsets: number[] = [];
  for (const f of frags) {
    const text = f.line.text.slice(f.from, f.to);
    if (text === '') continue;
    if (value !== '') {
      value += ' ';
      offsets.push(f.line.map[f.from]);
    }
    value += text;
    for (let i = f.from; i < f.to; i++) offsets.push(f.line.map[i]);
  }
  const nonEmpty = frags.filter((f) => f.to > f.from);
  return { type, value, offsets, position: positionOf(nonEmpty.length ? nonEmpty : frags) };
}

export { lineStarts, pointAt } from '../text/positions.js';

/** A text node for `value[from, to)` of another node, keeping its offsets. */
export function subNode<T extends string>(type: T, node: TextNode, from: number, to: number, starts?: number[]): TextNode & { type: T } {
  const value = node.value.slice(from, to);
  const offsets = node.offsets.slice(from, to);
  const start = offsets[0] ?? node.position.start.offset ?? 0;
  const end = (offsets[offsets.length - 1] ?? start) + 1;
  const position = starts
    ? { start: pointAt(start, starts), end: pointAt(end, starts) }
    : {
        start: { line: node.position.start.line, column: node.position.start.column, offset: start },
        end: { line: node.position.end.line, column: node.position.end.column, offset: end },
      };
  return { type, value, offsets, position };
}
