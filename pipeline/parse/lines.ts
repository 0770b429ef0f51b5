// Line model: each line of the normalised text cleaned of light markdown (**bold**, #
// headings, *italics*, HTML list tags, stray handwriting marks) with a map from every
// character of the clean text back to its offset in the normalised text.

export interface CleanLine {
  /** 0-based index of the line; `index + 1` is its line number. */
  index: number;
  /** Offset of the line's first character in the normalised text. */
  offset: number;
  raw: string;
  /** Cleaned, trimmed text. */
  text: string;
  /** `map[i]` is the offset in the normalised text of `text[i]`. */
  map: number[];
  blank: boolean;
  /** A markdown heading (`#`) or a line that is bold as a whole. */
  emphasised: boolean;
  /** The number of `**` markers on the line is odd (bold continues on the next line). */
  openBold: boolean;
  /** A line that is only `|`: a cell separator of a table flattened one cell per line. */
  pipe: boolean;
  /** A markdown table row `| a | b |` or a row of TAB-separated cells. */
  cells: string[] | null;
  /** A rule of dashes or underscores under a header field. */
  rule: boolean;
}

interface Piece {
  ch: string;
  off: number;
}

function toPieces(raw: string, offset: number): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  for (const ch of raw) {
    out.push({ ch, off: offset + i });
    i += ch.length;
  }
  return out;
}

/** Removes every match of `re` (global) from the pieces, optionally replacing it. */
function strip(pieces: Piece[], re: RegExp, replacement?: (m: RegExpExecArray) => string): Piece[] {
  const text = pieces.map((p) => p.ch).join('');
  const out: Piece[] = [];
  let last = 0;
  // Character index ↔ piece index: pieces are single code points, text indexes are UTF-16.
  const unitToPiece: number[] = [];
  pieces.forEach((p, k) => {
    for (let u = 0; u < p.ch.length; u++) unitToPiece.push(k);
  });
  unitToPiece.push(pieces.length);
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const from = unitToPiece[m.index];
    const to = unitToPiece[m.index + m[0].length];
    // A loop, not push(...slice): spreading a line of 100,000+ characters overflows the stack.
    for (let k = last; k < from; k++) out.push(pieces[k]);
    const rep = replacement ? replacement(m) : '';
    const at = pieces[from]?.off ?? pieces[pieces.length - 1]?.off ?? 0;
    for (const ch of rep) out.push({ ch, off: at });
    last = to;
    if (!re.global) break;
  }
  for (let k = last; k < pieces.length; k++) out.push(pieces[k]);
  return out;
}

function trimPieces(pieces: Piece[]): Piece[] {
  let a = 0;
  let b = pieces.length;
  while (a < b && /\s/.test(pieces[a].ch)) a++;
  while (b > a && /\s/.test(pieces[b - 1].ch)) b--;
  // Collapse inner runs of white space to one space.
  const out: Piece[] = [];
  for (let i = a; i < b; i++) {
    const p = pieces[i];
    if (p.ch === '\t') out.push(p);
    else if (/\s/.test(p.ch)) {
      if (out.length && (out[out.length - 1].ch === ' ' || out[out.length - 1].ch === '\t')) continue;
      out.push({ ch: ' ', off: p.off });
    } else out.push(p);
  }
  return out;
}

const HTML_TAG = /<\/?[a-zA-Z][^<>]*>/g;
const BOLD = /\*\*|__/g;
const HEADING_HASHES = /^\s{0,3}#{1,6}\s+/;
// *italic* around text (not a "* " bullet, not "**")
const ITALIC = /(^|[\s(“"'])\*(?!\s|\*)([^*\n]*?[^\s*])\*(?!\*)/g;
// A stray handwriting mark at the end of a line, OCR'd as a short italic token: "… thực hiện. *TUV*", "; *h*"
const STRAY_MARK = /\s+\*[\p{L}]{1,4}\*\s*$/u;
const TRAILING_MD_BREAK = /\s{2,}$|\\$/;

/** Lines without markup (most of them) take a fast path: white space collapsed, nothing removed. */
function plainLine(raw: string, offset: number, index: number): CleanLine {
  let text = '';
  const map: number[] = [];
  let space = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === ' ' || c === '\r' || c === '\f' || c === '\v' || c === '\u00a0') {
      space = text.length > 0;
      continue;
    }
    if (space) {
      text += ' ';
      map.push(offset + i);
      space = false;
    }
    text += c;
    map.push(offset + i);
  }
  const rule = text.length >= 3 && /^[-_=–—.\s]{3,}$/.test(text) && /[-_=–—]{3,}/.test(text);
  return { index, offset, raw, text, map, blank: text === '', emphasised: false, openBold: false, pipe: false, cells: null, rule };
}

export function cleanLine(raw: string, offset: number, index: number): CleanLine {
  if (!/[*#<\\|_\t]/.test(raw) && !/\s\s$/.test(raw)) return plainLine(raw, offset, index);
  const trimmedRaw = raw.trim();
  const pipe = trimmedRaw === '|';
  const rule = /^[-_=–—.*\s]{3,}$/.test(trimmedRaw) && /[-_=–—]{3,}/.test(trimmedRaw);
  const boldCount = (raw.match(/\*\*/g) ?? []).length;
  const emphasised =
    HEADING_HASHES.test(raw) || (/^\s*(\*\*|__)/.test(raw) && /(\*\*|__)[\s.:;]*$/.test(raw) && boldCount >= 2);

  let pieces = toPieces(raw, offset);
  const star = raw.includes('*');
  if (star) pieces = strip(pieces, STRAY_MARK);
  if (raw.includes('#')) pieces = strip(pieces, HEADING_HASHES);
  if (/\s\s$|\\$/.test(raw)) pieces = strip(pieces, TRAILING_MD_BREAK);
  // `<li>` starts an item inside a table cell: keep a bullet so items can be split.
  if (raw.includes('<')) pieces = strip(pieces, HTML_TAG, (m) => (/^<li\b/i.test(m[0]) ? ' - ' : ' '));
  if (star || raw.includes('__')) pieces = strip(pieces, BOLD);
  if (star) {
    pieces = strip(pieces, ITALIC, (m) => m[1] + m[2]);
    // "*-* Bộ Y tế" (an italic dash bullet)
    pieces = strip(pieces, /^\s*\*([-+])\*/, (m) => m[1]);
  }
  // Escaped markdown characters.
  if (raw.includes('\\')) pieces = strip(pieces, /\\([\\`*_{}[\]()#+\-.!|])/g, (m) => m[1]);

  let cells: string[] | null = null;
  const joined = pieces.map((p) => p.ch).join('');
  if (!pipe && (joined.match(/\t/g)?.length ?? 0) >= 2) {
    cells = joined.split('\t').map((c) => c.trim());
  } else if (/^\s*\|.*\|\s*$/.test(joined) && !pipe) {
    const inner = joined.trim().replace(/^\|/, '').replace(/\|$/, '');
    cells = inner.split('|').map((c) => c.trim());
  }
  const clean = trimPieces(pieces);
  const text = clean.map((p) => p.ch).join('');
  return {
    index,
    offset,
    raw,
    text,
    map: clean.flatMap((p) => (p.ch.length === 2 ? [p.off, p.off + 1] : [p.off])),
    blank: text === '' || /^[*\s]*$/.test(text),
    emphasised,
    openBold: boldCount % 2 === 1,
    pipe,
    cells,
    rule,
  };
}

/** Splits the normalised text into clean lines. */
export function toLines(text: string): CleanLine[] {
  const lines: CleanLine[] = [];
  let offset = 0;
  const raws = text.split('\n');
  raws.forEach((raw, index) => {
    lines.push(cleanLine(raw, offset, index));
    offset += raw.length + 1;
  });
  return lines;
}
