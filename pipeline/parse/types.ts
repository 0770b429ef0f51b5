// The document tree of a Vietnamese administrative document (văn bản hành chính), a unist
// tree. Every node parsed from the text has a position in the normalised text; `value`
// holds the node's own text cleaned of markdown and joined over hard-wrapped lines, and
// `offsets` maps each character of `value` back to the normalised text.
import type { Node, Parent, Position } from 'unist';

export interface TextNode extends Node {
  value: string;
  /** `offsets[i]` is the offset in the normalised text of `value[i]` (a joining space takes the next character's). */
  offsets: number[];
  position: Position;
}

// Kinds of list marker, in the usual order of depth (Nghị định 30, phụ lục I):
// I. (roman) → 1. (arabic) → 1.1. (decimal) → a) (letter) → - (dash) → + (plus);
// (1) (paren) and * (star) appear too.
// An article ("Điều 4.") of a regulation is a section too (set by the articles plugin).
export type MarkerKind = 'roman' | 'arabic' | 'decimal' | 'letter' | 'paren' | 'dash' | 'plus' | 'star' | 'article';

export type SectionRole =
  | 'purpose' // mục đích, yêu cầu
  | 'subjects' // đối tượng
  | 'contents' // nội dung thi đua
  | 'period' // thời gian
  | 'organising' // tổ chức phong trào thi đua
  | 'awards' // hình thức, danh hiệu, số lượng khen thưởng
  | 'criteria' // tiêu chuẩn, tiêu chí khen thưởng
  | 'dossier' // hồ sơ, thủ tục, quy trình
  | 'funding' // kinh phí
  | 'implementation' // tổ chức thực hiện
  | 'other';

export interface Paragraph extends TextNode {
  type: 'paragraph';
}

export interface Section extends Parent {
  type: 'section';
  marker: string;
  markerKind: MarkerKind;
  /** The text after the marker (the heading, or the whole item). */
  heading: TextNode;
  /** The line looked like a heading: markdown heading or bold, or no closing punctuation. */
  headingLike: boolean;
  /** What the section is about, from its heading (set by the section-roles plugin). */
  roles?: SectionRole[];
  children: BodyNode[];
  position: Position;
}

export interface TableCell extends TextNode {
  type: 'tableCell';
  /** Bulleted items inside the cell (`<li>`, "- …"), when there are several. */
  items: string[];
}

export interface TableRow extends Parent {
  type: 'tableRow';
  children: TableCell[];
  position: Position;
}

export interface Table extends Parent {
  type: 'table';
  children: TableRow[];
  position: Position;
}

export type BodyNode = Paragraph | Section | Table;

export interface HeaderField extends TextNode {
  type: 'issuerLine' | 'nationalName' | 'motto' | 'docNumber' | 'placeDate' | 'headerOther';
}

export interface Header extends Parent {
  type: 'header';
  children: HeaderField[];
  position: Position;
}

export interface DocType extends TextNode {
  type: 'docType';
  /** Canonical name of the document type ("Kế hoạch"), whatever the case or garble. */
  canonical: string;
}

export interface Title extends TextNode {
  type: 'title';
}

export interface Preamble extends Parent {
  type: 'preamble';
  children: Paragraph[];
  position: Position;
}

export interface Body extends Parent {
  type: 'body';
  children: BodyNode[];
  position: Position;
}

export interface Recipients extends Parent {
  type: 'recipients';
  children: Paragraph[];
  position: Position;
}

export interface SignatureLine extends TextNode {
  type: 'signatureLine';
}

export interface SignatureBlock extends Parent {
  type: 'signature';
  children: SignatureLine[];
  position: Position;
}

export interface Stamp extends TextNode {
  type: 'stamp';
}

export interface Appendix extends Parent {
  type: 'appendix';
  heading: TextNode | null;
  children: BodyNode[];
  position: Position;
}

export type TopNode = Header | DocType | Title | Preamble | Body | Recipients | SignatureBlock | Stamp | Appendix;

export interface AdminRoot extends Parent {
  type: 'root';
  children: TopNode[];
  /** The normalised text the positions refer to. */
  data: { text: string };
  position: Position;
}
