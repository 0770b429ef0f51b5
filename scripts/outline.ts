// Prints the outline of the document tree of a text file: `node dist/scripts/outline.js FILE`.
import { readFileSync } from 'node:fs';
import { normalise } from '../pipeline/normalise.js';
import { parseDocument } from '../pipeline/parse/index.js';
import type { BodyNode } from '../pipeline/parse/types.js';

const text = normalise(readFileSync(process.argv[2], 'utf8')).text;
const tree = parseDocument(text);
const short = (s: string) => (s.length > 90 ? s.slice(0, 87) + '…' : s);
function body(nodes: BodyNode[], depth: number): void {
  for (const n of nodes) {
    const pad = '  '.repeat(depth);
    if (n.type === 'section') {
      console.log(`${pad}[${n.markerKind} ${n.marker}]${n.headingLike ? '#' : ''} ${short(n.heading.value)}${n.roles?.length ? '  {' + n.roles.join(',') + '}' : ''}`);
      body(n.children, depth + 1);
    } else if (n.type === 'paragraph') console.log(`${pad}¶ ${short(n.value)}`);
    else console.log(`${pad}table ${n.children.length} rows × ${n.children[0]?.children.length}: ${n.children.map((r) => r.children.map((c) => short(c.value).slice(0, 12)).join('|')).slice(0, 2).join(' / ')}`);
  }
}
for (const c of tree.children) {
  if (c.type === 'header') for (const f of c.children) console.log(`header.${f.type}: ${f.value}`);
  else if (c.type === 'docType' || c.type === 'title' || c.type === 'stamp') console.log(`${c.type}: ${c.value}`);
  else if (c.type === 'preamble') for (const p of c.children) console.log(`preamble: ${short(p.value)}`);
  else if (c.type === 'body') body(c.children, 0);
  else if (c.type === 'recipients') for (const p of c.children) console.log(`recipient: ${p.value}`);
  else if (c.type === 'signature') for (const p of c.children) console.log(`signature: ${p.value}`);
  else if (c.type === 'appendix') {
    console.log(`appendix: ${c.heading?.value}`);
    body(c.children, 1);
  }
}
