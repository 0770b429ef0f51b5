// Paragraphs: hard-wrapped lines joined into blocks (paragraphs, marked items, tables).
import type { CleanLine } from './lines.js';
import { matchMarker } from './markers.js';
import { type Fragment, whole } from './nodes.js';
import { TERMINAL, isAppendixHeading, isAuthorityLine, isPageNumber, isRecipientsStart, isUpperText, startsLower } from './predicates.js';
import type { TableRegion } from './tables.js';

export interface ParaBlock {
  kind: 'para';
  frags: Fragment[];
  emphasised: boolean;
}
interface TableBlock {
  kind: 'table';
  region: TableRegion;
}
export type Block = ParaBlock | TableBlock;

/** The text of a block's last line: what decides whether the next line continues it. */
function lastLineText(b: ParaBlock): string {
  const f = b.frags[b.frags.length - 1];
  return f.line.text.slice(f.from, f.to);
}

const WRAP_WIDTHS = new WeakMap<CleanLine[], number>();

/** The width lines are wrapped at: the median length of the longer lines (once per text). */
function wrapWidth(lines: CleanLine[]): number {
  let width = WRAP_WIDTHS.get(lines);
  if (width === undefined) {
    const lengths = lines.map((l) => l.text.length).filter((n) => n >= 40).sort((a, b) => a - b);
    width = lengths.length ? lengths[Math.floor(lengths.length / 2)] : 80;
    WRAP_WIDTHS.set(lines, width);
  }
  return width;
}

/**
 * Joins hard-wrapped lines [from, to) into paragraph blocks; tables become table blocks.
 * Each line is compared with the block's last line only, so the work is linear in the text.
 */
export function buildBlocks(lines: CleanLine[], from: number, to: number, tables: Map<number, TableRegion>): Block[] {
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
      // The block so far ends as its last line ends; a one-line block is that line.
      const prev = lastLineText(c);
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
