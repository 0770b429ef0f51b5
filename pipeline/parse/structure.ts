// Text → administrative document tree. Finds the zones of the document (header, type,
// title, preamble, body, recipients and signature, appendices), joins hard-wrapped lines
// into paragraphs, reads tables (TAB rows, markdown pipes, and tables flattened one cell
// per line between `|` lines) and nests sections by their markers.
import { fold, looseFold } from '../text/fold.js';
import { fuzzyFind } from '../text/fuzzy.js';
import { canonicalDocumentType } from '../lexicon/index.js';
import { cleanLine, toLines, type CleanLine } from './lines.js';
import { matchMarker, MARKER_RANK } from './markers.js';
import { positionOf, textNode, whole, type Fragment } from './nodes.js';
import type {
  AdminRoot,
  Appendix,
  Body,
  BodyNode,
  DocType,
  Header,
  HeaderField,
  Paragraph,
  Preamble,
  Recipients,
  Section,
  SignatureBlock,
  SignatureLine,
  Stamp,
  Table,
  TableCell,
  TableRow,
  Title,
  TopNode,
} from './types.js';

// ---------------------------------------------------------------- line predicates

const lf = (line: CleanLine) => looseFold(line.text);

/** "Căn cứ", "Thực hiện", "Triển khai", "Theo", "Thi hành": an opening basis paragraph. */
export function isPreambleStart(text: string): boolean {
  return /^(can cu|thuc hien|trien khai|thi hanh|theo de nghi|xet de nghi|de thuc hien|nham thuc hien)\b/.test(looseFold(text).replace(/^[^a-z]+/, ''));
}

function isRecipientsStart(line: CleanLine): boolean {
  if (!/^[^\p{L}]{0,3}n/iu.test(line.text)) return false;
  return /^noi nh[a-z]{1,2}n\b/.test(lf(line).replace(/^[^a-z]+/, ''));
}

/** TM. / KT. / Q. / TL. / TUQ. (OCR: "K/", "KT ") at the start of a line. */
export function isAuthorityLine(text: string): boolean {
  if (!/^[^\p{L}]{0,3}[TKQ]/u.test(text)) return false;
  return /^(t\/m|k\/t|tm|kt|k\/|q|tl|tuq)[.\s/]\s*\S/i.test(fold(text)) && /^(T\/M|K\/T|TM|KT|K\/|Q|TL|TUQ)\b/.test(text.replace(/^[^A-Za-z]+/, ''));
}

const DATETIME = /\b\d{1,2}[-/.]\d{1,2}[-/.]\d{4}\s+\d{1,2}:\d{2}(:\d{2})?(\s*[+-]\d{2}:?\d{2})?/;
const STAMP_FIELD = /^(ky boi|nguoi ky|co quan|email|thoi gian ky|signed by|date)\s*:/;

function isStampLine(line: CleanLine): boolean {
  return DATETIME.test(line.text) || STAMP_FIELD.test(fold(line.text));
}

function isAppendixHeading(text: string): boolean {
  const f = looseFold(text).trim();
  return /^ph[uiy] luc(\s+[ivxl0-9]+)?\b/.test(f) && f.length < 40;
}

function isAttachmentNote(text: string): boolean {
  // "(Ban hành kèm theo Quyết định số …)", "*(Kèm theo Tờ trình …)*" — it names the document; a wrapped
  // line "kèm theo)." that ends a sentence is not a note.
  const key = looseFold(text).trim();
  return /^[*_\s]*\(?\s*(ban hanh )?kem theo\b/.test(key) && !/^[*_\s]*\(?\s*(ban hanh )?kem theo\s*[).;,]*\s*[*_]*$/.test(key);
}

/** A page number or page counter standing alone ("11", "- 2 -", "Trang 3", "7/16"). */
function isPageNumber(line: CleanLine): boolean {
  return /^(-\s*)?(trang\s+)?\d{1,3}(\s*\/\s*\d{1,3})?(\s*-)?$/i.test(fold(line.text));
}

function isUpperText(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

/** Closing punctuation at the end of a paragraph (a sentence, a clause or an introduction). */
const TERMINAL = /[.;:!?…][”"’')\]]*$/;

function startsLower(text: string): boolean {
  const m = /\p{L}/u.exec(text.replace(/^[“"'(\[]+/, ''));
  if (!m || m.index > 2) return false;
  return m[0] === m[0].toLowerCase() && m[0] !== m[0].toUpperCase();
}

// ---------------------------------------------------------------- tables

interface TableRegion {
  start: number;
  end: number; // inclusive line index
  rows: Fragment[][][]; // rows → cells → fragments
  data: boolean;
}

/** Tables flattened one cell per line between lines that hold only `|`. */
function pipeCellRegion(lines: CleanLine[], start: number): TableRegion {
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
function cellRowsRegion(lines: CleanLine[], start: number): TableRegion {
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

function tableNode(region: TableRegion): Table {
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

// ---------------------------------------------------------------- paragraphs (blocks)

interface ParaBlock {
  kind: 'para';
  frags: Fragment[];
  emphasised: boolean;
}
interface TableBlock {
  kind: 'table';
  region: TableRegion;
}
type Block = ParaBlock | TableBlock;

function blockText(b: ParaBlock): string {
  return b.frags.map((f) => f.line.text.slice(f.from, f.to)).join(' ');
}

/** Joins hard-wrapped lines [from, to) into paragraph blocks; tables become table blocks. */
/** The width lines are wrapped at: the median length of the longer lines. */
function wrapWidth(lines: CleanLine[]): number {
  const lengths = lines.map((l) => l.text.length).filter((n) => n >= 40).sort((a, b) => a - b);
  return lengths.length ? lengths[Math.floor(lengths.length / 2)] : 80;
}

function buildBlocks(lines: CleanLine[], from: number, to: number, tables: Map<number, TableRegion>): Block[] {
  const blocks: Block[] = [];
  const width = wrapWidth(lines);
  let current: ParaBlock | null = null;
  let sawBlank = false;
  let openBold = false;
  const flush = () => {
    if (current) blocks.push(current);
    current = null;
  };
  for (let i = from; i < to; i++) {
    const line = lines[i];
    const region = tables.get(i);
    if (region?.data) {
      flush();
      blocks.push({ kind: 'table', region });
      i = region.end;
      sawBlank = true;
      continue;
    }
    if (line.pipe) {
      flush();
      sawBlank = true;
      openBold = false;
      continue;
    }
    if (line.blank || line.rule || isPageNumber(line)) {
      if (line.blank || line.rule) sawBlank = true;
      if (line.openBold) openBold = !openBold;
      continue;
    }
    const text = line.text;
    const c = current as ParaBlock | null;
    let join = false;
    if (c) {
      const prev = blockText(c);
      if (openBold) join = true;
      else if (matchMarker(text) || line.emphasised || c.emphasised) join = false;
      else if (isRecipientsStart(line) || isAuthorityLine(text) || isAppendixHeading(text)) join = false;
      else if (sawBlank) join = startsLower(text) && !TERMINAL.test(prev);
      else if (c.frags.length === 1 && !startsLower(text) && /^\p{L}/u.test(text) && (isUpperText(prev) && !isUpperText(text) || prev.length < Math.max(30, 0.6 * width))) {
        // A short line, or an upper-case heading, followed by a capitalised line: the heading
        // (or paragraph) ended there, even without a blank line.
        join = false;
      } else join = !(TERMINAL.test(prev) && !startsLower(text));
    }
    if (join && c) {
      c.frags.push(whole(line));
      if (line.emphasised) c.emphasised = c.emphasised && line.emphasised;
    } else {
      flush();
      current = { kind: 'para', frags: [whole(line)], emphasised: line.emphasised || (line.openBold && /^\s*(\*\*|__)/.test(line.raw)) };
    }
    if (line.openBold) openBold = !openBold;
    sawBlank = false;
  }
  flush();
  return blocks;
}

// ---------------------------------------------------------------- sections

function isHeadingLike(text: string, emphasised: boolean): boolean {
  if (emphasised) return true;
  if (/:\s*$/.test(text)) return true;
  return !TERMINAL.test(text) && text.length <= 140;
}

/** Closing formulas that belong to the document, not to the last section. */
function isClosingFormula(text: string): boolean {
  return /^(tren day la|trong qua trinh (to chuc )?(trien khai )?thuc hien|qua trinh thuc hien|yeu cau (cac|thu truong)|de nghi cac .* nghiem tuc)/.test(
    looseFold(text),
  );
}

function nestSections(blocks: Block[]): BodyNode[] {
  const root: BodyNode[] = [];
  const stack: Section[] = [];
  const top = () => stack[stack.length - 1];
  const childrenOf = (s: Section | undefined) => (s ? s.children : root);
  for (const block of blocks) {
    if (block.kind === 'table') {
      // A table belongs to the innermost open heading, like an unmarked paragraph.
      while (stack.length && !top().headingLike) stack.pop();
      childrenOf(top()).push(tableNode(block.region));
      continue;
    }
    const para = textNode('paragraph', block.frags) as Paragraph;
    const marker = matchMarker(para.value);
    if (marker) {
      const heading = textNode('heading', trimFrags(block.frags, marker.length));
      const rank = MARKER_RANK[marker.kind];
      // "3.1.1" goes under "3.1": decimal markers nest by their number of parts.
      const parts = (label: string) => label.split('.').length;
      const deeper = (s: Section) => marker.kind === 'decimal' && s.markerKind === 'decimal' && parts(s.marker) < parts(marker.label);
      const sameKind = stack.findIndex((s) => s.markerKind === marker.kind && !deeper(s));
      if (sameKind >= 0) stack.length = sameKind;
      else while (stack.length && MARKER_RANK[top().markerKind] >= rank && !deeper(top())) stack.pop();
      const section: Section = {
        type: 'section',
        marker: marker.label,
        markerKind: marker.kind,
        heading: { type: 'heading', value: heading.value, offsets: heading.offsets, position: heading.position },
        headingLike: isHeadingLike(heading.value, block.emphasised),
        children: [],
        position: para.position,
      };
      childrenOf(top()).push(section);
      stack.push(section);
      continue;
    }
    if (isClosingFormula(para.value)) {
      stack.length = 0;
      root.push(para);
      continue;
    }
    // An unmarked paragraph belongs to the innermost open heading.
    while (stack.length && !top().headingLike) stack.pop();
    childrenOf(top()).push(para);
  }
  for (const node of root) extendPositions(node);
  return root;
}

function trimFrags(frags: Fragment[], length: number): Fragment[] {
  const first = frags[0];
  const rest = frags.slice(1);
  let from = first.from + length;
  while (from < first.to && /\s/.test(first.line.text[from])) from++;
  return [{ ...first, from }, ...rest];
}

function extendPositions(node: BodyNode): void {
  if (node.type !== 'section') return;
  for (const child of node.children) extendPositions(child);
  const last = node.children[node.children.length - 1];
  if (last) node.position = { start: node.position.start, end: last.position.end };
}

// ---------------------------------------------------------------- header

interface HeaderLine {
  frags: Fragment[];
  text: string;
}

/** Lines of the header zone, with bold or italic runs wrapped over two lines joined. */
function headerLines(lines: CleanLine[], from: number, to: number, tables: Map<number, TableRegion>): HeaderLine[] {
  const out: HeaderLine[] = [];
  let open: HeaderLine | null = null;
  let openBold = false;
  for (let i = from; i < to; i++) {
    const line = lines[i];
    const region = tables.get(i);
    if (region && region.data) {
      i = region.end;
      continue;
    }
    if (line.pipe) {
      // A table cell ends any bold run.
      open = null;
      openBold = false;
      continue;
    }
    if (line.blank || line.rule) {
      if (line.openBold) openBold = !openBold;
      if (!openBold) open = null;
      continue;
    }
    const italicOpen = /^\s*\*(?!\*)\S/.test(line.raw) && !/\S\*\s*$/.test(line.raw);
    if (open && (openBold || (open as HeaderLine & { italic?: boolean }).italic)) {
      open.frags.push(whole(line));
      open.text += ' ' + line.text;
      if (/\S\*\s*$/.test(line.raw)) (open as HeaderLine & { italic?: boolean }).italic = false;
    } else {
      open = { frags: [whole(line)], text: line.text };
      if (italicOpen) (open as HeaderLine & { italic?: boolean }).italic = true;
      out.push(open);
    }
    if (line.openBold) openBold = !openBold;
  }
  for (const h of out) h.text = h.text.replace(/^\*+|\*+$/g, '').trim();
  // A date broken over two lines: "Tân Châu, ngày 18 /" + "tháng 11 năm 2025".
  for (let k = 0; k + 1 < out.length; k++) {
    if (/\bng[a-z]{1,3}(\s+\d{1,2})?\s*\/?\s*$/.test(looseFold(out[k].text)) && /^(th[a-z]{2,4}\b|\d)/.test(looseFold(out[k + 1].text))) {
      out[k].frags.push(...out[k + 1].frags);
      out[k].text += ' ' + out[k + 1].text;
      out.splice(k + 1, 1);
    }
  }
  return out;
}

const NATIONAL_NAME = 'cong hoa xa hoi chu nghia viet nam';
const PARTY_NAME = 'dang cong san viet nam';
const MOTTO = 'doc lap - tu do - hanh phuc';
const NUMBER_RE = /\bs[o0-9]{1,2}\s*[:.]?\s*(\d{1,5}[a-z]?\s*(?:[-/]\s*[a-z0-9đ]+)+|\.{2,}\s*\/\s*[a-z0-9đ-]+)/;
const DATE_RE = /\bng[a-z]{1,3}\s+(\d{1,2})\s*\/?\s*th[a-z]{2,4}\s+(\d{1,2})\s*\/?\s*n[a-z]{1,3}\s+(\d{4})/;

/** Splits header lines into fields, also where two columns were flattened into one line. */
function parseHeader(hlines: HeaderLine[]): HeaderField[] {
  const fields: HeaderField[] = [];
  for (const h of hlines) {
    // Work on a single pseudo-line: map positions in `h.text` to fragments.
    const node = textNode('headerOther', h.frags);
    const key = looseFold(node.value);
    const taken: Array<[number, number, HeaderField['type']]> = [];
    const take = (start: number, end: number, type: HeaderField['type']) => {
      if (taken.some(([a, b]) => start < b && end > a)) return;
      taken.push([start, end, type]);
    };
    for (const [pattern, type, dist] of [
      [NATIONAL_NAME, 'nationalName', 4],
      [PARTY_NAME, 'nationalName', 3],
      [MOTTO, 'motto', 5],
    ] as const) {
      const hit = fuzzyFind(key, pattern, dist);
      if (hit) take(hit.start, hit.end, type);
    }
    const num = NUMBER_RE.exec(key);
    if (num) take(num.index, num.index + num[0].length, 'docNumber');
    const date = DATE_RE.exec(key);
    if (date) {
      // The place name stands before the date, after a comma: "Châu Thành, ngày …"
      let start = date.index;
      const before = key.slice(0, date.index);
      const comma = /([\p{L}][\p{L}\s.'-]{0,40}?),\s*$/u.exec(before);
      if (comma) {
        let s = comma.index;
        // Do not take a number or another field into the place name.
        const blocked = taken.filter(([, b]) => b <= date.index).map(([, b]) => b);
        const lastEnd = Math.max(-1, ...blocked);
        if (s < lastEnd) s = lastEnd;
        start = s;
      }
      take(start, date.index + date[0].length, 'placeDate');
    }
    taken.sort((a, b) => a[0] - b[0]);
    let cursor = 0;
    const emit = (a: number, b: number, type: HeaderField['type']) => {
      while (a < b && /[\s,;|*-]/.test(node.value[a])) a++;
      while (b > a && /[\s,;|*]/.test(node.value[b - 1])) b--;
      if (b - a < 2 && type === 'headerOther') return;
      if (b <= a) return;
      fields.push(subField(node, a, b, type));
    };
    for (const [a, b, type] of taken) {
      if (a > cursor) emit(cursor, a, 'issuerLine');
      emit(a, b, type);
      cursor = b;
    }
    if (cursor < node.value.length) emit(cursor, node.value.length, 'issuerLine');
  }
  // Only upper-case free text counts as the issuing body; the rest is other header text.
  return fields.map((f) =>
    f.type === 'issuerLine' && !(isUpperText(f.value) && /\p{L}{2}/u.test(f.value)) ? { ...f, type: 'headerOther' as const } : f,
  );
}

function subField(node: { value: string; offsets: number[]; position: HeaderField['position'] }, a: number, b: number, type: HeaderField['type']): HeaderField {
  const offsets = node.offsets.slice(a, b);
  return {
    type,
    value: node.value.slice(a, b),
    offsets,
    position: {
      start: { ...node.position.start, offset: offsets[0] },
      end: { ...node.position.end, offset: (offsets[offsets.length - 1] ?? 0) + 1 },
    },
  };
}

// ---------------------------------------------------------------- closing zone

/** Splits the recipients list and the signature block, which extraction often interleaves. */
function parseClosing(lines: CleanLine[], from: number, to: number): { recipients: Recipients | null; signature: SignatureBlock | null; stamps: Stamp[] } {
  const recipients: Paragraph[] = [];
  const signature: SignatureLine[] = [];
  const stamps: Stamp[] = [];
  let recipientsHeader: Fragment | null = null;
  let lastRecipient: Fragment[] | null = null;
  // Stamp lines: a date-time line and the one or two lines of body name just before it.
  const stampLines = new Set<number>();
  for (let i = from; i < to; i++) {
    if (isStampLine(lines[i])) {
      stampLines.add(i);
      if (DATETIME.test(lines[i].text)) {
        for (let k = i - 1, n = 0; k >= from && n < 2; k--) {
          const l = lines[k];
          if (l.blank) continue;
          if (matchMarker(l.text) || isAuthorityLine(l.text) || isRecipientsStart(l)) break;
          stampLines.add(k);
          n++;
        }
      }
    }
  }
  let openBold = false;
  // Two columns read side by side (a PDF text layer, a DOCX table): "Nơi nhận:⇥TM. ỦY BAN NHÂN
  // DÂN", "- Sở Nội vụ;⇥KT. CHỦ TỊCH". The right column is the signature block.
  const rightColumn: Fragment[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i];
    if (line.blank || line.pipe || line.rule || isPageNumber(line)) continue;
    const tab = line.text.indexOf('\t');
    if (tab > 0 && !line.text.slice(tab + 1).includes('\t') && line.text.slice(tab + 1).trim()) {
      const right = line.text.slice(tab + 1);
      const lead = right.length - right.trimStart().length;
      rightColumn.push({ line, from: tab + 1 + lead, to: line.text.length });
      lines[i] = { ...line, text: line.text.slice(0, tab).trimEnd(), map: line.map.slice(0, line.text.slice(0, tab).trimEnd().length) };
    }
  }
  for (let i = from; i < to; i++) {
    const line = lines[i];
    if (line.blank || line.pipe || line.rule || isPageNumber(line)) continue;
    if (line.text === '') continue;
    if (stampLines.has(i)) {
      stamps.push(textNode('stamp', [whole(line)]) as Stamp);
      continue;
    }
    let frag = whole(line);
    const text = line.text;
    if (isRecipientsStart(line)) {
      // "Nơi nhận: TM. ỦY BAN NHÂN DÂN" — the signature column flattened onto the same line.
      const colon = text.indexOf(':');
      const cut = colon >= 0 ? colon + 1 : /^\S+\s+\S+/.exec(text)?.[0].length ?? text.length;
      recipientsHeader = { ...frag, to: cut };
      const rest = text.slice(cut).trim();
      if (rest) {
        const at = text.indexOf(rest, cut);
        if (/^[-–]/.test(rest)) {
          lastRecipient = [{ line, from: at + (/^[-–]\s*/.exec(rest)?.[0].length ?? 1), to: text.length }];
          recipients.push(textNode('paragraph', lastRecipient) as Paragraph);
        } else signature.push(textNode('signatureLine', [{ line, from: at, to: text.length }]) as SignatureLine);
      }
      continue;
    }
    const dash = /^[-–—•]\s*/.exec(text);
    if (dash && recipientsHeader) {
      frag = { line, from: dash[0].length, to: text.length };
      // "- Sở Nội vụ tỉnh; CHỦ TỊCH": a signature word flattened after the recipient.
      for (const sep of text.matchAll(/[;.]\s+(?=\S)/g)) {
        const at = sep.index! + sep[0].length;
        const tail = text.slice(at);
        if (isUpperText(tail) && tail.replace(/[^\p{L}]/gu, '').length >= 4 && !/[;]/.test(tail)) {
          frag = { ...frag, to: sep.index! + 1 };
          signature.push(textNode('signatureLine', [{ line, from: at, to: text.length }]) as SignatureLine);
          break;
        }
      }
      // Stray OCR marks after the recipient ("; )", "; |").
      let end = frag.to;
      while (end > frag.from && /[\s)|\]}]/.test(text[end - 1]) && !/[;.]/.test(text[end - 1])) end--;
      frag = { ...frag, to: end };
      lastRecipient = [frag];
      recipients.push(textNode('paragraph', lastRecipient) as Paragraph);
      continue;
    }
    const isSignatureText =
      openBold ||
      isAuthorityLine(text) ||
      isUpperText(text) ||
      /^\(?(da ky|ky ten|ky, ghi ro|ky va ghi)/.test(fold(text)) ||
      looksLikeName(text);
    if (!isSignatureText && lastRecipient && recipientsHeader && !/[;.]$/.test(recipients[recipients.length - 1].value)) {
      // A recipient wrapped onto the next line.
      lastRecipient.push(frag);
      recipients[recipients.length - 1] = textNode('paragraph', lastRecipient) as Paragraph;
      continue;
    }
    signature.push(textNode('signatureLine', [frag]) as SignatureLine);
    if (line.openBold) openBold = !openBold;
  }
  // The right column is the signature block; its lines take their place in document order.
  for (const frag of rightColumn) {
    if (isStampLine({ ...frag.line, text: frag.line.text.slice(frag.from, frag.to) } as CleanLine)) continue;
    signature.push(textNode('signatureLine', [frag]) as SignatureLine);
  }
  signature.sort((a, b) => (a.position.start.offset ?? 0) - (b.position.start.offset ?? 0));
  const recipientsNode: Recipients | null =
    recipientsHeader || recipients.length
      ? {
          type: 'recipients',
          children: recipients,
          position: positionOf(recipientsHeader ? [recipientsHeader] : [whole(lines[from])]),
        }
      : null;
  if (recipientsNode && recipients.length) recipientsNode.position = { start: recipientsNode.position.start, end: recipients[recipients.length - 1].position.end };
  const signatureNode: SignatureBlock | null = signature.length
    ? { type: 'signature', children: signature, position: { start: signature[0].position.start, end: signature[signature.length - 1].position.end } }
    : null;
  return { recipients: recipientsNode, signature: signatureNode, stamps };
}

/** Two to six capitalised words, no digits: a person's name. */
export function looksLikeName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || words.length > 7) return false;
  return words.every((w) => /^\p{Lu}[\p{Ll}\p{M}]*\.?$/u.test(w) || /^\p{Lu}+$/u.test(w));
}

// ---------------------------------------------------------------- zones

interface Zones {
  /** A plan attached to a decision ("QUYẾT ĐỊNH Ban hành Kế hoạch …"): the decision's type line. */
  decisionType: number; // line index or -1
  docType: number; // line index or -1
  titleFrom: number;
  titleTo: number;
  bodyFrom: number;
  closingFrom: number;
  appendixStarts: number[];
}

function findDocTypeLine(lines: CleanLine[], tables: Map<number, TableRegion>): number {
  const limit = Math.min(lines.length, 120);
  for (let i = 0; i < limit; i++) {
    const l = lines[i];
    if (l.blank || tables.get(i)?.data) continue;
    const t = l.text.replace(/[*:.]+$/g, '').trim();
    const type = canonicalDocumentType(looseFold(t).replace(/\s+/g, ' '));
    if (type && (isUpperText(t) || l.emphasised)) return i;
    // Stop at the first basis paragraph or first roman section: no type line before it.
    if (isPreambleStart(l.text) && !isUpperText(l.text)) return -1;
  }
  return -1;
}

/** "KẾ HOẠCH" with "(Ban hành kèm theo Quyết định số …)" under it, after another document's type line. */
function findAttachedPlan(lines: CleanLine[], after: number): number {
  for (let k = after + 1; k < lines.length; k++) {
    const l = lines[k];
    if (l.blank) continue;
    const t = l.text.replace(/[*:.]+$/g, '').trim();
    if (canonicalDocumentType(looseFold(t).replace(/\s+/g, ' ')) !== 'Kế hoạch' || !(isUpperText(t) || l.emphasised)) continue;
    for (let n = k + 1; n < Math.min(lines.length, k + 10); n++) if (isAttachmentNote(lines[n].text)) return k;
  }
  return -1;
}

function findZones(lines: CleanLine[], tables: Map<number, TableRegion>): Zones {
  let docType = findDocTypeLine(lines, tables);
  let decisionType = -1;
  if (docType >= 0) {
    const t = lines[docType].text.replace(/[*:.]+$/g, '').trim();
    if (canonicalDocumentType(looseFold(t).replace(/\s+/g, ' ')) !== 'Kế hoạch') {
      const attached = findAttachedPlan(lines, docType);
      if (attached >= 0) {
        decisionType = docType;
        docType = attached;
      }
    }
  }
  let i = docType >= 0 ? docType + 1 : 0;
  // Title: the non-blank lines right after the type line.
  while (i < lines.length && (lines[i].blank || lines[i].rule || lines[i].pipe)) i++;
  const titleFrom = docType >= 0 ? i : -1;
  let titleTo = titleFrom;
  if (docType >= 0) {
    let openBold = false;
    while (i < lines.length) {
      const l = lines[i];
      if (l.blank && !openBold) break;
      if (l.blank) {
        i++;
        continue;
      }
      if (i > titleFrom && !openBold && (isPreambleStart(l.text) || matchMarker(l.text) || isAttachmentNote(l.text))) break;
      if (isAttachmentNote(l.text) && i === titleFrom) break;
      if (l.openBold) openBold = !openBold;
      i++;
      titleTo = i;
    }
  }
  // Body: from the first section marker (roman, else arabic) after the title.
  const after = docType >= 0 ? titleTo : 0;
  let bodyFrom = -1;
  let firstArabic = -1;
  for (let k = after; k < lines.length; k++) {
    const l = lines[k];
    if (tables.get(k)?.data) {
      k = tables.get(k)!.end;
      continue;
    }
    if (isRecipientsStart(l)) break;
    const m = matchMarker(l.text);
    if (m?.kind === 'roman' && (m.label === 'I' || isUpperText(l.text.slice(m.length)) || l.emphasised)) {
      bodyFrom = k;
      break;
    }
    if (m?.kind === 'arabic' && m.label === '1' && firstArabic < 0) firstArabic = k;
  }
  if (bodyFrom < 0) bodyFrom = firstArabic >= 0 ? firstArabic : after;
  // Closing: "Nơi nhận" or the authority line, after the body starts.
  let closingFrom = lines.length;
  for (let k = bodyFrom; k < lines.length; k++) {
    const l = lines[k];
    if (tables.get(k)?.data) {
      k = tables.get(k)!.end;
      continue;
    }
    if (isRecipientsStart(l) || (isAuthorityLine(l.text) && k > bodyFrom)) {
      closingFrom = k;
      break;
    }
  }
  // Appendices after the closing zone.
  const appendixStarts: number[] = [];
  for (let k = closingFrom; k < lines.length; k++) {
    const l = lines[k];
    const region = tables.get(k);
    if (isAppendixHeading(l.text) || isAttachmentNote(l.text) || (region?.data && !appendixStarts.length)) {
      // The appendix begins at the upper-case heading lines just before.
      let s = k;
      for (let b = k - 1, n = 0; b > closingFrom && n < 4; b--) {
        const p = lines[b];
        if (p.blank) continue;
        if (isUpperText(p.text) && !isAuthorityLine(p.text) && p.text.length > 15 && !looksLikeName(p.text)) {
          s = b;
          n++;
        } else break;
      }
      if (!appendixStarts.length || s > appendixStarts[appendixStarts.length - 1] + 3) {
        if (!(isAttachmentNote(l.text) && appendixStarts.length && k - appendixStarts[appendixStarts.length - 1] < 6)) appendixStarts.push(s);
      }
      if (region) k = region.end;
    }
  }
  return { decisionType, docType, titleFrom, titleTo, bodyFrom, closingFrom, appendixStarts };
}

// ---------------------------------------------------------------- entry

function findTables(lines: CleanLine[]): Map<number, TableRegion> {
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

export function buildTree(text: string): AdminRoot {
  const lines = toLines(text);
  const tables = findTables(lines);
  const zones = findZones(lines, tables);
  const children: TopNode[] = [];

  const headerEnd = zones.decisionType >= 0 ? zones.decisionType : zones.docType >= 0 ? zones.docType : zones.bodyFrom;
  // Without a type line the header ends at the first basis paragraph.
  let headerTo = headerEnd;
  if (zones.docType < 0) {
    for (let k = 0; k < headerEnd; k++) {
      if (isPreambleStart(lines[k].text)) {
        headerTo = k;
        break;
      }
    }
  }
  const hlines = headerLines(lines, 0, headerTo, tables);
  const fields = parseHeader(hlines);
  if (fields.length) {
    const header: Header = { type: 'header', children: fields, position: { start: fields[0].position.start, end: fields[fields.length - 1].position.end } };
    children.push(header);
  }
  if (zones.docType >= 0) {
    const l = lines[zones.docType];
    const node = textNode('docType', [whole(l)]);
    const canonical = canonicalDocumentType(looseFold(node.value.replace(/[*:.]+$/g, '')).replace(/\s+/g, ' ').trim()) ?? node.value;
    children.push({ ...node, canonical } as DocType);
  }
  if (zones.titleFrom >= 0 && zones.titleTo > zones.titleFrom) {
    const frags = [];
    for (let k = zones.titleFrom; k < zones.titleTo; k++) if (!lines[k].blank) frags.push(whole(lines[k]));
    children.push(textNode('title', frags) as Title);
  }
  const preambleFrom = zones.docType >= 0 ? Math.max(zones.titleTo, zones.docType + 1) : headerTo;
  const preambleBlocks = buildBlocks(lines, preambleFrom, zones.bodyFrom, tables);
  const preambleParas = preambleBlocks.filter((b): b is ParaBlock => b.kind === 'para').map((b) => textNode('paragraph', b.frags) as Paragraph);
  if (zones.decisionType >= 0) {
    // The decision's basis ("Căn cứ …") is the plan's basis too; its articles are not the plan.
    const decisionParas = buildBlocks(lines, zones.decisionType + 1, zones.docType, tables)
      .filter((b): b is ParaBlock => b.kind === 'para')
      .map((b) => textNode('paragraph', b.frags) as Paragraph);
    const end = decisionParas.findIndex((p) => /^(quyet dinh|quyet nghi)\s*:?$|^dieu 1\b/.test(looseFold(p.value).trim()));
    const basis = (end >= 0 ? decisionParas.slice(0, end) : decisionParas).filter((p) => isPreambleStart(p.value));
    preambleParas.unshift(...basis);
  }
  // Attachment notes under the title ("(Ban hành kèm theo Quyết định số …)") stay in the preamble.
  if (preambleParas.length) {
    const pre: Preamble = {
      type: 'preamble',
      children: preambleParas,
      position: { start: preambleParas[0].position.start, end: preambleParas[preambleParas.length - 1].position.end },
    };
    children.push(pre);
  }
  const bodyTo = Math.min(zones.closingFrom, zones.appendixStarts[0] ?? lines.length);
  const bodyNodes = nestSections(buildBlocks(lines, zones.bodyFrom, bodyTo, tables));
  if (bodyNodes.length) {
    const body: Body = { type: 'body', children: bodyNodes, position: { start: bodyNodes[0].position.start, end: bodyNodes[bodyNodes.length - 1].position.end } };
    children.push(body);
  }
  const closingTo = zones.appendixStarts[0] ?? lines.length;
  if (zones.decisionType >= 0 && zones.closingFrom >= closingTo) {
    // The plan attached to a decision has no closing of its own: the decision's is the one signed.
    const start = lines.findIndex((l, k) => k > zones.decisionType && k < zones.docType && isRecipientsStart(l));
    if (start >= 0) {
      const closing = parseClosing(lines, start, zones.docType);
      if (closing.recipients) children.push(closing.recipients);
      if (closing.signature) children.push(closing.signature);
      children.push(...closing.stamps);
    }
  }
  if (zones.closingFrom < closingTo) {
    const closing = parseClosing(lines, zones.closingFrom, closingTo);
    if (closing.recipients) children.push(closing.recipients);
    if (closing.signature) children.push(closing.signature);
    children.push(...closing.stamps);
  }
  zones.appendixStarts.forEach((start, n) => {
    const end = zones.appendixStarts[n + 1] ?? lines.length;
    const blocks = buildBlocks(lines, start, end, tables);
    const nodes = nestSections(blocks);
    // The heading: upper-case paragraphs and the attachment note before the first table or section.
    const headingParts: Paragraph[] = [];
    // An article ("Điều 1. …") of an attached regulation is content, not heading.
    while (nodes.length && nodes[0].type === 'paragraph' && headingParts.length < 4 && !/^dieu\s+\d{1,3}\s*[.:]/.test(looseFold((nodes[0] as Paragraph).value).trim())) headingParts.push(nodes.shift() as Paragraph);
    const heading = headingParts.length
      ? { type: 'heading', value: headingParts.map((p) => p.value).join(' '), offsets: headingParts.flatMap((p, k) => (k ? [p.offsets[0], ...p.offsets] : p.offsets)), position: { start: headingParts[0].position.start, end: headingParts[headingParts.length - 1].position.end } }
      : null;
    const all = [...(heading ? [heading] : []), ...nodes];
    if (!all.length) return;
    const appendix: Appendix = {
      type: 'appendix',
      heading,
      children: nodes,
      position: { start: all[0].position.start, end: all[all.length - 1].position.end },
    };
    children.push(appendix);
  });
  const lastLine = lines[lines.length - 1];
  return {
    type: 'root',
    children,
    data: { text },
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: lines.length, column: lastLine.raw.length + 1, offset: text.length } },
  };
}

export { cleanLine };
