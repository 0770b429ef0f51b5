// DOCX (Office Open XML): word/document.xml read with @xmldom/xmldom, in document order:
// paragraphs (one line each, with the list label Word would draw: "1.", "a)", "-"), tables
// (one line per row, cells separated by TABs), text boxes (after the paragraph that anchors
// them), and the first section's page header when it holds more than a page number.
// A DOCX has no fixed pages: the text is one page.
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { InputError, type Message } from '../errors.js';
import { t } from '../messages/index.js';
import { DEFAULT_LIMITS } from './limits.js';
import type { IngestDiagnostic, IngestOptions, SourceText } from './types.js';
import { ZipError, ZipReader } from './zip.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export async function readDocx(bytes: Uint8Array, path: string | null, sha256: string, options: IngestOptions): Promise<SourceText> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  try {
    const zip = new ZipReader(bytes, { maxDecompressedBytes: limits.maxDecompressedBytes, maxEntries: limits.maxZipEntries });
    const documentXml = zip.readText('word/document.xml');
    if (documentXml === null) throw docxDamaged(path, { code: 'input.docx-no-document' });
    const diagnostics: IngestDiagnostic[] = [];
    const parse = (xml: string, part: string) => {
      const errors: string[] = [];
      const doc = new DOMParser({
        onError: (level: string, message: string) => {
          if (level !== 'warning') errors.push(message);
        },
      }).parseFromString(xml, 'application/xml');
      if (errors.length > 0 && !doc.documentElement) throw docxDamaged(path, { code: 'input.docx-bad-xml', params: { part } });
      return doc;
    };
    const numbering = new Numbering(zip.readText('word/numbering.xml'), zip.readText('word/styles.xml'), parse);
    const doc = parse(documentXml, 'word/document.xml');
    const body = firstChild(doc.documentElement as unknown as Element, 'body');
    if (!body) throw docxDamaged(path, { code: 'input.docx-no-body' });
    const lines: string[] = [];
    const header = headerText(zip, doc.documentElement as unknown as Element, parse, numbering);
    if (header) lines.push(header, '');
    new BodyWriter(numbering, lines).blocks(body);
    const text = lines.join('\n').replace(/\n{3,}/g, '\n\n').trim().normalize('NFC');
    return { path, sha256, format: 'docx', pages: 1, ocr: false, pageTexts: [{ number: 1, text, ocr: false }], diagnostics };
  } catch (error) {
    if (error instanceof ZipError) {
      if (error.problem === 'invalid') throw docxDamaged(path, error.detail);
      throw new InputError(path, error.problem, error.detail);
    }
    throw error;
  }
}

/** The DOCX is damaged: what is wrong (a catalogue message) in the message's detail. */
function docxDamaged(path: string | null, detail: Message): InputError {
  return new InputError(path, 'damaged-docx', { code: 'input.docx-damaged', params: { detail: t(detail.code, detail.params ?? {}) } });
}

// ---------- XML helpers (namespace-aware, local names)

const isW = (n: Node, local: string) => n.nodeType === 1 && (n as Element).namespaceURI === W && (n as Element).localName === local;

function children(el: Element): Element[] {
  const out: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as Element);
  return out;
}

function firstChild(el: Element | null, local: string): Element | null {
  if (!el) return null;
  return children(el).find((c) => c.namespaceURI === W && c.localName === local) ?? null;
}

function attr(el: Element | null, local: string): string | null {
  if (!el) return null;
  return el.getAttributeNS(W, local) ?? el.getAttribute(`w:${local}`);
}

// ---------- numbering

interface Level {
  format: string;
  text: string;
  start: number;
}

class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  private readonly styleNum = new Map<string, { numId: string; ilvl: number }>();
  private readonly counters = new Map<string, number[]>();

  constructor(numberingXml: string | null, stylesXml: string | null, parse: (xml: string, part: string) => ReturnType<DOMParser['parseFromString']>) {
    if (numberingXml) {
      const root = parse(numberingXml, 'word/numbering.xml').documentElement as unknown as Element;
      for (const el of children(root)) {
        if (isW(el, 'abstractNum')) {
          const levels = new Map<number, Level>();
          for (const lvl of children(el).filter((c) => isW(c, 'lvl'))) {
            levels.set(Number(attr(lvl, 'ilvl') ?? 0), {
              format: attr(firstChild(lvl, 'numFmt'), 'val') ?? 'decimal',
              text: attr(firstChild(lvl, 'lvlText'), 'val') ?? '',
              start: Number(attr(firstChild(lvl, 'start'), 'val') ?? 1),
            });
          }
          this.abstracts.set(attr(el, 'abstractNumId') ?? '', levels);
        } else if (isW(el, 'num')) {
          const starts = new Map<number, number>();
          for (const o of children(el).filter((c) => isW(c, 'lvlOverride'))) {
            const s = attr(firstChild(o, 'startOverride'), 'val');
            if (s !== null) starts.set(Number(attr(o, 'ilvl') ?? 0), Number(s));
          }
          this.nums.set(attr(el, 'numId') ?? '', { abstractId: attr(firstChild(el, 'abstractNumId'), 'val') ?? '', starts });
        }
      }
    }
    if (stylesXml) {
      const root = parse(stylesXml, 'word/styles.xml').documentElement as unknown as Element;
      for (const style of children(root).filter((c) => isW(c, 'style'))) {
        const numPr = firstChild(firstChild(style, 'pPr'), 'numPr');
        const numId = attr(firstChild(numPr, 'numId'), 'val');
        if (numId) this.styleNum.set(attr(style, 'styleId') ?? '', { numId, ilvl: Number(attr(firstChild(numPr, 'ilvl'), 'val') ?? 0) });
      }
    }
  }

  /** The label of a numbered paragraph, advancing its counters; '' when not numbered. */
  label(pPr: Element | null): string {
    if (!pPr) return '';
    const numPr = firstChild(pPr, 'numPr');
    let numId = attr(firstChild(numPr, 'numId'), 'val');
    let ilvl = Number(attr(firstChild(numPr, 'ilvl'), 'val') ?? 0);
    if (!numId) {
      const style = this.styleNum.get(attr(firstChild(pPr, 'pStyle'), 'val') ?? '');
      if (!style) return '';
      numId = style.numId;
      ilvl = style.ilvl;
    }
    if (numId === '0') return '';
    const num = this.nums.get(numId);
    const levels = num ? this.abstracts.get(num.abstractId) : undefined;
    const level = levels?.get(ilvl);
    if (!num || !levels || !level) return '';
    const startOf = (l: number) => num.starts.get(l) ?? levels.get(l)?.start ?? 1;
    const counters = this.counters.get(numId) ?? [];
    for (let l = 0; l < ilvl; l++) if (counters[l] === undefined) counters[l] = startOf(l);
    counters[ilvl] = counters[ilvl] === undefined ? startOf(ilvl) : counters[ilvl] + 1;
    counters.length = ilvl + 1;
    this.counters.set(numId, counters);
    if (level.format === 'none') return '';
    if (level.format === 'bullet') return /^[-–+•*]$/.test(level.text) ? level.text : '-';
    return level.text.replace(/%(\d)/g, (_, d: string) => {
      const l = Number(d) - 1;
      return formatNumber(counters[l] ?? startOf(l), levels.get(l)?.format ?? 'decimal');
    });
  }
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'upperLetter':
      return letters(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    default:
      return String(n);
  }
}

// Vietnamese lists use the Latin letters a, b, c, d, đ, e …: Word's lowerLetter has no đ.
const letters = (n: number) => String.fromCharCode(64 + (((n - 1) % 26) + 1)).repeat(Math.floor((n - 1) / 26) + 1);

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) {
    out += s;
    n -= v;
  }
  return out;
}

// ---------- body

class BodyWriter {
  constructor(
    private readonly numbering: Numbering,
    private readonly out: string[],
  ) {}

  blocks(container: Element): void {
    for (const el of children(container)) {
      if (isW(el, 'p')) this.paragraph(el);
      else if (isW(el, 'tbl')) this.table(el);
      else if (isW(el, 'sdt')) {
        const content = firstChild(el, 'sdtContent');
        if (content) this.blocks(content);
      } else if (isW(el, 'customXml') || isW(el, 'ins')) this.blocks(el);
    }
  }

  paragraph(p: Element): void {
    const boxes: Element[] = [];
    const text = inlineText(p, boxes).replace(/[ \u00a0]+/g, ' ').replace(/ *\t[\t ]*/g, '\t').trim();
    const label = this.numbering.label(firstChild(p, 'pPr'));
    const line = label && text ? `${label} ${text}` : text;
    if (line !== '') this.out.push(line, '');
    for (const box of boxes) this.blocks(box);
  }

  table(tbl: Element): void {
    for (const tr of children(tbl).filter((c) => isW(c, 'tr'))) {
      const cells: string[][] = [];
      for (const tc of children(tr).filter((c) => isW(c, 'tc'))) {
        const tcPr = firstChild(tc, 'tcPr');
        const span = Number(attr(firstChild(tcPr, 'gridSpan'), 'val') ?? 1);
        const vMerge = firstChild(tcPr, 'vMerge');
        const continued = vMerge !== null && attr(vMerge, 'val') !== 'restart';
        let lines: string[] = [];
        if (!continued) {
          const inner: string[] = [];
          new BodyWriter(this.numbering, inner).blocks(tc);
          lines = inner
            .join('\n')
            .split('\n')
            .map((l) => l.replace(/\t/g, ' ').replace(/\s+/g, ' ').trim())
            .filter((l) => l !== '');
        }
        cells.push(lines);
        for (let k = 1; k < span; k++) cells.push([]);
      }
      if (cells.every((c) => c.length === 0)) continue;
      if (cells.length <= 2) {
        // A layout table (header: issuing body | Quốc hiệu; closing: Nơi nhận | signer):
        // the cells' lines side by side, as they are printed.
        const height = Math.max(...cells.map((c) => c.length));
        for (let i = 0; i < height; i++) this.out.push(cells.map((c) => c[i] ?? '').join('\t').replace(/^\t+|\t+$/g, ''));
      } else this.out.push(cells.map((c) => c.join(' ')).join('\t'));
    }
    this.out.push('');
  }
}

/** The text of a paragraph's runs; text boxes found inside are collected into `boxes`. */
function inlineText(node: Element, boxes: Element[]): string {
  let text = '';
  let inFieldCode = false;
  const walk = (el: Element) => {
    for (const c of children(el)) {
      if (c.namespaceURI === MC && c.localName === 'Fallback') continue;
      if (c.namespaceURI === W) {
        switch (c.localName) {
          case 't':
            if (!inFieldCode) text += c.textContent ?? '';
            continue;
          case 'tab':
            if (el.localName === 'r') text += '\t';
            continue;
          case 'br':
          case 'cr':
            if (attr(c, 'type') !== 'page') text += '\n';
            continue;
          case 'noBreakHyphen':
            text += '-';
            continue;
          case 'fldChar': {
            const type = attr(c, 'fldCharType');
            if (type === 'begin') inFieldCode = true;
            else if (type === 'separate' || type === 'end') inFieldCode = false;
            continue;
          }
          case 'instrText':
          case 'delText':
          case 'pPr':
          case 'rPr':
            continue;
          case 'txbxContent':
            boxes.push(c);
            continue;
        }
      }
      walk(c);
    }
  };
  walk(node);
  return text;
}

function headerText(zip: ZipReader, documentEl: Element, parse: (xml: string, part: string) => ReturnType<DOMParser['parseFromString']>, numbering: Numbering): string {
  const rels = zip.readText('word/_rels/document.xml.rels');
  if (!rels) return '';
  const body = firstChild(documentEl, 'body');
  const sectPr = body ? firstChild(body, 'sectPr') ?? null : null;
  const refs = sectPr ? children(sectPr).filter((c) => isW(c, 'headerReference')) : [];
  const ref = refs.find((r) => attr(r, 'type') === 'first') ?? refs.find((r) => attr(r, 'type') === 'default');
  const id = ref?.getAttributeNS(R, 'id') ?? ref?.getAttribute('r:id');
  if (!id) return '';
  const relDoc = parse(rels, 'word/_rels/document.xml.rels');
  const rel = [...Array.from(relDoc.getElementsByTagName('Relationship'))].find((r) => r.getAttribute('Id') === id);
  const target = rel?.getAttribute('Target');
  if (!target) return '';
  const xml = zip.readText(`word/${target.replace(/^\/?word\//, '')}`);
  if (!xml) return '';
  const lines: string[] = [];
  new BodyWriter(numbering, lines).blocks(parse(xml, target).documentElement as unknown as Element);
  const text = lines.filter((l) => l !== '').join('\n');
  // A header that is only a page number (or empty) is furniture.
  return /^[\s\d\-–—/]*$/.test(text) || /^(trang|page)\s*\d+/i.test(text.trim()) ? '' : text;
}
