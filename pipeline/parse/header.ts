// The header zone: issuing body lines, Quốc hiệu, Tiêu ngữ, số/ký hiệu, place and date.
import { looseFold } from '../text/fold.js';
import { BLANK_NUMBER_RE, NUMBER_FIELD_RE } from '../recognise/numbers.js';
import { fuzzyFind } from '../text/fuzzy.js';
import type { CleanLine } from './lines.js';
import { type Fragment, textNode, whole } from './nodes.js';
import type { HeaderField } from './types.js';
import { isUpperText } from './predicates.js';
import type { TableRegion } from './tables.js';

interface HeaderLine {
  frags: Fragment[];
  text: string;
}

/** Lines of the header zone, with bold or italic runs wrapped over two lines joined. */
export function headerLines(lines: CleanLine[], from: number, to: number, tables: Map<number, TableRegion>): HeaderLine[] {
  const out: HeaderLine[] = [];
  let open: HeaderLine | null = null;
  let openBold = false;
  for (let i = from; i < to; i++) {
    const line = lines[i];
    const region = tables.get(i);
    if (region && region.data) {
      i = region.end;
      continue;
    }
    if (line.pipe) {
      // A table cell ends any bold run.
      open = null;
      openBold = false;
      continue;
    }
    if (line.blank || line.rule) {
      if (line.openBold) openBold = !openBold;
      if (!openBold) open = null;
      continue;
    }
    const italicOpen = /^\s*\*(?!\*)\S/.test(line.raw) && !/\S\*\s*$/.test(line.raw);
    if (open && (openBold || (open as HeaderLine & { italic?: boolean }).italic)) {
      open.frags.push(whole(line));
      open.text += ' ' + line.text;
      if (/\S\*\s*$/.test(line.raw)) (open as HeaderLine & { italic?: boolean }).italic = false;
    } else {
      open = { frags: [whole(line)], text: line.text };
      if (italicOpen) (open as HeaderLine & { italic?: boolean }).italic = true;
      out.push(open);
    }
    if (line.openBold) openBold = !openBold;
  }
  for (const h of out) h.text = h.text.replace(/^\*+|\*+$/g, '').trim();
  // A date broken over two lines: "Tân Châu, ngày 18 /" + "tháng 11 năm 2025".
  for (let k = 0; k + 1 < out.length; k++) {
    if (/\bng[a-z]{1,3}(\s+\d{1,2})?\s*\/?\s*$/.test(looseFold(out[k].text)) && /^(th[a-z]{2,4}\b|\d)/.test(looseFold(out[k + 1].text))) {
      out[k].frags.push(...out[k + 1].frags);
      out[k].text += ' ' + out[k + 1].text;
      out.splice(k + 1, 1);
    }
  }
  joinFragments(out);
  return out;
}

/**
 * Header lines broken mid-phrase, as two-column headers come out of PDFs and web pages: a
 * one-word line ("ỦY" / "BAN NHÂN DÂN", "Số:" / "96/KH-UBND", "Hà" / "Nội, ngày …") is the start
 * of the next line; the Quốc hiệu broken anywhere ("CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM").
 */
function joinFragments(out: HeaderLine[]): void {
  for (let k = 0; k + 1 < out.length; ) {
    const text = out[k].text.trim();
    const key = looseFold(text).replace(/\s+/g, ' ');
    const nextKey = looseFold(out[k + 1].text).replace(/\s+/g, ' ').trim();
    // A word of letters (OCR debris such as "[ở" or "II" from a table rule is no start of anything).
    const oneWord = /^\p{L}{2,10}:?$/u.test(text) && !/^[IVXL]+$/.test(text);
    const national = NATIONAL_NAME.startsWith(key) && key.length < NATIONAL_NAME.length && NATIONAL_NAME.startsWith(`${key} ${nextKey}`.slice(0, Math.min(NATIONAL_NAME.length, key.length + 1 + nextKey.length)));
    // "THEO QUYẾT ĐỊNH" / "SỐ 1050/QĐ-SCT": the citation goes on; it is not the document's number.
    const citation = CITING.test(key) && /^s[o0-9]{1,2}\b/.test(nextKey);
    if (oneWord || (national && key.length >= 4) || citation) {
      out[k].frags.push(...out[k + 1].frags);
      out[k].text = `${text} ${out[k + 1].text.trim()}`;
      out.splice(k + 1, 1);
    } else k++;
  }
}

const NATIONAL_NAME = 'cong hoa xa hoi chu nghia viet nam';
const PARTY_NAME = 'dang cong san viet nam';
const MOTTO = 'doc lap - tu do - hanh phuc';
// A date line whose day (or month) is left blank for the signer to fill: "ngày    tháng 11 năm 2025".
const DATE_RE = /\bng[a-z]{1,3}\s+(\d{1,2})?[\s./_…]*\/?\s*th[a-z]{2,4}\s+(\d{1,2})?[\s./_…]*\/?\s*n[a-z]{1,3}\s+(\d{4})/;
// "… QUYẾT ĐỊNH SỐ 1050/QĐ-SCT" in the issuer's lines cites another document: not the number.
const CITING = /\b(quyet dinh|ke hoach|chi thi|thong bao|cong van|nghi quyet|huong dan)\s*$/;

/** Splits header lines into fields, also where two columns were flattened into one line. */
export function parseHeader(hlines: HeaderLine[]): HeaderField[] {
  const fields: HeaderField[] = [];
  for (const h of hlines) {
    // Work on a single pseudo-line: map positions in `h.text` to fragments.
    const node = textNode('headerOther', h.frags);
    const key = looseFold(node.value);
    const taken: Array<[number, number, HeaderField['type']]> = [];
    const take = (start: number, end: number, type: HeaderField['type']) => {
      if (taken.some(([a, b]) => start < b && end > a)) return;
      taken.push([start, end, type]);
    };
    for (const [pattern, type, dist] of [
      [NATIONAL_NAME, 'nationalName', 4],
      [PARTY_NAME, 'nationalName', 3],
      [MOTTO, 'motto', 5],
    ] as const) {
      const hit = fuzzyFind(key, pattern, dist);
      if (hit) take(hit.start, hit.end, type);
    }
    const num = NUMBER_FIELD_RE.exec(key) ?? BLANK_NUMBER_RE.exec(key);
    // A cited number stays with the issuer's words, and keeps the place from taking it.
    if (num && CITING.test(key.slice(0, num.index))) take(num.index, num.index + num[0].length, 'issuerLine');
    else if (num) take(num.index, num.index + num[0].length, 'docNumber');
    const date = DATE_RE.exec(key);
    if (date) {
      // The place name stands before the date, after a comma: "Châu Thành, ngày …"
      let start = date.index;
      const before = key.slice(0, date.index);
      const comma = /([\p{L}][\p{L}\s.'-]{0,40}?),\s*$/u.exec(before);
      if (comma) {
        let s = comma.index;
        // Do not take a number or another field into the place name.
        const blocked = taken.filter(([, b]) => b <= date.index).map(([, b]) => b);
        const lastEnd = Math.max(-1, ...blocked);
        if (s < lastEnd) s = lastEnd;
        start = s;
      }
      take(start, date.index + date[0].length, 'placeDate');
    }
    taken.sort((a, b) => a[0] - b[0]);
    let cursor = 0;
    const emit = (a: number, b: number, type: HeaderField['type']) => {
      while (a < b && /[\s,;|*-]/.test(node.value[a])) a++;
      while (b > a && /[\s,;|*]/.test(node.value[b - 1])) b--;
      if (b - a < 2 && type === 'headerOther') return;
      if (b <= a) return;
      fields.push(subField(node, a, b, type));
    };
    for (const [a, b, type] of taken) {
      if (a > cursor) emit(cursor, a, 'issuerLine');
      emit(a, b, type);
      cursor = b;
    }
    if (cursor < node.value.length) emit(cursor, node.value.length, 'issuerLine');
  }
  // Only upper-case free text counts as the issuing body; the rest is other header text.
  return fields.map((f) =>
    f.type === 'issuerLine' && !(isUpperText(f.value) && /\p{L}{2}/u.test(f.value)) ? { ...f, type: 'headerOther' as const } : f,
  );
}

function subField(node: { value: string; offsets: number[]; position: HeaderField['position'] }, a: number, b: number, type: HeaderField['type']): HeaderField {
  const offsets = node.offsets.slice(a, b);
  return {
    type,
    value: node.value.slice(a, b),
    offsets,
    position: {
      start: { ...node.position.start, offset: offsets[0] },
      end: { ...node.position.end, offset: (offsets[offsets.length - 1] ?? 0) + 1 },
    },
  };
}
