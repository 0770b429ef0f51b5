// Zones of the document: where the type line, title, preamble, body, closing and appendices start.
import { looseFold } from '../text/fold.js';
import { canonicalDocumentType } from '../lexicon/index.js';
import type { CleanLine } from './lines.js';
import { matchMarker } from './markers.js';
import type { Body, Title } from './types.js';
import { isAppendixHeading, isAttachmentNote, isAuthorityLine, isPreambleStart, isRecipientsStart, isUpperText } from './predicates.js';
import type { TableRegion } from './tables.js';
import { looksLikeName } from './closing.js';

export interface Zones {
  /** A plan attached to a decision ("QUYẾT ĐỊNH Ban hành Kế hoạch …"): the decision's type line. */
  decisionType: number; // line index or -1
  docType: number; // line index or -1
  /** Just past the type line(s): a type broken over two lines ("**QUYẾT" / "ĐỊNH**") takes two. */
  docTypeEnd: number;
  titleFrom: number;
  titleTo: number;
  bodyFrom: number;
  closingFrom: number;
  appendixStarts: number[];
}

/** The document's type line: an upper-case or emphasised type name, also broken over two lines. */
function findDocTypeLine(lines: CleanLine[], tables: Map<number, TableRegion>): { at: number; end: number } {
  const limit = Math.min(lines.length, 120);
  const typeOf = (text: string) => canonicalDocumentType(looseFold(text.replace(/[*:._]+$/g, '').replace(/^[*_]+/g, '').trim()).replace(/\s+/g, ' '));
  for (let i = 0; i < limit; i++) {
    const l = lines[i];
    if (l.blank || tables.get(i)?.data) continue;
    const t = l.text.replace(/[*:.]+$/g, '').trim();
    const type = typeOf(t);
    if (type && (isUpperText(t) || l.emphasised)) return { at: i, end: i + 1 };
    const next = lines[i + 1];
    if (next && !next.blank && /^\S+$/.test(t) && isUpperText(t) && isUpperText(next.text)) {
      const joined = `${t} ${next.text.trim()}`;
      if (typeOf(joined) && next.text.trim().split(/\s+/).length <= 2) return { at: i, end: i + 2 };
    }
    // Stop at the first basis paragraph or first roman section: no type line before it.
    if (isPreambleStart(l.text) && !isUpperText(l.text)) return { at: -1, end: -1 };
  }
  return { at: -1, end: -1 };
}

/** "KẾ HOẠCH" with "(Ban hành kèm theo Quyết định số …)" under it, after another document's type line. */
function findAttachedPlan(lines: CleanLine[], after: number): number {
  for (let k = after + 1; k < lines.length; k++) {
    const l = lines[k];
    if (l.blank) continue;
    const t = l.text.replace(/[*:.]+$/g, '').trim();
    if (canonicalDocumentType(looseFold(t).replace(/\s+/g, ' ')) !== 'Kế hoạch' || !(isUpperText(t) || l.emphasised)) continue;
    for (let n = k + 1; n < Math.min(lines.length, k + 10); n++) if (isAttachmentNote(lines[n].text)) return k;
  }
  return -1;
}

export function findZones(lines: CleanLine[], tables: Map<number, TableRegion>): Zones {
  const typeLine = findDocTypeLine(lines, tables);
  let docType = typeLine.at;
  let docTypeEnd = typeLine.end;
  let decisionType = -1;
  if (docType >= 0) {
    const t = lines[docType].text.replace(/[*:.]+$/g, '').trim();
    if (canonicalDocumentType(looseFold(t).replace(/\s+/g, ' ')) !== 'Kế hoạch') {
      const attached = findAttachedPlan(lines, docType);
      if (attached >= 0) {
        decisionType = docType;
        docType = attached;
        docTypeEnd = attached + 1;
      }
    }
  }
  let i = docType >= 0 ? docTypeEnd : 0;
  // Title: the non-blank lines right after the type line.
  while (i < lines.length && (lines[i].blank || lines[i].rule || lines[i].pipe)) i++;
  const titleFrom = docType >= 0 ? i : -1;
  let titleTo = titleFrom;
  if (docType >= 0) {
    let openBold = false;
    while (i < lines.length) {
      const l = lines[i];
      if (l.blank && !openBold) break;
      if (l.blank) {
        i++;
        continue;
      }
      if (i > titleFrom && !openBold && (isPreambleStart(l.text) || matchMarker(l.text) || isAttachmentNote(l.text))) break;
      if (isAttachmentNote(l.text) && i === titleFrom) break;
      if (l.openBold) openBold = !openBold;
      i++;
      titleTo = i;
    }
  }
  // Body: from the first section marker (roman, else arabic) after the title.
  const after = docType >= 0 ? titleTo : 0;
  let bodyFrom = -1;
  let firstArabic = -1;
  for (let k = after; k < lines.length; k++) {
    const l = lines[k];
    if (tables.get(k)?.data) {
      k = tables.get(k)!.end;
      continue;
    }
    if (isRecipientsStart(l)) break;
    const m = matchMarker(l.text);
    // A roman marker alone on its line ("II", OCR of a table rule) heads nothing.
    const heading = l.text.slice(m?.length ?? 0).replace(/[*_\s.:,]/g, '');
    if (m?.kind === 'roman' && /\p{L}{2}/u.test(heading) && (m.label === 'I' || isUpperText(l.text.slice(m.length)) || l.emphasised)) {
      bodyFrom = k;
      break;
    }
    if (m?.kind === 'arabic' && m.label === '1' && firstArabic < 0) firstArabic = k;
  }
  if (bodyFrom < 0) bodyFrom = firstArabic >= 0 ? firstArabic : after;
  // Closing: "Nơi nhận" or the authority line, after the body starts.
  let closingFrom = lines.length;
  for (let k = bodyFrom; k < lines.length; k++) {
    const l = lines[k];
    if (tables.get(k)?.data) {
      k = tables.get(k)!.end;
      continue;
    }
    if (isRecipientsStart(l) || (isAuthorityLine(l.text) && k > bodyFrom)) {
      closingFrom = k;
      break;
    }
  }
  // Appendices after the closing zone.
  const appendixStarts: number[] = [];
  for (let k = closingFrom; k < lines.length; k++) {
    const l = lines[k];
    const region = tables.get(k);
    if (isAppendixHeading(l.text) || isAttachmentNote(l.text) || (region?.data && !appendixStarts.length)) {
      // The appendix begins at the upper-case heading lines just before.
      let s = k;
      for (let b = k - 1, n = 0; b > closingFrom && n < 4; b--) {
        const p = lines[b];
        if (p.blank) continue;
        if (isUpperText(p.text) && !isAuthorityLine(p.text) && p.text.length > 15 && !looksLikeName(p.text)) {
          s = b;
          n++;
        } else break;
      }
      if (!appendixStarts.length || s > appendixStarts[appendixStarts.length - 1] + 3) {
        if (!(isAttachmentNote(l.text) && appendixStarts.length && k - appendixStarts[appendixStarts.length - 1] < 6)) appendixStarts.push(s);
      }
      if (region) k = region.end;
    }
  }
  return { decisionType, docType, docTypeEnd, titleFrom, titleTo, bodyFrom, closingFrom, appendixStarts };
}
