// Plain-text tables for the terminal: columns sized to their content, long cells wrapped
// on word boundaries to a column's maximum width.

export interface TableOptions {
  /** Maximum width of each column (default 40). */
  maxWidths?: number[];
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      let w = word;
      while ([...w].length > width) {
        if (line) out.push(line), (line = '');
        out.push([...w].slice(0, width).join(''));
        w = [...w].slice(width).join('');
      }
      if (!line) line = w;
      else if ([...line].length + 1 + [...w].length <= width) line += ' ' + w;
      else out.push(line), (line = w);
    }
    out.push(line);
  }
  return out.length ? out : [''];
}

const width = (s: string) => [...s].length;

/** Renders rows under headers, columns separated by two spaces, a rule under the header. */
export function renderTable(headers: string[], rows: string[][], options: TableOptions = {}): string {
  const max = headers.map((_, i) => options.maxWidths?.[i] ?? 40);
  const cells = rows.map((r) => r.map((c, i) => wrap(c ?? '', max[i])));
  const widths = headers.map((h, i) => Math.min(max[i], Math.max(width(h), ...cells.map((r) => Math.max(...r[i].map(width))))));
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));
  const lines = [headers.map((h, i) => pad(h, widths[i])).join('  ').trimEnd(), widths.map((w) => '─'.repeat(w)).join('  ')];
  for (const r of cells) {
    const height = Math.max(...r.map((c) => c.length));
    for (let k = 0; k < height; k++) lines.push(r.map((c, i) => pad(c[k] ?? '', widths[i])).join('  ').trimEnd());
  }
  return lines.join('\n');
}
