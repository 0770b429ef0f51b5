// Page layout: positioned text runs (from a PDF text layer) → lines in reading order.
//
// - Runs on one baseline form a line; a wide gap inside a line (two columns side by side, as
//   in the header of an administrative document: issuing body | Quốc hiệu, "Số: …" | place
//   and date; or the closing block: Nơi nhận | signer) becomes one TAB.
// - Ruled tables (found from the page's horizontal and vertical rulings) become one line per
//   row with the cells separated by TABs; the text of a cell is joined with spaces.
// Coordinates are page points with y growing downwards.

export interface TextRun {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  /** Font size (em height). */
  size: number;
}

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface LayoutLine {
  text: string;
  /** Baseline of the line (top-down). */
  y: number;
  x0: number;
  x1: number;
  size: number;
  /** A table row. */
  row: boolean;
}

/** A gap wider than this many font sizes inside a line separates two columns. */
const COLUMN_GAP_EM = 2;

interface Table {
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Column boundaries, left to right (including the outer borders). */
  xs: number[];
  /** Row boundaries, top to bottom (including the outer borders). */
  ys: number[];
}

export function layoutPage(runs: TextRun[], rulings: Segment[]): LayoutLine[] {
  const visible = runs.filter((r) => r.text !== '' && r.size > 0);
  const tables = findTables(rulings);
  const inTable = new Map<Table, TextRun[]>();
  const free: TextRun[] = [];
  for (const run of visible) {
    if (run.text.trim() === '') {
      free.push(run);
      continue;
    }
    const cx = run.x + run.width / 2;
    const cy = run.y - run.size * 0.3;
    const table = tables.find((t) => cx > t.left && cx < t.right && cy > t.top && cy < t.bottom);
    if (table) {
      const list = inTable.get(table) ?? [];
      list.push(run);
      inTable.set(table, list);
    } else free.push(run);
  }
  const lines = buildLines(free.filter((r) => !isInsideAnyTable(r, tables)));
  for (const [table, tableRuns] of inTable) lines.push(...tableRows(table, tableRuns));
  lines.sort((a, b) => a.y - b.y || a.x0 - b.x0);
  return lines;
}

function isInsideAnyTable(run: TextRun, tables: Table[]): boolean {
  if (run.text.trim() !== '') return false;
  const cx = run.x + run.width / 2;
  return tables.some((t) => cx > t.left && cx < t.right && run.y > t.top && run.y < t.bottom);
}

/** Groups runs into lines by baseline and joins them left to right. */
export function buildLines(runs: TextRun[]): LayoutLine[] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: TextRun[][] = [];
  for (const run of sorted) {
    if (run.text.trim() === '' && groups.length === 0) continue;
    const last = groups[groups.length - 1];
    const ref = last?.find((r) => r.text.trim() !== '') ?? last?.[0];
    if (last && ref && Math.abs(run.y - ref.y) < Math.max(ref.size, run.size) * 0.45) last.push(run);
    else if (run.text.trim() !== '') groups.push([run]);
  }
  const lines: LayoutLine[] = [];
  for (const group of groups) {
    const line = joinRuns(group);
    if (line) lines.push(line);
  }
  return lines;
}

/**
 * Glyphs a PDF writer drew from a fallback font over blanks it left in the main run ("T NH"
 * with "Ỉ" drawn at the blank, as LibreOffice does for letters its font lacks): each such glyph
 * is put back at its place in the run it overlays, instead of after the run.
 */
export function overlayGlyphs(runs: TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  for (const run of runs) {
    const text = run.text.replace(/[\u0000-\u0008\u000b-\u001f]/g, '');
    const glyph = text.trim();
    const host = glyph.length > 0 && glyph.length <= 3 ? out.find((p) => p.text.length > 0 && run.x >= p.x - 0.5 && run.x + run.width <= p.x + p.width + 1 && p !== run) : undefined;
    if (host && host.text.trim() === '') {
      // A blank run that also holds a word space: the glyph goes where it stands in it ("TM." + " Ủ" + "Y BAN").
      const before = run.x - host.x > host.size * 0.2 ? ' ' : '';
      const after = host.x + host.width - (run.x + run.width) > host.size * 0.2 ? ' ' : '';
      host.text = before + glyph + after;
      continue;
    }
    if (host) {
      const charWidth = host.width / host.text.length;
      const at = Math.round((run.x - host.x) / charWidth);
      // The blank nearest the estimate (widths vary in a proportional font); a blank right after
      // punctuation or before another blank is more likely a real word space.
      let slot = -1;
      let best = Infinity;
      for (const d of [0, -1, 1, -2, 2]) {
        const k = at + d;
        if (host.text[k] !== ' ') continue;
        const cost = Math.abs(d) + (/[.,;:!?)]/.test(host.text[k - 1] ?? '') ? 1.5 : 0) + (host.text[k + 1] === ' ' ? 0.6 : 0);
        if (cost < best) {
          best = cost;
          slot = k;
        }
      }
      if (slot >= 0) {
        host.text = host.text.slice(0, slot) + glyph + host.text.slice(slot + 1);
        continue;
      }
    }
    out.push({ ...run, text });
  }
  return out;
}

function joinRuns(group: TextRun[]): LayoutLine | null {
  const items = overlayGlyphs([...group].sort((a, b) => a.x - b.x)).filter((r) => r.text.trim() !== '');
  if (items.length === 0) return null;
  const size = median(items.map((r) => r.size));
  const gaps: number[] = [];
  let end = -Infinity;
  for (const run of items) {
    if (end > -Infinity) gaps.push(run.x - end);
    end = Math.max(end, run.x + run.width);
  }
  // A column gap is wide in absolute terms and wide against the line's ordinary gaps: the
  // stretched word gaps of a justified line are all alike, a column gap stands out.
  const wordGaps = gaps.filter((g) => g > size * 0.12);
  const ordinary = wordGaps.length >= 3 ? median(wordGaps) : size * 0.3;
  const isColumnGap = (gap: number) => gap > COLUMN_GAP_EM * size && gap > ordinary * 3;
  let text = '';
  end = -Infinity;
  items.forEach((run, i) => {
    if (i > 0) {
      const gap = gaps[i - 1];
      if (isColumnGap(gap)) text = text.replace(/ +$/, '') + '\t';
      else if (gap > size * 0.12 && !/\s$/.test(text) && !/^\s/.test(run.text)) text += ' ';
    }
    text += text.endsWith('\t') ? run.text.replace(/^\s+/, '') : run.text;
    end = Math.max(end, run.x + run.width);
  });
  text = text.replace(/ {2,}/g, ' ').replace(/ *\t */g, '\t').trim();
  if (text === '') return null;
  return { text, y: median(items.map((r) => r.y)), x0: items[0].x, x1: end, size, row: false };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

// ---------- tables from rulings

function findTables(rulings: Segment[]): Table[] {
  const horizontal: Segment[] = [];
  const vertical: Segment[] = [];
  for (const s of rulings) {
    const dx = Math.abs(s.x2 - s.x1);
    const dy = Math.abs(s.y2 - s.y1);
    if (dy < 1.5 && dx > 8) horizontal.push({ x1: Math.min(s.x1, s.x2), x2: Math.max(s.x1, s.x2), y1: s.y1, y2: s.y1 });
    else if (dx < 1.5 && dy > 8) vertical.push({ x1: s.x1, x2: s.x1, y1: Math.min(s.y1, s.y2), y2: Math.max(s.y1, s.y2) });
  }
  if (vertical.length < 2) return [];
  // Cluster vertical rulings whose vertical extents touch: one cluster per table.
  vertical.sort((a, b) => a.y1 - b.y1);
  const clusters: Segment[][] = [];
  for (const v of vertical) {
    const cluster = clusters.find((c) => c.some((o) => v.y1 <= o.y2 + 2 && v.y2 >= o.y1 - 2));
    if (cluster) cluster.push(v);
    else clusters.push([v]);
  }
  const tables: Table[] = [];
  for (const cluster of clusters) {
    const xs = mergeClose(cluster.map((v) => v.x1));
    if (xs.length < 2) continue;
    const top = Math.min(...cluster.map((v) => v.y1));
    const bottom = Math.max(...cluster.map((v) => v.y2));
    const left = xs[0];
    const right = xs[xs.length - 1];
    // Row borders: horizontal rulings across at least a third of the table (not an underline).
    const rows = horizontal.filter((h) => h.y1 >= top - 2 && h.y1 <= bottom + 2 && h.x1 < right - 2 && h.x2 > left + 2 && h.x2 - h.x1 >= (right - left) / 3);
    const ys = mergeClose([top, bottom, ...rows.map((h) => h.y1)]);
    tables.push({ top, bottom, left, right, xs, ys });
  }
  return tables;
}

function mergeClose(values: number[], tolerance = 2): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (out.length === 0 || v - out[out.length - 1] > tolerance) out.push(v);
  return out;
}

function tableRows(table: Table, runs: TextRun[]): LayoutLine[] {
  const rowCount = Math.max(1, table.ys.length - 1);
  const colCount = Math.max(1, table.xs.length - 1);
  const cells: TextRun[][][] = Array.from({ length: rowCount }, () => Array.from({ length: colCount }, () => []));
  for (const run of runs.flatMap((r) => splitAtBoundaries(r, table.xs))) {
    const cy = run.y - run.size * 0.3;
    const cx = run.x + Math.min(run.width, run.size) / 2;
    const r = bandIndex(table.ys, cy);
    const c = bandIndex(table.xs, cx);
    cells[r][c].push(run);
  }
  const lines: LayoutLine[] = [];
  cells.forEach((row, r) => {
    const texts = row.map((cellRuns) => joinCellLines(buildLines(cellRuns).map((l) => l.text.replace(/\t/g, ' '))));
    if (texts.every((t) => t === '')) return;
    const all = row.flat();
    lines.push({
      text: texts.join('\t'),
      y: Math.min(...all.map((x) => x.y)),
      x0: table.left,
      x1: table.right,
      size: median(all.map((x) => x.size)),
      row: true,
    });
    void r;
  });
  return lines;
}

function bandIndex(bounds: number[], v: number): number {
  for (let i = 0; i < bounds.length - 1; i++) if (v < bounds[i + 1]) return i;
  return Math.max(0, bounds.length - 2);
}

// ---------- paragraphs

/** A line that starts a new item: "- ", "+ ", "• ", "a) ", "1. ", "1) ", "(1) ", "I. ", "Điều 1". */
export const ITEM_START = /^(?:[-–+•*]\s|[a-zđ]\)\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|\(\d{1,2}\)\s|[IVXLC]{1,6}\.\s|Điều\s+\d|Phần\s|Chương\s|Mục\s+\d)/u;

/**
 * Joins the wrapped lines of each paragraph into one line and separates paragraphs with a
 * blank line where the vertical gap says so. A line continues the previous one when that one
 * reaches the right edge of the text (justified text), the gap is an ordinary line pitch, and
 * the line does not start an item. Table rows and column lines are never joined.
 */
export function linesToText(lines: LayoutLine[]): string {
  if (lines.length === 0) return '';
  const body = lines.filter((l) => !l.row && !l.text.includes('\t'));
  const right = Math.max(...body.map((l) => l.x1), 0);
  const left = Math.min(...body.map((l) => l.x0), Infinity);
  const pitches: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const d = lines[i].y - lines[i - 1].y;
    if (d > 0 && d < lines[i].size * 3) pitches.push(d);
  }
  pitches.sort((a, b) => a - b);
  const pitch = pitches[Math.floor(pitches.length / 2)] ?? lines[0].size * 1.2;
  const out: string[] = [];
  let current = '';
  let prev: LayoutLine | null = null;
  for (const line of lines) {
    if (prev === null) {
      current = line.text;
      prev = line;
      continue;
    }
    const gap = line.y - prev.y;
    const plain = (l: LayoutLine) => !l.row && !l.text.includes('\t');
    const prevFull = prev.x1 >= right - prev.size * 2.5;
    const atLeft = line.x0 <= left + line.size * 0.6;
    const continues = plain(prev) && plain(line) && prevFull && atLeft && gap > 0 && gap < pitch * 1.25 && !ITEM_START.test(line.text);
    if (continues) {
      current = current.endsWith('-') && /^\p{Ll}/u.test(line.text) && !current.endsWith(' -') ? current + line.text : `${current} ${line.text}`;
    } else {
      out.push(current);
      if ((gap > pitch * 1.35 && !(prev.row && line.row)) || prev.row !== line.row) out.push('');
      current = line.text;
    }
    prev = line;
  }
  out.push(current);
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

/**
 * Does the first line of the next page continue the paragraph that ends the previous page?
 * The previous line reaches the right edge and does not close a sentence, or the next line
 * starts in lower case; the next line starts at the left margin and does not start an item.
 */
export function continuesAcrossPages(last: LayoutLine | undefined, lastPage: LayoutLine[], first: LayoutLine | undefined, firstPage: LayoutLine[]): boolean {
  if (!last || !first || last.row || first.row || last.text.includes('\t') || first.text.includes('\t')) return false;
  const right = Math.max(...lastPage.filter((l) => !l.row).map((l) => l.x1));
  const left = Math.min(...firstPage.filter((l) => !l.row).map((l) => l.x0));
  if (last.x1 < right - last.size * 2.5 || first.x0 > left + first.size * 0.6) return false;
  if (ITEM_START.test(first.text)) return false;
  return /^\p{Ll}/u.test(first.text) || !/[.:;!?]["”)]?$/.test(last.text);
}

/** The lines of a table cell as one text; a line ending in a hyphen after a letter or digit
 * ("Tháng 6-" / "9/2025") continues without a space. */
export function joinCellLines(lines: string[]): string {
  let text = '';
  for (const line of lines) {
    const l = line.trim();
    if (l === '') continue;
    text = text === '' ? l : /[\p{L}\p{N}]-$/u.test(text) ? text + l : `${text} ${l}`;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A table row split by a page break: the first row of the next page has an empty first cell
 * (the number column) and as many cells as the last row of the previous page. Returns the
 * merged row, or null when the rows are not parts of one row.
 */
export function mergeSplitRow(last: string, first: string): string | null {
  const a = last.split('\t');
  const b = first.split('\t');
  if (a.length < 3 || a.length !== b.length || b[0].trim() !== '' || a[0].trim() === '') return null;
  return a.map((cell, k) => joinCellLines([cell, b[k]])).join('\t');
}

/**
 * pdf.js merges text on one baseline into one item when the gap is small, even across a cell
 * border ("PV01 Công an"). Splits such a run at the space nearest each column boundary it
 * crosses, placing characters proportionally along the run's width.
 */
export function splitAtBoundaries(run: TextRun, xs: number[]): TextRun[] {
  const inner = xs.filter((b) => b > run.x + 2 && b < run.x + run.width - 2);
  if (inner.length === 0 || run.text.length < 2) return [run];
  const chars = [...run.text];
  const at = (i: number) => run.x + (run.width * i) / chars.length;
  const cuts: number[] = [];
  for (const b of inner) {
    let best = -1;
    for (let i = 1; i < chars.length; i++) {
      if (chars[i] !== ' ') continue;
      if (best < 0 || Math.abs(at(i) - b) < Math.abs(at(best) - b)) best = i;
    }
    if (best > 0 && Math.abs(at(best) - b) < run.size * 3 && !cuts.includes(best)) cuts.push(best);
  }
  if (cuts.length === 0) return [run];
  cuts.sort((a, b) => a - b);
  const out: TextRun[] = [];
  let start = 0;
  for (const cut of [...cuts, chars.length]) {
    const text = chars.slice(start, cut).join('').trim();
    if (text !== '') out.push({ ...run, text, x: at(start), width: at(cut) - at(start) });
    start = cut + 1;
  }
  return out;
}

/** The boxes of the ruled tables that `rulings` form. */
export function tableRegions(rulings: Segment[]): { top: number; bottom: number; left: number; right: number }[] {
  return findTables(rulings).map(({ top, bottom, left, right }) => ({ top, bottom, left, right }));
}

/**
 * The text of each page from its lines (furniture already removed). A paragraph broken by a
 * page break is kept whole on the page where it starts, and so is a table row split by it.
 */
export function pagesToTexts(pageLines: LayoutLine[][]): string[] {
  const texts = pageLines.map((lines) => linesToText(lines));
  for (let i = 1; i < texts.length; i++) {
    const lastBreak = texts[i - 1].lastIndexOf('\n');
    const firstBreak = texts[i].indexOf('\n');
    const merged = mergeSplitRow(texts[i - 1].slice(lastBreak + 1), firstBreak < 0 ? texts[i] : texts[i].slice(0, firstBreak));
    if (merged !== null) {
      texts[i - 1] = texts[i - 1].slice(0, lastBreak + 1) + merged;
      texts[i] = firstBreak < 0 ? '' : texts[i].slice(firstBreak + 1);
      continue;
    }
    const prev = pageLines[i - 1];
    const next = pageLines[i];
    if (!continuesAcrossPages(prev[prev.length - 1], prev, next[0], next)) continue;
    const cut = texts[i].indexOf('\n');
    const head = cut < 0 ? texts[i] : texts[i].slice(0, cut);
    texts[i - 1] = `${texts[i - 1]} ${head}`;
    texts[i] = cut < 0 ? '' : texts[i].slice(cut + 1).replace(/^\n+/, '');
  }
  return texts;
}
