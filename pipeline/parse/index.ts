// Parser entry: normalised text → AdminRoot (unist tree with positions).
import type { VFile } from 'vfile';
import type { AdminRoot } from './types.js';

export function parseDocument(text: string, file?: VFile): AdminRoot {
  void file;
  const end = { line: text.split('\n').length, column: 1, offset: text.length };
  return { type: 'root', children: [], data: { text }, position: { start: { line: 1, column: 1, offset: 0 }, end } };
}
