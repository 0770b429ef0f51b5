// Latin-OCR garble: a Latin-only OCR engine writes what it can for Vietnamese letters outside
// its alphabet — "S6" (Số), "Péc lap" (Độc lập), "Tw do" (Tự do), "hi€u" (hiệu), "ctia" (của),
// "chirc" (chức), "ngudi" (người), "x4" (xã), "Qiéy" (Giấy). This module is the channel model:
// for a garbled token it proposes the unmarked syllable keys it may stand for, each with a cost
// (negative log-score); the language model then chooses among their marked forms.
import type { RestoreModel } from './model.js';
import type { KeyAlternative } from './restore.js';
import { syllableKey } from './vietnamese.js';

interface Rewrite {
  /** Garbled characters (lower case) read at this position. */
  from: string;
  /** Unmarked letters they stand for ('' = a spurious character). */
  to: string;
  cost: number;
  /** Only at the start of the token. */
  initial?: boolean;
  /** Only after the start of the token. */
  inner?: boolean;
}

// Costs are in nats, against language-model log-probabilities: ~0.3 a very common confusion,
// ~1.5 a possible but rarer one.
const REWRITES: Rewrite[] = [
  // Digits for letters: "S6" số, "x4" xã, "1a" là, "No1" nội, "s0" số, "So6c" Sóc.
  { from: '6', to: 'o', cost: 0.3 },
  { from: '6', to: '', cost: 1.2, inner: true },
  { from: '0', to: 'o', cost: 0.4 },
  { from: '0', to: '', cost: 1.2, inner: true },
  { from: '4', to: 'a', cost: 0.3 },
  { from: '3', to: 'a', cost: 0.5 },
  { from: '8', to: 'a', cost: 1.2 },
  { from: '1', to: 'l', cost: 0.4, initial: true },
  { from: '1', to: 'i', cost: 0.5, inner: true },
  { from: '5', to: 's', cost: 1.0 },
  // Symbols: hi€u hiệu, ¢) c), K& Kế, ¥ ý.
  { from: '€', to: 'e', cost: 0.3 },
  { from: '€é', to: 'e', cost: 0.3 },
  { from: '¢', to: 'c', cost: 0.6 },
  { from: '¢', to: 'e', cost: 0.6 },
  { from: '¢', to: 'o', cost: 1.0 },
  { from: '¢', to: '', cost: 1.2, inner: true },
  { from: '&', to: 'e', cost: 0.5 },
  { from: '&', to: 'a', cost: 0.8 },
  { from: 'j', to: 'i', cost: 0.3 },
  { from: 'ia', to: 'ua', cost: 0.8, inner: true },
  { from: 't', to: '', cost: 1.6, inner: true },
  { from: 'i', to: '', cost: 1.4, inner: true },
  { from: '£', to: 'e', cost: 0.5 },
  { from: '¥', to: 'y', cost: 0.3 },
  { from: '©', to: 'c', cost: 0.6 },
  // Vowels with horns and hooks: Tw Tự, uw ư, ctia của, nhitng những, chirc chức, ciia của.
  { from: 'w', to: 'u', cost: 0.3 },
  { from: 'uw', to: 'u', cost: 0.3 },
  { from: 'ii', to: 'u', cost: 0.5, inner: true },
  { from: 'ti', to: 'u', cost: 0.8, inner: true },
  { from: 'it', to: 'u', cost: 0.8, inner: true },
  { from: 'ir', to: 'u', cost: 0.5, inner: true },
  { from: 'ir', to: 'u', cost: 1.0, initial: true },
  { from: 'ti', to: 'u', cost: 1.2, initial: true },
  { from: 'ur', to: 'u', cost: 0.8, inner: true },
  { from: 'yu', to: 'u', cost: 0.5, inner: true },
  { from: 'y', to: 'u', cost: 1.0, inner: true },
  { from: 'il', to: 'u', cost: 1.0, inner: true },
  { from: 'l', to: 'u', cost: 1.5, inner: true },
  { from: 'l', to: 'i', cost: 1.5, inner: true },
  { from: 'i', to: 'u', cost: 1.6, inner: true },
  { from: 'i', to: 'a', cost: 1.6, inner: true },
  { from: 't', to: 'u', cost: 2.0, initial: true },
  { from: 't', to: 'i', cost: 2.0, inner: true },
  // Dots and hooks read as letters: ngudi người, ddi đối, vuogt vượt, Iwgng lượng, sdu sâu.
  { from: 'd', to: 'o', cost: 0.8, inner: true },
  { from: 'd', to: 'a', cost: 0.8, inner: true },
  { from: 'd', to: '', cost: 1.2, inner: true },
  { from: 'b', to: 'o', cost: 1.0, inner: true },
  { from: 'g', to: 'o', cost: 1.2, inner: true },
  { from: 'g', to: '', cost: 1.2, inner: true },
  { from: 'o', to: '', cost: 1.2, inner: true },
  { from: 'e', to: 'a', cost: 1.2 },
  { from: 'e', to: 'o', cost: 1.2 },
  { from: 'e', to: 'c', cost: 1.5, inner: true },
  { from: 'e', to: '', cost: 1.4, inner: true },
  { from: 'a', to: '', cost: 2.0, inner: true },
  { from: 't', to: 'u', cost: 1.0, inner: true },
  { from: 'm', to: 'n', cost: 1.5, inner: true },
  { from: 'im', to: 'un', cost: 0.8, inner: true },
  { from: 'q', to: 'g', cost: 0.8, initial: true },
  { from: 'q', to: 'n', cost: 1.5, initial: true },
  { from: 'i', to: 'l', cost: 0.8, initial: true },
];

// Base letters of accented Latin letters (marks in garbled text are not reliable).
function baseLetter(ch: string): string {
  return syllableKey(ch);
}

const MAX_COST = 2.8;
/** Extra cost of reading a token that is a valid key as written as another key. */
const VALID_AS_WRITTEN_PENALTY = 2.0;
const MAX_ALTERNATIVES = 6;

/** Prefixes of every key the model can restore (to prune the search). */
const prefixCache = new WeakMap<RestoreModel, Set<string>>();
function keyPrefixes(model: RestoreModel): Set<string> {
  let set = prefixCache.get(model);
  if (!set) {
    set = new Set<string>(['']);
    for (const key of model.candidates.keys()) for (let i = 1; i <= key.length; i++) set.add(key.slice(0, i));
    prefixCache.set(model, set);
  }
  return set;
}

/** All-capital tokens without a vowel are abbreviations (UBND, TW, HDND): never repaired. */
export function isAbbreviation(token: string): boolean {
  return /^[A-ZĐ]{2,}$/.test(token) && (!/[AEIOUY]/.test(token) || ABBREVIATIONS.has(token));
}

/** Abbreviations with a vowel (UBND: Ủy ban nhân dân). */
const ABBREVIATIONS = new Set(['UBND', 'UBMTTQ', 'BHYT', 'CNTT', 'UBKT', 'HTX', 'DN', 'DNNN', 'GDDT', 'GDĐT', 'KHCN', 'TNHH', 'CBCCVC', 'THCS', 'THPT', 'TTHC', 'BCH', 'BTV', 'TU', 'HU', 'ĐU', 'DU', 'CAT', 'CAH']);

/**
 * Keys a garbled token may stand for, with costs, best first; null when the token is left as
 * written (abbreviations, codes such as PV01, words no key can explain).
 */
export function garbleAlternatives(model: RestoreModel, token: string, followedByMarker = false): KeyAlternative[] | null {
  if (isAbbreviation(token)) return null;
  const chars = [...token];
  // One-letter tokens: list items ("a)", "e)") stay; "¢" is c; a lone consonant lost its
  // vowel ("Chi s thanh phan" = Chỉ số thành phần, "b may" = bộ máy).
  if (chars.length === 1) {
    if (token === '¢') return [{ key: 'c', cost: 0.1 }];
    if (token === '¥') return [{ key: 'y', cost: 0.3 }];
    if (!/^[bcdghklmnpqrstvx]$/.test(token) || followedByMarker) return null;
    const alts: KeyAlternative[] = [];
    for (const v of ['o', 'a', 'e', 'u', 'i']) if (model.candidates.has(token + v)) alts.push({ key: token + v, cost: 1.5 });
    return alts.length ? alts : null;
  }
  // Codes: capitals and digits (PV01, H5N1) stay.
  if (/^[A-Z]+\d+$/.test(token) && token.length > 2 && !/^[SX]\d$/.test(token)) return null;
  const prefixes = keyPrefixes(model);
  const best = new Map<string, number>();
  // Initial capital P (not Ph) and B read for Đ: Péc Độc, PUA ĐUA, Bdi Đối; DB/bB too.
  const starts: { at: number; out: string; cost: number }[] = [{ at: 0, out: '', cost: 0 }];
  if (chars[0] === 'P' && chars[1] !== undefined && !/[hH]/.test(chars[1])) starts.push({ at: 1, out: 'd', cost: 0.3 });
  if (chars[0] === 'B') starts.push({ at: 1, out: 'd', cost: 0.8 });
  if ((chars[0] === 'D' && chars[1] === 'B') || (chars[0] === 'b' && chars[1] === 'B')) starts.push({ at: 2, out: 'd', cost: 0.3 });
  const lower = chars.map((c) => c.toLowerCase());
  // Capital Q inside a capitalised word reads O: HQI HỘI, TUQNG TƯỢNG.
  const capitalQ = chars.map((c, i) => c === 'Q' && i > 0);
  const n = chars.length;
  const visit = (at: number, out: string, cost: number) => {
    if (cost > MAX_COST || !prefixes.has(out)) return;
    if (at === n) {
      if (model.candidates.has(out)) {
        const prev = best.get(out);
        if (prev === undefined || cost < prev) best.set(out, cost);
      }
      return;
    }
    const ch = lower[at];
    // As written (accented Latin letters → their base letter).
    const base = baseLetter(ch);
    if (/^[a-z]$/.test(base) && base !== 'w') visit(at + 1, out + base, cost + (capitalQ[at] ? 1.0 : 0));
    if (capitalQ[at]) visit(at + 1, out + 'o', cost + 0.3);
    // Accented vowels that stand for another vowel or nothing: Céac Các, thudéng thưởng.
    if (base !== ch && /^[aeiouy]$/.test(base)) {
      for (const v of ['a', 'o', 'e', 'u']) if (v !== base) visit(at + 1, out + v, cost + 1.2);
      if (at > 0) visit(at + 1, out, cost + 1.2);
    }
    for (const r of REWRITES) {
      if (r.initial && at !== 0) continue;
      if (r.inner && at === 0) continue;
      if (r.from.length === 1) {
        if (r.from !== ch && r.from !== base) continue;
        visit(at + 1, out + r.to, cost + r.cost);
      } else {
        let ok = true;
        for (let k = 0; k < r.from.length; k++) if (lower[at + k] !== r.from[k] && baseLetter(lower[at + k] ?? '') !== r.from[k]) ok = false;
        if (ok) visit(at + r.from.length, out + r.to, cost + r.cost);
      }
    }
  };
  for (const s of starts) visit(s.at, s.out, s.cost);
  if (best.size === 0) return null;
  const own = syllableKey(token);
  if (best.get(own) === 0) for (const [key, cost] of best) if (key !== own) best.set(key, cost + VALID_AS_WRITTEN_PENALTY);
  return [...best]
    .sort((a, b) => a[1] - b[1])
    .slice(0, MAX_ALTERNATIVES)
    .map(([key, cost]) => ({ key, cost }));
}
