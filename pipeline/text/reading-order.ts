// Reading order of a page's text for a person. Ingest keeps two columns side by side on one
// line, separated by a TAB (the header: issuing body | Quốc hiệu; the closing block: Nơi nhận |
// signature), because the parser reads them that way. A person reads such a block column by
// column: the left column from top to bottom, then the right one. Table rows (two TABs or more)
// and lines outside such blocks stay as they are.

/**
 * The text with its header printed column by column. The header is the first run of non-blank
 * lines of which at least two hold one TAB, above any line of running text (a line of 80
 * characters or more); a line of it without a TAB continues the left column (the subject line
 * under the number, "V/v …", in the layout of Nghị định 30). A block holding a table row is
 * left as it is.
 */
export function readingOrder(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let i = 0;
  let done = false;
  while (i < lines.length) {
    if (lines[i].trim() === '') {
      out.push(lines[i]);
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && lines[j].trim() !== '') j++;
    const block = lines.slice(i, j);
    const tabs = block.map((l) => (l.match(/\t/g) ?? []).length);
    const twoColumns = tabs.filter((n) => n === 1).length;
    if (!done && twoColumns >= 2 && tabs.every((n) => n <= 1)) {
      done = true;
      const left: string[] = [];
      const right: string[] = [];
      for (const line of block) {
        const tab = line.indexOf('\t');
        if (tab < 0) {
          left.push(line);
          continue;
        }
        const a = line.slice(0, tab).trimEnd();
        const b = line.slice(tab + 1).trim();
        if (a.trim() !== '') left.push(a);
        if (b !== '') right.push(b);
      }
      out.push(...left, ...right);
    } else {
      out.push(...block);
      if (block.some((l) => !l.includes('\t') && l.trim().length >= 80)) done = true;
    }
    i = j;
  }
  return out.join('\n');
}
