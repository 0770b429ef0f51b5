// Text → administrative document tree. Finds the zones of the document (header, type,
// title, preamble, body, recipients and signature, appendices), joins hard-wrapped lines
// into paragraphs, reads tables (TAB rows, markdown pipes, and tables flattened one cell
// per line between `|` lines) and nests sections by their markers.
import { looseFold } from '../text/fold.js';
import { canonicalDocumentType } from '../lexicon/index.js';
import { type CleanLine, cleanLine, toLines } from './lines.js';
import { textNode, whole } from './nodes.js';
import type { AdminRoot, Appendix, Body, DocType, Header, Paragraph, Preamble, Title, TopNode } from './types.js';
import { isPreambleStart, isRecipientsStart } from './predicates.js';
import { type TableRegion, findTables } from './tables.js';
import { type ParaBlock, buildBlocks } from './blocks.js';
import { nestSections } from './sections.js';
import { headerLines, parseHeader } from './header.js';
import { parseClosing } from './closing.js';
import { findZones, type Zones } from './zones.js';

/** Text → the document tree: zones found once, then each zone read by its own module. */
export function buildTree(text: string): AdminRoot {
  const lines = toLines(text);
  const tables = findTables(lines);
  const zones = findZones(lines, tables);
  const headerTo = headerEnd(lines, zones);
  const children: TopNode[] = [
    ...headerNode(lines, headerTo, tables),
    ...typeAndTitle(lines, zones),
    ...preambleNode(lines, zones, headerTo, tables),
    ...bodyNode(lines, zones, tables),
    ...closingNodes(lines, zones),
    ...appendixNodes(lines, zones, tables),
  ];
  const lastLine = lines[lines.length - 1];
  return {
    type: 'root',
    children,
    data: { text },
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: lines.length, column: lastLine.raw.length + 1, offset: text.length } },
  };
}

/** The header ends at the type line; without one, at the first basis paragraph. */
function headerEnd(lines: CleanLine[], zones: Zones): number {
  const end = zones.decisionType >= 0 ? zones.decisionType : zones.docType >= 0 ? zones.docType : zones.bodyFrom;
  if (zones.docType >= 0) return end;
  for (let k = 0; k < end; k++) if (isPreambleStart(lines[k].text)) return k;
  return end;
}

function headerNode(lines: CleanLine[], to: number, tables: Map<number, TableRegion>): Header[] {
  const fields = parseHeader(headerLines(lines, 0, to, tables));
  if (!fields.length) return [];
  return [{ type: 'header', children: fields, position: { start: fields[0].position.start, end: fields[fields.length - 1].position.end } }];
}

function typeAndTitle(lines: CleanLine[], zones: Zones): Array<DocType | Title> {
  const out: Array<DocType | Title> = [];
  if (zones.docType >= 0) {
    const frags = [];
    for (let k = zones.docType; k < zones.docTypeEnd; k++) frags.push(whole(lines[k]));
    const node = textNode('docType', frags);
    const canonical = canonicalDocumentType(looseFold(node.value.replace(/[*:._]+/g, ' ')).replace(/\s+/g, ' ').trim()) ?? node.value;
    out.push({ ...node, canonical } as DocType);
  }
  if (zones.titleFrom >= 0 && zones.titleTo > zones.titleFrom) {
    const frags = [];
    for (let k = zones.titleFrom; k < zones.titleTo; k++) if (!lines[k].blank) frags.push(whole(lines[k]));
    out.push(textNode('title', frags) as Title);
  }
  return out;
}

function paragraphs(lines: CleanLine[], from: number, to: number, tables: Map<number, TableRegion>): Paragraph[] {
  return buildBlocks(lines, from, to, tables)
    .filter((b): b is ParaBlock => b.kind === 'para')
    .map((b) => textNode('paragraph', b.frags) as Paragraph);
}

function preambleNode(lines: CleanLine[], zones: Zones, headerTo: number, tables: Map<number, TableRegion>): Preamble[] {
  const from = zones.docType >= 0 ? Math.max(zones.titleTo, zones.docTypeEnd) : headerTo;
  const paras = paragraphs(lines, from, zones.bodyFrom, tables);
  if (zones.decisionType >= 0) {
    // The decision's basis ("Căn cứ …") is the plan's basis too; its articles are not the plan.
    const decisionParas = paragraphs(lines, zones.decisionType + 1, zones.docType, tables);
    const end = decisionParas.findIndex((p) => /^(quyet dinh|quyet nghi)\s*:?$|^dieu 1\b/.test(looseFold(p.value).trim()));
    paras.unshift(...(end >= 0 ? decisionParas.slice(0, end) : decisionParas).filter((p) => isPreambleStart(p.value)));
  }
  // Attachment notes under the title ("(Ban hành kèm theo Quyết định số …)") stay in the preamble.
  if (!paras.length) return [];
  return [{ type: 'preamble', children: paras, position: { start: paras[0].position.start, end: paras[paras.length - 1].position.end } }];
}

function bodyNode(lines: CleanLine[], zones: Zones, tables: Map<number, TableRegion>): Body[] {
  const to = Math.min(zones.closingFrom, zones.appendixStarts[0] ?? lines.length);
  const nodes = nestSections(buildBlocks(lines, zones.bodyFrom, to, tables));
  if (!nodes.length) return [];
  return [{ type: 'body', children: nodes, position: { start: nodes[0].position.start, end: nodes[nodes.length - 1].position.end } }];
}

function closingNodes(lines: CleanLine[], zones: Zones): TopNode[] {
  const out: TopNode[] = [];
  const push = (closing: ReturnType<typeof parseClosing>) => {
    if (closing.recipients) out.push(closing.recipients);
    if (closing.signature) out.push(closing.signature);
    out.push(...closing.stamps);
  };
  const to = zones.appendixStarts[0] ?? lines.length;
  if (zones.decisionType >= 0 && zones.closingFrom >= to) {
    // The plan attached to a decision has no closing of its own: the decision's is the one signed.
    const start = lines.findIndex((l, k) => k > zones.decisionType && k < zones.docType && isRecipientsStart(l));
    if (start >= 0) push(parseClosing(lines, start, zones.docType));
  }
  if (zones.closingFrom < to) push(parseClosing(lines, zones.closingFrom, to));
  return out;
}

function appendixNodes(lines: CleanLine[], zones: Zones, tables: Map<number, TableRegion>): Appendix[] {
  const out: Appendix[] = [];
  zones.appendixStarts.forEach((start, n) => {
    const end = zones.appendixStarts[n + 1] ?? lines.length;
    const nodes = nestSections(buildBlocks(lines, start, end, tables));
    // The heading: upper-case paragraphs and the attachment note before the first table or section.
    const headingParts: Paragraph[] = [];
    // An article ("Điều 1. …") of an attached regulation is content, not heading.
    while (nodes.length && nodes[0].type === 'paragraph' && headingParts.length < 4 && !/^dieu\s+\d{1,3}\s*[.:]/.test(looseFold((nodes[0] as Paragraph).value).trim())) headingParts.push(nodes.shift() as Paragraph);
    const heading = headingParts.length
      ? { type: 'heading', value: headingParts.map((p) => p.value).join(' '), offsets: headingParts.flatMap((p, k) => (k ? [p.offsets[0], ...p.offsets] : p.offsets)), position: { start: headingParts[0].position.start, end: headingParts[headingParts.length - 1].position.end } }
      : null;
    const all = [...(heading ? [heading] : []), ...nodes];
    if (!all.length) return;
    out.push({ type: 'appendix', heading, children: nodes, position: { start: all[0].position.start, end: all[all.length - 1].position.end } } as Appendix);
  });
  return out;
}

export { cleanLine };
