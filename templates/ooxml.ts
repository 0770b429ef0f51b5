// Small WordprocessingML writer used to build the award-form templates from code, so the
// templates stay reviewable source (this file + mau01.ts + mau08.ts) instead of opaque
// binaries. Only what the forms need: paragraphs, runs, border-less layout tables, one
// bordered list table, page setup by Nghị định 30/2020 (văn thư: A4, margins, Times New Roman).
//
// Template tags ({name}, {#loop}…{/loop}) are written as plain text inside ONE run each,
// which is what docxtemplater needs (it also copes with split runs, but one run is tidy).
import PizZip from 'pizzip';

/** Twentieths of a point per millimetre. */
export const TWIPS_PER_MM = 56.6929;
export const mm = (value: number): number => Math.round(value * TWIPS_PER_MM);

// Nghị định 30/2020 Phụ lục I: A4 210 × 297 mm; top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
export const PAGE = {
  width: mm(210),
  height: mm(297),
  top: mm(20),
  bottom: mm(20),
  left: mm(30),
  right: mm(15),
};
/** Width of the text column. */
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

export const FONT = 'Times New Roman';

export interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Point size (half points are allowed: 13.5). */
  size?: number;
  caps?: boolean;
  /** A box drawn around the text (the DỰ THẢO mark). */
  boxed?: boolean;
}

export interface ParagraphStyle {
  align?: 'left' | 'center' | 'right' | 'both';
  /** Spacing before/after in points. */
  before?: number;
  after?: number;
  /** Line spacing as a multiple (1 = single). */
  line?: number;
  /** First-line indent in mm. */
  firstLine?: number;
  /** Left/right indents in mm. */
  indentLeft?: number;
  indentRight?: number;
  /** A rule drawn under the paragraph (between the indents). */
  ruleBelow?: boolean;
  /** A rule drawn over the paragraph (between the indents). */
  ruleAbove?: boolean;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  /** Default run style for text given as a string. */
  run?: RunStyle;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function runProps(style: RunStyle = {}): string {
  const parts: string[] = [];
  if (style.bold) parts.push('<w:b/><w:bCs/>');
  if (style.italic) parts.push('<w:i/><w:iCs/>');
  if (style.caps) parts.push('<w:caps/>');
  // Element order matters in WordprocessingML (CT_RPr sequence): sz before u before bdr.
  if (style.size) {
    const half = Math.round(style.size * 2);
    parts.push(`<w:sz w:val="${half}"/><w:szCs w:val="${half}"/>`);
  }
  if (style.underline) parts.push('<w:u w:val="single"/>');
  if (style.boxed) parts.push('<w:bdr w:val="single" w:sz="8" w:space="2" w:color="000000"/>');
  return parts.length ? `<w:rPr>${parts.join('')}</w:rPr>` : '';
}

/** One run of text (template tags included verbatim). */
export function run(text: string, style: RunStyle = {}): string {
  return `<w:r>${runProps(style)}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

export function pageBreakRun(): string {
  return '<w:r><w:br w:type="page"/></w:r>';
}

// Paragraph formatting goes into named paragraph styles (styles.xml), one per distinct
// formatting, and paragraphs only reference them: the document XML stays small (docxtemplater's
// render time grows with it) and a template author sees styles in Word. Collected while a body
// is built, written and cleared by packDocx (builds are synchronous).
const styleRegistry = new Map<string, { id: string; xml: string }>();

function styleId(pPr: string, rPr: string): string {
  const key = `${pPr}|${rPr}`;
  let entry = styleRegistry.get(key);
  if (!entry) {
    const n = String(styleRegistry.size + 1).padStart(2, '0');
    const id = `Thidua${n}`;
    entry = {
      id,
      xml: `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${id}"><w:name w:val="thidua ${n}"/><w:basedOn w:val="Normal"/><w:qFormat/>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${rPr}</w:style>`,
    };
    styleRegistry.set(key, entry);
  }
  return entry.id;
}

function takeStyles(): string {
  const xml = [...styleRegistry.values()].map((s) => s.xml).join('');
  styleRegistry.clear();
  return xml;
}

function paragraphProps(style: ParagraphStyle): string {
  const parts: string[] = [];
  // Pagination stays on the paragraph itself (after w:pStyle, in schema order).
  const pagination = (style.keepNext ? '<w:keepNext/>' : '') + (style.pageBreakBefore ? '<w:pageBreakBefore/>' : '');
  if (style.ruleBelow || style.ruleAbove) {
    const edge = style.ruleAbove ? 'top' : 'bottom';
    parts.push(`<w:pBdr><w:${edge} w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>`);
  }
  const before = Math.round((style.before ?? 0) * 20);
  const after = Math.round((style.after ?? 0) * 20);
  const line = Math.round((style.line ?? 1) * 240);
  parts.push(`<w:spacing w:before="${before}" w:after="${after}" w:line="${line}" w:lineRule="auto"/>`);
  if (style.firstLine !== undefined || style.indentLeft !== undefined || style.indentRight !== undefined) {
    const attrs = [
      style.indentLeft !== undefined ? `w:left="${mm(style.indentLeft)}"` : '',
      style.indentRight !== undefined ? `w:right="${mm(style.indentRight)}"` : '',
      style.firstLine !== undefined ? `w:firstLine="${mm(style.firstLine)}"` : '',
    ].filter(Boolean);
    parts.push(`<w:ind ${attrs.join(' ')}/>`);
  }
  if (style.align) parts.push(`<w:jc w:val="${style.align}"/>`);
  return `<w:pPr><w:pStyle w:val="${styleId(parts.join(''), runProps(style.run))}"/>${pagination}</w:pPr>`;
}

/** A paragraph; `content` is plain text (one run, formatted by the paragraph's style) or runs. */
export function paragraph(content: string | string[], style: ParagraphStyle = {}): string {
  const runs = typeof content === 'string' ? (content === '' ? '' : run(content)) : content.join('');
  return `<w:p>${paragraphProps(style)}${runs}</w:p>`;
}

export interface Cell {
  /** Width in twips. */
  width: number;
  content: string[];
  /** Columns spanned. */
  span?: number;
  verticalAlign?: 'top' | 'center' | 'bottom';
}

export interface TableOptions {
  columns: number[];
  borders: boolean;
  /** Rows (XML from `row()`). */
  rows: string[];
  /** Centre the table on the page. */
  center?: boolean;
}

export function row(cells: Cell[], options: { header?: boolean; cantSplit?: boolean } = {}): string {
  const trPr = [options.header ? '<w:tblHeader/>' : '', options.cantSplit ? '<w:cantSplit/>' : ''].join('');
  const tcs = cells
    .map((cell) => {
      const span = cell.span && cell.span > 1 ? `<w:gridSpan w:val="${cell.span}"/>` : '';
      const valign = cell.verticalAlign ? `<w:vAlign w:val="${cell.verticalAlign}"/>` : '';
      return `<w:tc><w:tcPr><w:tcW w:w="${cell.width}" w:type="dxa"/>${span}${valign}</w:tcPr>${cell.content.join('')}</w:tc>`;
    })
    .join('');
  return `<w:tr>${trPr ? `<w:trPr>${trPr}</w:trPr>` : ''}${tcs}</w:tr>`;
}

export function table(options: TableOptions): string {
  const total = options.columns.reduce((a, b) => a + b, 0);
  const border = options.borders ? 'single' : 'nil';
  const edges = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((edge) => `<w:${edge} w:val="${border}" w:sz="4" w:space="0" w:color="000000"/>`)
    .join('');
  const margins = options.borders
    ? '<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar>'
    : '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>';
  const tblPr =
    `<w:tblPr><w:tblW w:w="${total}" w:type="dxa"/>${options.center ? '<w:jc w:val="center"/>' : ''}` +
    `<w:tblBorders>${edges}</w:tblBorders><w:tblLayout w:type="fixed"/>${margins}<w:tblLook w:val="0000"/></w:tblPr>`;
  const grid = `<w:tblGrid>${options.columns.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  return `<w:tbl>${tblPr}${grid}${options.rows.join('')}</w:tbl>`;
}

// Only the namespaces the parts use: a smaller document renders faster.
const NS =
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/**
 * Page numbers by Nghị định 30: centred in the top margin, Arabic numerals, 13–14 pt, not shown
 * on the first page (a distinct, empty first-page header: w:titlePg).
 */
function headerXml(): string {
  const pageField =
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>' +
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr ${NS}><w:p><w:pPr><w:jc w:val="center"/><w:rPr><w:sz w:val="28"/></w:rPr></w:pPr>${pageField}</w:p></w:hdr>`;
}

function emptyHeaderXml(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr ${NS}><w:p><w:pPr><w:spacing w:after="0"/></w:pPr></w:p></w:hdr>`;
}

function stylesXml(bodySize: number, custom: string): string {
  const half = bodySize * 2;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
    `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}" w:eastAsia="${FONT}" w:cs="${FONT}"/>` +
    `<w:sz w:val="${half}"/><w:szCs w:val="${half}"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
    `<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
    `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>` +
    `<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
    custom +
    `</w:styles>`
  );
}

const SETTINGS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  '<w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>' +
  '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>';

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>' +
  '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' +
  '<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '</Types>';

const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '</Relationships>';

const DOCUMENT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>' +
  '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>' +
  '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>' +
  '</Relationships>';

function coreXml(title: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>thidua</dc:creator><dc:language>vi-VN</dc:language></cp:coreProperties>`
  );
}

export function documentXml(body: string[]): string {
  const sectPr =
    `<w:sectPr><w:headerReference w:type="default" r:id="rId3"/><w:headerReference w:type="first" r:id="rId4"/>` +
    `<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"/>` +
    `<w:pgMar w:top="${PAGE.top}" w:right="${PAGE.right}" w:bottom="${PAGE.bottom}" w:left="${PAGE.left}" w:header="${mm(10)}" w:footer="${mm(10)}" w:gutter="0"/>` +
    `<w:titlePg/></w:sectPr>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>${body.join('')}${sectPr}</w:body></w:document>`;
}

/** Packs a document body into a complete .docx (deterministic: fixed file dates). */
export function packDocx(body: string[], options: { title: string; bodySize?: number }): Uint8Array {
  const zip = new PizZip();
  const date = new Date('2025-01-01T00:00:00Z');
  const add = (name: string, text: string) => zip.file(name, text, { date });
  add('[Content_Types].xml', CONTENT_TYPES);
  add('_rels/.rels', ROOT_RELS);
  add('docProps/core.xml', coreXml(options.title));
  add('word/document.xml', documentXml(body));
  const styles = takeStyles();
  add('word/_rels/document.xml.rels', DOCUMENT_RELS);
  add('word/styles.xml', stylesXml(options.bodySize ?? 14, styles));
  add('word/settings.xml', SETTINGS);
  add('word/header1.xml', headerXml());
  add('word/header2.xml', emptyHeaderXml());
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}
