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

/**
 * Text being cleaned with the offset of each of its UTF-16 units in the normalised text. (A
 * flat string and array rather than an object per character: a line may be megabytes long.)
 */
interface Pieces {
  text: string;
  offs: number[];
}

function toPieces(raw: string, offset: number): Pieces {
  const offs = new Array<number>(raw.length);
  for (let i = 0; i < raw.length; i++) offs[i] = offset + i;
  return { text: raw, offs };
}

/** Removes every match of `re` (global) from the pieces, optionally replacing it. */
function strip(pieces: Pieces, re: RegExp, replacement?: (m: RegExpExecArray) => string): Pieces {
  const { text, offs } = pieces;
  let out = '';
  const outOffs: number[] = [];
  let last = 0;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let changed = false;
  while ((m = re.exec(text))) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    changed = true;
    const from = m.index;
    const to = m.index + m[0].length;
    out += text.slice(last, from);
    for (let k = last; k < from; k++) outOffs.push(offs[k]);
    const rep = replacement ? replacement(m) : '';
    const at = offs[from] ?? offs[offs.length - 1] ?? 0;
    // Every character of a replacement sits at the match's start (the second half of a
    // surrogate pair one unit after it).
    for (const ch of rep) {
      out += ch;
      outOffs.push(at);
      if (ch.length === 2) outOffs.push(at + 1);
    }
    last = to;
    if (!re.global) break;
  }
  if (!changed) return pieces;
  out += text.slice(last);
  for (let k = last; k < text.length; k++) outOffs.push(offs[k]);
  return { text: out, offs: outOffs };
}

const SPACE = /\s/;

function trimPieces(pieces: Pieces): Pieces {
  const { text, offs } = pieces;
  let a = 0;
  let b = text.length;
  while (a < b && SPACE.test(text[a])) a++;
  while (b > a && SPACE.test(text[b - 1])) b--;
  // Collapse inner runs of white space to one space.
  let out = '';
  const outOffs: number[] = [];
  let lastCh = '';
  for (let i = a; i < b; i++) {
    const c = text[i];
    if (c === '\t') {
      out += c;
      outOffs.push(offs[i]);
      lastCh = c;
    } else if (SPACE.test(c)) {
      if (out.length && (lastCh === ' ' || lastCh === '\t')) continue;
      out += ' ';
      outOffs.push(offs[i]);
      lastCh = ' ';
    } else {
      out += c;
      outOffs.push(offs[i]);
      lastCh = c;
    }
  }
  return { text: out, offs: outOffs };
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
  const joined = pieces.text;
  if (!pipe && (joined.match(/\t/g)?.length ?? 0) >= 2) {
    cells = joined.split('\t').map((c) => c.trim());
  } else if (/^\s*\|.*\|\s*$/.test(joined) && !pipe) {
    const inner = joined.trim().replace(/^\|/, '').replace(/\|$/, '');
    cells = inner.split('|').map((c) => c.trim());
  }
  const clean = trimPieces(pieces);
  const text = clean.text;
  return {
    index,
    offset,
    raw,
    text,
    map: clean.offs,
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
