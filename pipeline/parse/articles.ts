// Plugin: articles of a regulation (quy chế, quy định, điều lệ) attached to a decision. Its
// "Điều 4. Tiêu chuẩn xét tặng" lines are read as paragraphs by the list parser (an article has
// no list marker); this plugin turns each into a section that holds what follows it, up to the
// next article or chapter ("Chương II"), so that the section-roles plugin can label it by its
// heading. Only appendices are rewritten: the decision's own articles stay as they are.
import type { Plugin } from 'unified';
import { looseFold } from '../text/fold.js';
import { lineStarts, subNode } from './nodes.js';
import type { AdminRoot, BodyNode, Paragraph, Section } from './types.js';

const ARTICLE = /^dieu\s+(\d{1,3})\s*[.:]\s*/;
const CHAPTER = /^(chuong|phan|muc)\s+([ivxlc]+|\d{1,2})\b\s*[.:]?\s*/;

function articleSection(p: Paragraph, m: RegExpExecArray, starts: number[]): Section {
  const heading = subNode('heading', p, m[0].length, p.value.length, starts);
  return {
    type: 'section',
    marker: `Điều ${m[1]}`,
    markerKind: 'article',
    heading,
    headingLike: true,
    children: [],
    position: { start: p.position.start, end: p.position.end },
  };
}

function isBreak(n: BodyNode): boolean {
  if (n.type !== 'paragraph') return false;
  const key = looseFold(n.value).trim();
  const article = ARTICLE.exec(key);
  return (article !== null && key.length > article[0].length) || (CHAPTER.test(key) && key.length < 20);
}

/** Splits `nodes` at the first article or chapter line, however deep the list parser put it. */
function spill(nodes: BodyNode[]): { kept: BodyNode[]; rest: BodyNode[] } {
  const kept: BodyNode[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    if (isBreak(n)) return { kept, rest: nodes.slice(i) };
    kept.push(n);
    if (n.type !== 'section') continue;
    const inner = spill(n.children);
    if (!inner.rest.length) continue;
    n.children = inner.kept;
    const last = n.children[n.children.length - 1];
    n.position = { start: n.position.start, end: last ? last.position.end : n.heading.position.end };
    return { kept, rest: [...inner.rest, ...nodes.slice(i + 1)] };
  }
  return { kept, rest: [] };
}

/** Article and chapter lines brought up to the top of the list, in document order. */
function flatten(nodes: BodyNode[]): BodyNode[] {
  const out: BodyNode[] = [];
  let list = nodes;
  for (;;) {
    const { kept, rest } = spill(list);
    out.push(...kept);
    if (!rest.length) return out;
    out.push(rest[0]);
    list = rest.slice(1);
  }
}

function countArticles(nodes: BodyNode[]): number {
  let n = 0;
  for (const node of nodes) {
    if (node.type === 'paragraph' && ARTICLE.test(looseFold(node.value).trim())) n++;
    else if (node.type === 'section') n += countArticles(node.children);
  }
  return n;
}

/** Rewrites a list of nodes: an article paragraph adopts the nodes after it, up to the next article or chapter. */
export function groupArticles(input: BodyNode[], starts: number[]): BodyNode[] {
  if (countArticles(input) < 2) return input;
  const out: BodyNode[] = [];
  let open: Section | null = null;
  for (const n of flatten(input)) {
    const key = n.type === 'paragraph' ? looseFold(n.value).trim() : '';
    const article = n.type === 'paragraph' ? ARTICLE.exec(key) : null;
    if (article && key.length > article[0].length) {
      open = articleSection(n as Paragraph, article, starts);
      out.push(open);
      continue;
    }
    if (n.type === 'paragraph' && CHAPTER.test(key) && key.length < 20) open = null;
    if (open) {
      open.children.push(n);
      open.position = { start: open.position.start, end: n.position.end };
    } else out.push(n);
  }
  return out;
}

export const articleSections: Plugin<[], AdminRoot> = function () {
  return (tree: AdminRoot) => {
    const starts = lineStarts(tree.data.text);
    for (const child of tree.children) if (child.type === 'appendix') child.children = groupArticles(child.children, starts);
  };
};
