// Spelling by consensus within the document: an OCR-garbled name ("Ngd Nam", "So6c Trang")
// is replaced by the closest well-formed spelling of the same name found elsewhere in the
// document ("NGA NAM", "Soc Trang"), when there is one.
import { looseFold } from '../pipeline/text/fold.js';
import { editDistance } from '../pipeline/text/fuzzy.js';
import { nameCase } from './util.js';

// A Vietnamese syllable without its marks: onset, vowel nucleus, coda.
const SYLLABLE = /^(b|c|ch|d|g|gh|gi|h|k|kh|l|m|n|ng|ngh|nh|p|ph|qu|r|s|t|th|tr|v|x)?(a|e|i|o|u|y|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oai|oay|oe|oi|oo|ua|uai|uay|ue|ui|uo|uoi|uou|uu|uy|uya|uye|uyu|ye|yeu|ieu|uoi|ươ)(c|ch|m|n|ng|nh|p|t|i|y|o|u)?$/;

export function isSyllable(token: string): boolean {
  return SYLLABLE.test(looseFold(token).replace(/[^a-z]/g, ''));
}

/** A well-formed Vietnamese word: every syllable well formed, as typed (no OCR digits or symbols). */
function wellFormed(token: string): boolean {
  return /^\p{L}+$/u.test(token) && SYLLABLE.test(token.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase());
}

export function consensusSpelling(phrase: string, text: string): string {
  const words = phrase.trim().split(/\s+/);
  const cased = (s: string) => (s === s.toUpperCase() ? nameCase(s) : s);
  if (words.every(wellFormed)) return cased(phrase.trim());
  const k = words.length;
  const keys = words.map((w) => looseFold(w).replace(/[^a-z0-9]/g, ''));
  const tokens = [...text.matchAll(/\p{L}+/gu)].map((m) => m[0]);
  const votes = new Map<string, { count: number; distance: number }>();
  for (let i = 0; i + k <= tokens.length; i++) {
    const window = tokens.slice(i, i + k);
    if (!window.every(wellFormed)) continue;
    if (!window.every((w) => /^\p{Lu}/u.test(w))) continue;
    let total = 0;
    let ok = true;
    for (let j = 0; j < k; j++) {
      const d = editDistance(keys[j], looseFold(window[j]), 2);
      if (d > (keys[j].length >= 5 ? 2 : 1)) {
        ok = false;
        break;
      }
      total += d;
    }
    if (!ok) continue;
    const spelled = cased(window.join(' '));
    const v = votes.get(spelled) ?? { count: 0, distance: total };
    v.count++;
    v.distance = Math.min(v.distance, total);
    votes.set(spelled, v);
  }
  let best: [string, { count: number; distance: number }] | null = null;
  for (const entry of votes) {
    if (!best || entry[1].distance < best[1].distance || (entry[1].distance === best[1].distance && entry[1].count > best[1].count)) best = entry;
  }
  return best ? best[0] : cased(phrase.trim());
}
