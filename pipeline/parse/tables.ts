// Tables: TAB rows, markdown pipes, and tables flattened one cell per line between `|` lines.
import { fold } from '../text/fold.js';
import type { CleanLine } from './lines.js';
import { type Fragment, positionOf, textNode, whole } from './nodes.js';
import type { Table, TableCell, TableRow } from './types.js';

export interface TableRegion {
  start: number;
  end: number; // inclusive line index
  rows: Fragment[][][]; // rows → cells → fragments
  data: boolean;
}

/** Tables flattened one cell per line between lines that hold only `|`. */
export function pipeCellRegion(lines: CleanLine[], start: number): TableRegion {
  let end = start;
  let i = start;
  while (i < lines.length) {
    const l = lines[i];
    if (l.pipe) {
      end = i;
      // A blank line right after a pipe line closes the region.
      if (i + 1 < lines.length && lines[i + 1].blank && !(lines[i + 2]?.pipe ?? false)) break;
      i++;
      continue;
    }
    if (l.blank && !(lines[i + 1]?.pipe ?? false) && lines[i - 1]?.pipe) break;
    i++;
  }
  // Segments between pipe lines.
  const segments: Fragment[][] = [];
  let current: Fragment[] | null = null;
  for (let k = start; k <= end; k++) {
    const l = lines[k];
    if (l.pipe) {
      if (current) segments.push(current);
      current = [];
    } else if (current && !l.blank) current.push(whole(l));
  }
  // An empty segment closes a row (or is an empty cell): rows take the header row's width.
  const rows: Fragment[][][] = [];
  let row: Fragment[][] = [];
  let width = 0;
  for (const seg of segments) {
    if (seg.length === 0) {
      if (row.length === 0) continue;
      if (width === 0 || row.length >= width) {
        if (width === 0) width = row.length;
        rows.push(row);
        row = [];
      } else row.push([]);
      continue;
    }
    row.push(seg);
  }
  if (row.length) rows.push(row);
  const data = isDataTable(rows.map((r) => r.map((c) => c.map((f) => f.line.text.slice(f.from, f.to)).join(' '))));
  return { start, end, rows, data };
}

/** A table of data (tasks, quotas), not a layout table holding header or signature blocks. */
function isDataTable(rows: string[][]): boolean {
  if (rows.length < 2) return false;
  const width = rows[0].length;
  if (width < 3) return false;
  const head = fold(rows[0].join(' | '));
  if (/\b(stt|tt|noi dung|nhiem vu|don vi|chu tri|phoi hop|thoi gian|so luong)\b/.test(head)) return true;
  const numbered = rows.slice(1).filter((r) => /^\d{1,3}\.?$/.test((r[0] ?? '').trim())).length;
  return numbered >= Math.max(1, (rows.length - 1) / 2);
}

/** Consecutive rows of TAB-separated cells or markdown pipe rows (blank lines allowed between). */
export function cellRowsRegion(lines: CleanLine[], start: number): TableRegion {
  const rows: Fragment[][][] = [];
  let end = start;
  let i = start;
  while (i < lines.length) {
    const l = lines[i];
    if (l.cells) {
      if (!/^\|?\s*:?-{2,}/.test(l.text.trim())) rows.push(cellFragments(l));
      end = i;
      i++;
    } else if (l.blank && lines.slice(i + 1, i + 3).some((n) => n.cells)) i++;
    else break;
  }
  return { start, end, rows, data: true };
}

/** Splits a cell row into fragments per cell, following TABs or pipes in the clean text. */
function cellFragments(line: CleanLine): Fragment[][] {
  const text = line.text;
  const sep = text.includes('\t') ? '\t' : '|';
  const out: Fragment[][] = [];
  let from = 0;
  let body = text;
  let shift = 0;
  if (sep === '|') {
    const lead = /^\s*\|/.exec(text);
    if (lead) shift = lead[0].length;
    body = text.slice(shift).replace(/\|\s*$/, '');
  }
  from = 0;
  for (const cell of body.split(sep)) {
    const a = shift + from;
    const b = a + cell.length;
    let s = a;
    let e = b;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    out.push(s < e ? [{ line, from: s, to: e }] : []);
    from += cell.length + 1;
  }
  return out;
}

export function tableNode(region: TableRegion): Table {
  const rows: TableRow[] = [];
  for (const r of region.rows) {
    const cells: TableCell[] = [];
    for (const c of r) {
      if (c.length === 0) {
        const anchor = r.find((x) => x.length)?.[0];
        if (!anchor) continue;
        cells.push({ type: 'tableCell', value: '', offsets: [], items: [], position: positionOf([{ ...anchor, to: anchor.from }]) });
        continue;
      }
      const node = textNode('tableCell', c);
      cells.push({ ...node, items: cellItems(node.value) });
    }
    if (cells.length === 0) continue;
    rows.push({ type: 'tableRow', children: cells, position: { start: cells[0].position.start, end: cells[cells.length - 1].position.end } });
  }
  return {
    type: 'table',
    children: rows,
    position: { start: rows[0]?.position.start ?? { line: 1, column: 1 }, end: rows[rows.length - 1]?.position.end ?? { line: 1, column: 1 } },
  };
}

/** Bulleted items in a cell ("- a - b", "<li>" turned into " - "). */
function cellItems(value: string): string[] {
  const parts = (' ' + value)
    .split(/\s[-–•]\s+(?=\p{Lu})/u)
    .map((s) => s.trim())
    .filter(Boolean);
  return parts.length > 1 || /^[-–•]\s/.test(value) ? parts.map((p) => p.replace(/^[-–•]\s*/, '')) : [];
}

/** Every table region of the text, by its first line. */
export function findTables(lines: CleanLine[]): Map<number, TableRegion> {
  const tables = new Map<number, TableRegion>();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    let region: TableRegion | null = null;
    if (l.pipe) region = pipeCellRegion(lines, i);
    else if (l.cells && l.cells.length >= 2) region = cellRowsRegion(lines, i);
    if (region) {
      tables.set(i, region);
      i = region.end;
    }
  }
  return tables;
}
