// Sections: blocks nested by the Vietnamese hierarchy of markers (I. → 1. → 1.1. → a) → …).
import { looseFold } from '../text/fold.js';
import { MARKER_RANK, matchMarker } from './markers.js';
import { type Fragment, textNode } from './nodes.js';
import type { BodyNode, Paragraph, Section } from './types.js';
import { TERMINAL } from './predicates.js';
import { tableNode } from './tables.js';
import type { Block } from './blocks.js';

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

export function nestSections(blocks: Block[]): BodyNode[] {
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
