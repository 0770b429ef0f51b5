// Reading order of a document's text for a person. Ingest keeps two columns side by side on
// one line, separated by a TAB (the header: issuing body | Quốc hiệu; the closing block: Nơi
// nhận | signature), because the parser reads them that way. A person reads the header column
// by column: the left column from top to bottom, then the right one. The closing block (Nơi
// nhận | signature) is read line by line as it stands, table rows too.

const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * The text with its header printed column by column. The header is the run of lines at the top
 * of the text that hold a column gap (a TAB), blank lines between them allowed, at least two of
 * them. A line with more than one gap (a number left blank: "Số:⇥/UBND⇥Hà Nội, ngày …") gives
 * its last cell to the right column; marks alone in a cell (specks) are dropped. The subject
 * line of a Công văn under the number ("V/v …", Nghị định 30) continues the left column, as do
 * lines right under the header with no blank line between. A run holding a table row (three
 * gaps or more) is no header: the text is returned as it is.
 */
export function readingOrder(text: string): string {
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  const left: string[] = [];
  const right: string[] = [];
  let j = i;
  let columns = 0;
  for (; j < lines.length; j++) {
    const line = lines[j];
    if (line.trim() === '') continue;
    if (!line.includes('\t')) break;
    const cells = line.split('\t').map((c) => c.trim());
    if (cells.length > 3) return text;
    while (cells.length > 0 && !HAS_WORD.test(cells[0])) cells.shift();
    while (cells.length > 0 && !HAS_WORD.test(cells[cells.length - 1])) cells.pop();
    if (cells.length === 0) continue;
    if (cells.length === 1) {
      left.push(cells[0]);
      continue;
    }
    columns++;
    left.push(cells.slice(0, -1).join(' '));
    right.push(cells[cells.length - 1]);
  }
  if (columns < 2) return text;
  // Trailing blank lines of the run are not part of the header.
  let end = j;
  while (end > i && lines[end - 1].trim() === '') end--;
  let k = j;
  if (k < lines.length && (k === end || /^\s*V\/v\b/i.test(lines[k]))) {
    while (k < lines.length && lines[k].trim() !== '' && !lines[k].includes('\t')) left.push(lines[k++].trim());
  }
  const rest = lines.slice(k === j ? end : k);
  return [...lines.slice(0, i), ...left, ...right, ...rest].join('\n');
}
