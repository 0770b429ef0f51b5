// Page furniture: running headers, running footers and page numbers are not part of the
// document's text. A line in the top or bottom band of a page is furniture when it is a page
// number ("2", "- 2 -", "Trang 2", "2/7") or when the same text (digits aside) recurs in that
// band on at least half of the pages.

export interface PlacedLine {
  text: string;
  /** Baseline, top-down, in page points. */
  y: number;
}

export interface PlacedPage {
  height: number;
  lines: PlacedLine[];
}

const BAND = 0.1;
const PAGE_NUMBER = /^(?:(?:trang|page)\s*)?[-–—(]?\s*\d{1,4}\s*(?:\/\s*\d{1,4})?\s*[-–—)]?$/i;

const shape = (text: string) => text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();

/** Returns, per page, the indexes of the lines that are furniture. */
export function findFurniture(pages: PlacedPage[]): Set<number>[] {
  const inBand = (page: PlacedPage, line: PlacedLine) => line.y < page.height * BAND || line.y > page.height * (1 - BAND);
  const counts = new Map<string, number>();
  for (const page of pages) {
    const seen = new Set<string>();
    for (const line of page.lines) if (inBand(page, line)) seen.add(shape(line.text));
    for (const s of seen) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const recurring = (text: string) => pages.length >= 3 && (counts.get(shape(text)) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((page) => {
    const out = new Set<number>();
    const bandLines = page.lines.map((line, i) => ({ line, i })).filter(({ line }) => inBand(page, line));
    // Only the outermost lines of each band: the first two and last two lines of the page.
    const edge = new Set([0, 1, page.lines.length - 1, page.lines.length - 2]);
    for (const { line, i } of bandLines) {
      if (!edge.has(i)) continue;
      if (PAGE_NUMBER.test(line.text.trim()) || recurring(line.text)) out.add(i);
    }
    return out;
  });
}
