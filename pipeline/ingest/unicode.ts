// Text repair for what PDF text layers and OCR return: NFC, and the stray spaces pdf.js
// leaves when a combining mark is drawn as its own glyph ("ứ ng" for "ứng", "hoa ́" for "hoá").

const VOWEL = /[aeiouyăâêôơư]/i;

/**
 * NFC and stray-space repair. A space is removed when it stands before a combining mark, or
 * when the fragment after it cannot be a Vietnamese syllable (no vowel: "ng", "nh", "ch", "c")
 * and the fragment before it ends in a marked vowel ("ứ ng" → "ứng"). A word boundary after a
 * marked vowel followed by a real syllable ("hoá đơn") is kept.
 */
export function repairPdfText(text: string): string {
  let s = text.normalize('NFD').replace(/(\S) +([\u0300-\u036f])/gu, '$1$2');
  s = s.normalize('NFC');
  s = s.replace(/(\p{L}*[\u00c0-\u1ef9]) ([\p{Ll}đ]+)(?=$|[\s,.;:!?)\]”"'])/gu, (match, before: string, after: string) => {
    const tail = after.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    if (VOWEL.test(tail)) return match;
    // Only Vietnamese final consonant clusters can be such a split tail.
    if (!/^(ng|nh|ch|c|t|m|n|p)$/.test(tail)) return match;
    return before + after;
  });
  return s.replace(/[\u00a0\u2000-\u200a\u202f]/g, ' ').replace(/[\u200b-\u200d\ufeff\u00ad]/g, '');
}

/** Share of letters that carry a Vietnamese diacritic (tone or vowel mark, or đ). */
export function vietnameseMarkedShare(text: string): number {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return 0;
  let marked = 0;
  for (const ch of letters) {
    if (ch === 'đ' || ch === 'Đ' || ch.normalize('NFD').length > 1) marked++;
  }
  return marked / letters.length;
}
