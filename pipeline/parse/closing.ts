// The closing zone: recipients (Nơi nhận), signature block and digital-signature stamps.
import { fold } from '../text/fold.js';
import type { CleanLine } from './lines.js';
import { matchMarker } from './markers.js';
import { type Fragment, positionOf, textNode, whole } from './nodes.js';
import type { Paragraph, Recipients, SignatureBlock, SignatureLine, Stamp } from './types.js';
import { DATETIME, isAuthorityLine, isPageNumber, isRecipientsStart, isStampLine, isUpperText } from './predicates.js';

/** Splits the recipients list and the signature block, which extraction often interleaves. */
export function parseClosing(lines: CleanLine[], from: number, to: number): { recipients: Recipients | null; signature: SignatureBlock | null; stamps: Stamp[] } {
  const recipients: Paragraph[] = [];
  const signature: SignatureLine[] = [];
  const stamps: Stamp[] = [];
  let recipientsHeader: Fragment | null = null;
  let lastRecipient: Fragment[] | null = null;
  // Stamp lines: a date-time line and the one or two lines of body name just before it.
  const stampLines = new Set<number>();
  for (let i = from; i < to; i++) {
    if (isStampLine(lines[i])) {
      stampLines.add(i);
      if (DATETIME.test(lines[i].text)) {
        for (let k = i - 1, n = 0; k >= from && n < 2; k--) {
          const l = lines[k];
          if (l.blank) continue;
          if (matchMarker(l.text) || isAuthorityLine(l.text) || isRecipientsStart(l)) break;
          stampLines.add(k);
          n++;
        }
      }
    }
  }
  let openBold = false;
  // Two columns read side by side (a PDF text layer, a DOCX table): "Nơi nhận:⇥TM. ỦY BAN NHÂN
  // DÂN", "- Sở Nội vụ;⇥KT. CHỦ TỊCH". The right column is the signature block.
  const rightColumn: Fragment[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i];
    if (line.blank || line.pipe || line.rule || isPageNumber(line)) continue;
    const tab = line.text.indexOf('\t');
    if (tab > 0 && !line.text.slice(tab + 1).includes('\t') && line.text.slice(tab + 1).trim()) {
      const right = line.text.slice(tab + 1);
      const lead = right.length - right.trimStart().length;
      rightColumn.push({ line, from: tab + 1 + lead, to: line.text.length });
      lines[i] = { ...line, text: line.text.slice(0, tab).trimEnd(), map: line.map.slice(0, line.text.slice(0, tab).trimEnd().length) };
    }
  }
  for (let i = from; i < to; i++) {
    const line = lines[i];
    if (line.blank || line.pipe || line.rule || isPageNumber(line)) continue;
    if (line.text === '') continue;
    if (stampLines.has(i)) {
      stamps.push(textNode('stamp', [whole(line)]) as Stamp);
      continue;
    }
    let frag = whole(line);
    const text = line.text;
    if (isRecipientsStart(line)) {
      // "Nơi nhận: TM. ỦY BAN NHÂN DÂN" — the signature column flattened onto the same line.
      const colon = text.indexOf(':');
      const cut = colon >= 0 ? colon + 1 : /^\S+\s+\S+/.exec(text)?.[0].length ?? text.length;
      recipientsHeader = { ...frag, to: cut };
      const rest = text.slice(cut).trim();
      if (rest) {
        const at = text.indexOf(rest, cut);
        if (/^[-–]/.test(rest)) {
          lastRecipient = [{ line, from: at + (/^[-–]\s*/.exec(rest)?.[0].length ?? 1), to: text.length }];
          recipients.push(textNode('paragraph', lastRecipient) as Paragraph);
        } else signature.push(textNode('signatureLine', [{ line, from: at, to: text.length }]) as SignatureLine);
      }
      continue;
    }
    const dash = /^[-–—•]\s*/.exec(text);
    if (dash && recipientsHeader) {
      frag = { line, from: dash[0].length, to: text.length };
      // "- Sở Nội vụ tỉnh; CHỦ TỊCH": a signature word flattened after the recipient.
      for (const sep of text.matchAll(/[;.]\s+(?=\S)/g)) {
        const at = sep.index! + sep[0].length;
        const tail = text.slice(at);
        if (isUpperText(tail) && tail.replace(/[^\p{L}]/gu, '').length >= 4 && !/[;]/.test(tail)) {
          frag = { ...frag, to: sep.index! + 1 };
          signature.push(textNode('signatureLine', [{ line, from: at, to: text.length }]) as SignatureLine);
          break;
        }
      }
      // Stray OCR marks after the recipient ("; )", "; |").
      let end = frag.to;
      while (end > frag.from && /[\s)|\]}]/.test(text[end - 1]) && !/[;.]/.test(text[end - 1])) end--;
      frag = { ...frag, to: end };
      lastRecipient = [frag];
      recipients.push(textNode('paragraph', lastRecipient) as Paragraph);
      continue;
    }
    const isSignatureText =
      openBold ||
      isAuthorityLine(text) ||
      isUpperText(text) ||
      /^\(?(da ky|ky ten|ky, ghi ro|ky va ghi)/.test(fold(text)) ||
      looksLikeName(text);
    if (!isSignatureText && lastRecipient && recipientsHeader && !/[;.]$/.test(recipients[recipients.length - 1].value)) {
      // A recipient wrapped onto the next line.
      lastRecipient.push(frag);
      recipients[recipients.length - 1] = textNode('paragraph', lastRecipient) as Paragraph;
      continue;
    }
    signature.push(textNode('signatureLine', [frag]) as SignatureLine);
    if (line.openBold) openBold = !openBold;
  }
  // The right column is the signature block; its lines take their place in document order.
  for (const frag of rightColumn) {
    if (isStampLine({ ...frag.line, text: frag.line.text.slice(frag.from, frag.to) } as CleanLine)) continue;
    signature.push(textNode('signatureLine', [frag]) as SignatureLine);
  }
  signature.sort((a, b) => (a.position.start.offset ?? 0) - (b.position.start.offset ?? 0));
  const recipientsNode: Recipients | null =
    recipientsHeader || recipients.length
      ? {
          type: 'recipients',
          children: recipients,
          position: positionOf(recipientsHeader ? [recipientsHeader] : [whole(lines[from])]),
        }
      : null;
  if (recipientsNode && recipients.length) recipientsNode.position = { start: recipientsNode.position.start, end: recipients[recipients.length - 1].position.end };
  const signatureNode: SignatureBlock | null = signature.length
    ? { type: 'signature', children: signature, position: { start: signature[0].position.start, end: signature[signature.length - 1].position.end } }
    : null;
  return { recipients: recipientsNode, signature: signatureNode, stamps };
}

/** Two to six capitalised words, no digits: a person's name. */
export function looksLikeName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || words.length > 7) return false;
  return words.every((w) => /^\p{Lu}[\p{Ll}\p{M}]*\.?$/u.test(w) || /^\p{Lu}+$/u.test(w));
}
