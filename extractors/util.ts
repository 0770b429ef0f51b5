// Helpers shared by the extractors: walking the tree, evidence, diagnostics, text cleanup.
import type { VFile } from 'vfile';
import type { Position } from 'unist';
import { fold, looseFold } from '../pipeline/text/fold.js';
import { lineStarts, pointAt } from '../pipeline/text/positions.js';
import type { AdminRoot, BodyNode, Paragraph, Section, SectionRole, Table, TextNode, TopNode } from '../pipeline/parse/types.js';
import type { Evidence } from '../pipeline/record/schema.js';

export { fold, looseFold };

/** Collects evidence spans for record fields: JSON pointer → span in the normalised text. */
export class EvidenceSink {
  readonly spans: Record<string, Evidence> = {};
  private readonly starts: number[];
  constructor(
    text: string,
    private readonly pageStartLines: number[],
    /** The source's number of each page (with --pages 2-3 the first page is page 2). */
    private readonly pageNumbers: number[] = [],
  ) {
    this.starts = lineStarts(text);
  }
  /** Records the span of `node.value[from, to)` (the whole value by default) for `pointer`. */
  add(pointer: string, node: TextNode | null | undefined, from = 0, to?: number): void {
    if (!node || node.offsets.length === 0) return;
    const end = Math.min(to ?? node.value.length, node.value.length);
    const a = Math.max(0, Math.min(from, end - 1));
    const start = node.offsets[a];
    const stop = (node.offsets[Math.max(a, end - 1)] ?? start) + 1;
    this.addOffsets(pointer, start, stop);
  }
  /** Gives `to` the same span as `from` (values read from the same words). */
  alias(from: string, ...to: string[]): void {
    const span = this.spans[from];
    if (span) for (const t of to) this.spans[t] = { ...span };
  }
  addOffsets(pointer: string, start: number, end: number): void {
    const line = pointAt(start, this.starts).line;
    const span: Evidence = { line, start, end };
    if (this.pageStartLines.length > 1 || (this.pageNumbers[0] ?? 1) !== 1) {
      let index = 0;
      for (let k = 0; k < this.pageStartLines.length; k++) if (this.pageStartLines[k] <= line) index = k;
      span.page = this.pageNumbers[index] ?? index + 1;
    }
    this.spans[pointer] = span;
  }
}

/** Reports a diagnostic as a vfile message with a rule id and a place. */
export function report(
  file: VFile,
  severity: 'error' | 'warning' | 'info',
  ruleId: string,
  reason: string,
  place?: Position | null,
): void {
  const message = file.message(reason, { place: place ?? undefined, ruleId, source: 'thidua' });
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
}

export function topNodes<T extends TopNode['type']>(tree: AdminRoot, type: T): Extract<TopNode, { type: T }>[] {
  return tree.children.filter((c) => c.type === type) as Extract<TopNode, { type: T }>[];
}

/** Body and appendix nodes in document order. */
export function bodyNodes(tree: AdminRoot, withAppendices = false): BodyNode[] {
  const out: BodyNode[] = [];
  for (const c of tree.children) {
    if (c.type === 'body') out.push(...c.children);
    if (withAppendices && c.type === 'appendix') out.push(...c.children);
  }
  return out;
}

/**
 * The nodes that carry a document's awards, criteria and dossier: the body, and for a document
 * that is not a plan (a decision that issues a regulation, a guide) its attachments too.
 */
export function contentNodes(tree: AdminRoot): BodyNode[] {
  const type = tree.children.find((c) => c.type === 'docType') as { canonical?: string } | undefined;
  return bodyNodes(tree, type?.canonical !== 'Kế hoạch');
}

/** Every section of the body, depth first, with its ancestors. */
export function walkSections(nodes: BodyNode[], visit: (s: Section, ancestors: Section[]) => void, ancestors: Section[] = []): void {
  for (const n of nodes) {
    if (n.type !== 'section') continue;
    visit(n, ancestors);
    walkSections(n.children, visit, [...ancestors, n]);
  }
}

export function hasRole(s: Section, role: SectionRole): boolean {
  return s.roles?.includes(role) ?? false;
}

/** Sections with a role, the deepest ones (a section whose descendants have the role too is skipped). */
export function deepestWithRole(nodes: BodyNode[], role: SectionRole, accept?: (s: Section, ancestors: Section[]) => boolean): Section[] {
  const out: Section[] = [];
  walkSections(nodes, (s, ancestors) => {
    if (!hasRole(s, role)) return;
    if (accept && !accept(s, ancestors)) return;
    let deeper = false;
    walkSections(s.children, (d) => {
      if (hasRole(d, role)) deeper = true;
    });
    if (!deeper) out.push(s);
  });
  return out;
}

/** The text of a section's items: marked children (recursively flattened one level). */
export function childSections(s: Section): Section[] {
  return s.children.filter((c): c is Section => c.type === 'section');
}

export function childParagraphs(s: Section): Paragraph[] {
  return s.children.filter((c): c is Paragraph => c.type === 'paragraph');
}

export function tablesIn(nodes: BodyNode[]): Table[] {
  const out: Table[] = [];
  const walk = (ns: BodyNode[]) => {
    for (const n of ns) {
      if (n.type === 'table') out.push(n);
      else if (n.type === 'section') walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

/** All text of a section: heading and every descendant, in order. */
export function sectionTexts(s: Section): TextNode[] {
  const out: TextNode[] = [s.heading];
  for (const c of s.children) {
    if (c.type === 'section') out.push(...sectionTexts(c));
    else if (c.type === 'paragraph') out.push(c);
  }
  return out;
}

/** Cleans a text value for the record: single spaces, no stray bullets or markdown. */
export function cleanValue(text: string): string {
  return text
    // Markdown markers left in a value (underscores stay: they are part of names and codes).
    .replace(/[*#`]+/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[-–+•]\s*/, '')
    .trim();
}

/** Removes trailing punctuation (; , : .) from a value used as a name. */
export function trimPunct(text: string): string {
  return text.replace(/[\s;,:.]+$/, '').replace(/^[\s;,:.]+/, '').trim();
}

/** "ỦY BAN NHÂN DÂN" → "Ủy ban nhân dân"; "CÙ LAO DUNG" → "Cù Lao Dung". */
export { nameCase } from '../pipeline/text/case.js';

export function sentenceCase(text: string): string {
  const lower = text.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

export function isUpper(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

/** Finds `re` (matched on the loose fold) in a node; returns the match and its range in the value. */
export function findIn(node: TextNode, re: RegExp): { m: RegExpExecArray; from: number; to: number } | null {
  const key = looseFold(node.value);
  const m = re.exec(key);
  if (!m) return null;
  return { m, from: m.index, to: m.index + m[0].length };
}
