// OCR post-correction of Vietnamese marks. An OCR engine reads the letters of a word well but
// loses or confuses its marks, most of all the tone mark on a circumflex or breve vowel
// ("khẩn" → "khân", "chống" → "chông"/"chồng", "tổ" → "tô", "để" → "đê", "nắm" → "năm"). Each
// word the engine read is offered, besides its own reading, the syllables that have the same
// letters with another tone (or with the circumflex/breve lost or added); the trigram language
// model of the restoration chooses in context. A reading costs more the further it is from what
// the engine saw, and less when the engine was unsure of the word (its confidence).
import { decodeLattice, type LatticePosition } from './decode.js';
import type { RestoreModel } from './model.js';
import { BOUNDARY, modelSymbol, tokenize } from './tokens.js';
import { applyCase, isWellFormedSyllable, syllableKey, toOldStyle } from './vietnamese.js';

/** One word as the OCR engine read it. */
export interface OcrWordIn {
  text: string;
  /** 0–100 as Tesseract reports it. */
  confidence: number;
  /** A break in the reading before this word (a column gap, a new block): the model's context restarts. */
  breakBefore?: boolean;
}

export interface OcrCorrection {
  /** Index of the word in the input. */
  word: number;
  from: string;
  to: string;
}

/** Channel costs (natural log) of reading a word as another syllable with the same letters. */
export interface OcrChannel {
  /** Another tone on a circumflex or breve vowel (â ê ô ă): the engine's most frequent slip. */
  toneOnHat: number;
  /** Another tone on any other vowel. */
  tone: number;
  /** The circumflex or breve lost or added ("khó" ↔ "khổ", "nắm" ↔ "năm" counts as both). */
  hat: number;
  /** Per missing point of confidence (100 − confidence), the costs above are lowered by this. */
  perDoubt: number;
  /** Words the engine read with at least this confidence are kept as read. */
  trusted: number;
}

export const DEFAULT_CHANNEL: OcrChannel = { toneOnHat: 2.5, tone: 5, hat: 5, perDoubt: 0.03, trusted: 101 };

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const HATS = /[\u0302\u0306]/g;

/** The word without its tone mark, keeping â ê ô ă ơ ư đ: "khẩn" → "khân". */
function toneless(word: string): string {
  return word.normalize('NFD').replace(TONES, '').normalize('NFC');
}
/** The word without tone, circumflex and breve (ơ ư đ kept): "khẩn" → "khan", "nắm" → "nam". */
function hatless(word: string): string {
  return word.normalize('NFD').replace(TONES, '').replace(HATS, '').normalize('NFC');
}
const hasHat = (word: string) => /[\u0302\u0306]/.test(word.normalize('NFD'));

/** Syllables of the model grouped by their letters without tone, circumflex and breve (per model). */
const BY_LETTERS = new WeakMap<RestoreModel, Map<string, number[]>>();
function syllablesByLetters(model: RestoreModel): Map<string, number[]> {
  let map = BY_LETTERS.get(model);
  if (map) return map;
  map = new Map();
  for (const ids of model.candidates.values()) {
    for (const id of ids) {
      const w = model.vocab[id];
      if (!isWellFormedSyllable(w)) continue;
      const key = hatless(w);
      const list = map.get(key);
      if (list) list.push(id);
      else map.set(key, [id]);
    }
  }
  BY_LETTERS.set(model, map);
  return map;
}

const MIN_SHARE = 1e-4;

/**
 * Corrects the marks of OCR'd words in context. Returns the corrected texts (same length as
 * `words`, each word's punctuation and case kept) and the list of changes.
 */
export function correctOcrWords(
  model: RestoreModel,
  words: OcrWordIn[],
  channel: OcrChannel = DEFAULT_CHANNEL,
): { texts: string[]; corrections: OcrCorrection[] } {
  const byLetters = syllablesByLetters(model);
  const lattice: LatticePosition[] = [];
  /** Slots of the lattice that are a word's syllable: which word, which token. */
  const slots: { position: number; word: number; start: number; end: number; ids: number[] }[] = [];
  const boundary: LatticePosition = { ids: [0] };
  words.forEach((word, w) => {
    if (word.breakBefore && lattice.length > 0) lattice.push(boundary);
    const doubt = Math.max(0, 100 - (Number.isFinite(word.confidence) ? word.confidence : 100));
    for (const token of tokenize(word.text)) {
      const symbol = modelSymbol(token);
      if (symbol === null) continue;
      if (symbol === BOUNDARY) {
        lattice.push(boundary);
        continue;
      }
      const own = model.idOf.get(symbol);
      const eligible =
        token.kind === 'word' &&
        word.confidence < channel.trusted &&
        /^\p{L}+$/u.test(token.text) &&
        isWellFormedSyllable(symbol) &&
        // A spelling the model does not know is left alone ("kĩ" where it writes "kỹ"), unless it
        // has no tone: then it is a toned syllable whose mark the engine lost ("tât", "triên").
        (own !== undefined || stripTone(symbol) === '') &&
        // Capitals spelled out, as in an abbreviation, stay ("UBND", "TP").
        !(token.text.length <= 4 && /^\p{Lu}+$/u.test(token.text) && own === undefined);
      const others = eligible ? (byLetters.get(hatless(symbol)) ?? []) : [];
      if (others.length === 0 || (others.length === 1 && others[0] === own)) {
        lattice.push({ ids: [own ?? model.id(symbol)] });
        continue;
      }
      const ids: number[] = [];
      const bonus: number[] = [];
      ids.push(own ?? model.id(symbol));
      bonus.push(0);
      const top = Math.max(...others.map((id) => model.uni[id]));
      const sameD = /đ/.test(symbol);
      for (const id of others) {
        if (id === own) continue;
        const form = model.vocab[id];
        if (/đ/.test(form) !== sameD) continue;
        if (model.uni[id] < top * MIN_SHARE) continue;
        let cost: number;
        if (toneless(form) === toneless(symbol)) cost = hasHat(form) ? channel.toneOnHat : channel.tone;
        else if (hatless(form) === hatless(symbol)) cost = channel.hat + (stripTone(form) === stripTone(symbol) ? 0 : channel.tone * 0.5);
        else continue;
        // An engine loses marks far more often than it invents them: reading a mark away costs more.
        if (stripTone(form) === '' && stripTone(symbol) !== '') cost += channel.tone * 0.5;
        cost = Math.max(0.2, cost - channel.perDoubt * doubt);
        ids.push(id);
        bonus.push(-cost);
      }
      if (ids.length === 1) {
        lattice.push({ ids });
        continue;
      }
      slots.push({ position: lattice.length, word: w, start: token.start, end: token.end, ids });
      lattice.push({ ids, bonus });
    }
  });
  const choice = decodeLattice(model, lattice);
  const texts = words.map((w) => w.text);
  const corrections: OcrCorrection[] = [];
  // Tokens are replaced from the end of each word so that earlier offsets stay valid.
  for (let k = slots.length - 1; k >= 0; k--) {
    const slot = slots[k];
    const c = choice[slot.position];
    if (c === 0) continue;
    const text = texts[slot.word];
    const written = text.slice(slot.start, slot.end);
    const replaced = applyCase(written, model.vocab[slot.ids[c]]);
    if (replaced === written) continue;
    texts[slot.word] = text.slice(0, slot.start) + replaced + text.slice(slot.end);
    corrections.push({ word: slot.word, from: written, to: replaced });
  }
  corrections.reverse();
  return { texts, corrections };
}

/** The tone mark of a syllable alone ('' when none). */
function stripTone(word: string): string {
  return (word.normalize('NFD').match(TONES) ?? []).join('');
}

/** Whether two readings have the same letters without marks (for callers: "khân" ~ "khẩn"). */
export function sameLetters(a: string, b: string): boolean {
  return syllableKey(a) === syllableKey(b) && toOldStyle(a) !== toOldStyle(b);
}
