// Restoring the marks of stripped Vietnamese text, token in place: only the letters of words
// change; spacing, line breaks, punctuation, numbers and symbols stay as they are.
import { lineStarts, pointAt } from '../text/positions.js';
import { decodeLattice, type LatticePosition } from './decode.js';
import type { RestoreModel } from './model.js';
import { BOUNDARY, modelSymbol, tokenize, type Token } from './tokens.js';
import { applyCase, applyRepairedCase, casePattern, isWellFormedSyllable, syllableKey, toOldStyle } from './vietnamese.js';

/** Weight of "this word is often written with a capital" for capitalised words mid-sentence. */
const CAPITAL_WEIGHT = 0.6;
/** Bonus for a name syllable on a line that holds a personal name alone ("Kim Thai Phong"). */
const NAME_BONUS = 2.0;
/** Bonus for the reading a garbled word is written with, when that is a known syllable. */
const TRUST_WRITTEN = 1.0;
/** Candidates rarer than this share of the key's most frequent one are dropped (speed). */
const MIN_CANDIDATE_SHARE = 5e-4;
const MAX_CANDIDATES = 10;

/** A candidate key for a token with a channel cost (garble repair offers several). */
export interface KeyAlternative {
  key: string;
  /** Negative log-score of reading the token as this key (0: as written). */
  cost: number;
}

export interface RestoreOptions {
  /** Alternatives for a word token (garble repair); null → the token's own key only. */
  alternatives?: (token: Token) => KeyAlternative[] | null;
  /** Restore only the words of these lines (1-based); others are context and stay. */
  lines?: Set<number>;
  /** Beam width of the decoder. */
  beam?: number;
  /** Syllables of personal names (lower case) and how often the name list has them: preferred on lines that are a name alone. */
  names?: Map<string, number>;
}

export interface RestoredWord {
  token: Token;
  /** The restored word (case of the source applied). */
  text: string;
  /** Line number (1-based). */
  line: number;
  /** Candidate keys were alternatives from garble repair (the word's letters changed). */
  repaired: boolean;
  /** Channel cost of the chosen reading (0: the letters as written). */
  cost: number;
}

export interface RestoreResult {
  text: string;
  words: RestoredWord[];
}

interface Slot extends LatticePosition {
  token: Token | null;
  ids: number[];
  bonus: number[];
  /** Candidates come from garble repair alternatives (the word's letters change). */
  repaired: boolean[] | null;
  cost: number[] | null;
  restorable: boolean;
}

/** Restores the marks of every unmarked (or garbled) Vietnamese word of `text`. */
export function restoreWithModel(model: RestoreModel, text: string, options: RestoreOptions = {}): RestoreResult {
  const tokens = tokenize(text);
  const lineOf = lineIndex(text);
  const positions: Slot[] = [];
  const fixedCache = new Map<number, Slot>();
  const keyCache = new Map<string, Slot | null>();
  const altSlots = new Map<KeyAlternative[], Map<string, Slot | null>>();
  const fixed = (id: number): Slot => {
    let slot = fixedCache.get(id);
    if (!slot) fixedCache.set(id, (slot = { token: null, ids: [id], bonus: [0], repaired: null, cost: null, restorable: false }));
    return slot;
  };
  const nameLines = options.names ? personNameLines(text) : new Set<number>();
  const build = (token: Token, alts: KeyAlternative[], capitalised: boolean, ownKey: string, nameLine = false): Slot | null => {
    const slot: Slot = { token, ids: [], bonus: [], repaired: [], cost: [], restorable: true };
    // A word written with marks that form a known syllable keeps that reading as a candidate,
    // preferred (a Latin-only OCR writes some marks right: "ngày", "các").
    const written = model.idOf.get(toOldStyle(token.text.normalize('NFC').toLowerCase()));
    const writtenId = written !== undefined && syllableKey(token.text) !== token.text.toLowerCase() && isWellFormedSyllable(model.vocab[written]) ? written : -1;
    for (const alt of alts) {
      const ids = model.candidates.get(alt.key);
      if (!ids) continue;
      const top = model.uni[ids[0]];
      let taken = 0;
      for (let k = 0; k < ids.length && taken < MAX_CANDIDATES && slot.ids.length < 60; k++) {
        const id = ids[k];
        if (k > 0 && model.uni[id] < top * MIN_CANDIDATE_SHARE && !(id === writtenId && alt.key === ownKey)) continue;
        slot.ids.push(id);
        slot.bonus.push(
          -alt.cost +
            (nameLine
              ? options.names!.has(model.vocab[id])
                ? NAME_BONUS + Math.log(options.names!.get(model.vocab[id])!)
                : 0
              : capitalised
                ? CAPITAL_WEIGHT * model.capitalLogShare(id)
                : 0) +
            (id === writtenId ? TRUST_WRITTEN : 0),
        );
        slot.repaired!.push(alt.key !== ownKey);
        slot.cost!.push(alt.cost);
        taken++;
      }
    }
    return slot.ids.length ? slot : null;
  };
  const restorable: { index: number; token: Token }[] = [];
  const replacements: { start: number; end: number; text: string }[] = [];
  let prevSymbol = BOUNDARY;
  let prevWordUpper = false;
  for (const token of tokens) {
    // An apostrophe glued between two words is an OCR artefact ("S6'Noi vu" = Sở Nội vụ): no context break.
    if (token.kind === 'punct' && /^['’`]$/.test(token.text) && /\p{L}|\p{N}/u.test(text[token.start - 1] ?? '') && /\p{L}/u.test(text[token.end] ?? '')) continue;
    const symbol = modelSymbol(token);
    if (symbol === null) continue;
    if (symbol === BOUNDARY && prevSymbol === BOUNDARY) continue;
    // Two header columns read into one line ("THI XA NGA NAM Doc lap - Tu do"): a capitalised
    // word right after a run of capitals starts a new segment for the model.
    const pattern = token.kind === 'word' ? casePattern(token.text) : null;
    if (pattern === 'title' && prevWordUpper && prevSymbol !== BOUNDARY) {
      positions.push(fixed(0));
      prevSymbol = BOUNDARY;
    }
    if (token.kind === 'word') prevWordUpper = pattern === 'upper' && token.text.length > 1 && !/\d/.test(token.text);
    const midSentence = prevSymbol !== BOUNDARY && prevSymbol !== ':';
    prevSymbol = symbol;
    // List markers ("a)", "e.", "A.") stay as they are.
    const listMarker = token.text.length === 1 && /^[).]/.test(text.slice(token.end, token.end + 1));
    // Capitals inside a document symbol ("128/KH-CAT", "NQ/TW") stay.
    // …and so do capitals in parentheses: an abbreviation being introduced ("Công an tỉnh (CAT)").
    const inSymbol =
      /^[A-ZĐ]{2,}$/.test(token.text) &&
      (symbolNeighbour(model, text, token) || (text[token.start - 1] === '(' && text[token.end] === ')'));
    if (token.kind !== 'word' || listMarker || (inSymbol && !restoredAbbreviation(text, token)) || (options.lines && !options.lines.has(lineOf(token.start)))) {
      positions.push(fixed(model.id(symbol)));
      continue;
    }
    const abbreviation = restoredAbbreviation(text, token);
    if (abbreviation) {
      replacements.push({ start: token.start, end: token.end, text: abbreviation });
      positions.push(fixed(model.id(abbreviation.toLowerCase())));
      continue;
    }
    const nameLine = nameLines.size > 0 && nameLines.has(lineOf(token.start));
    // On a name line, a word that reads as a syllable is taken as written (no garble repair).
    const asWritten = nameLine && ASCII_WORD.test(symbol) && model.candidates.has(symbol);
    const alternatives = asWritten ? null : (options.alternatives?.(token) ?? null);
    const capitalised = (midSentence || nameLine) && casePattern(token.text) === 'title';
    let slot: Slot | null;
    if (alternatives === null) {
      // A word that already carries marks, or is not a syllable, stays.
      if (!ASCII_WORD.test(symbol) || !model.candidates.has(symbol)) {
        positions.push(fixed(model.id(symbol)));
        continue;
      }
      const cacheKey = symbol + (capitalised ? '^' : '') + (nameLine ? '#' : '');
      slot = keyCache.get(cacheKey) ?? null;
      if (!keyCache.has(cacheKey)) keyCache.set(cacheKey, (slot = build(token, [{ key: symbol, cost: 0 }], capitalised, symbol, nameLine)));
    } else {
      // Garble repair hands out the same alternatives (one array per distinct token) for a
      // word each time it occurs: its slot is built once.
      let byText = altSlots.get(alternatives);
      if (!byText) altSlots.set(alternatives, (byText = new Map()));
      const cacheKey = token.text + (capitalised ? '^' : '') + (nameLine ? '#' : '');
      slot = byText.get(cacheKey) ?? null;
      if (!byText.has(cacheKey)) byText.set(cacheKey, (slot = build(token, alternatives, capitalised, syllableKey(token.text), nameLine)));
    }
    if (!slot) {
      positions.push(fixed(model.id(symbol)));
      continue;
    }
    restorable.push({ index: positions.length, token });
    positions.push(slot);
  }
  const choice = decodeInChunks(model, positions, options.beam);
  // Write the chosen forms back in place.
  const words: RestoredWord[] = [];
  let out = '';
  let last = 0;
  for (const { index, token } of restorable) {
    const slot = positions[index];
    const k = choice[index];
    const form = model.vocab[slot.ids[k]];
    const garbled = slot.repaired?.[k] || (!ASCII_LETTERS.test(token.text) && syllableKey(token.text) !== token.text.toLowerCase());
    const restored = garbled ? applyRepairedCase(token.text, form) : applyCase(token.text, form);
    words.push({
      token,
      text: restored,
      line: lineOf(token.start),
      repaired: slot.repaired?.[k] ?? false,
      cost: slot.cost?.[k] ?? 0,
    });
    if (restored !== token.text) replacements.push({ start: token.start, end: token.end, text: restored });
  }
  replacements.sort((a, b) => a.start - b.start);
  for (const r of replacements) {
    out += text.slice(last, r.start) + r.text;
    last = r.end;
  }
  out += text.slice(last);
  return { text: out, words };
}

const ASCII_WORD = /^[a-z]+$/;
const ASCII_LETTERS = /^[A-Za-z]+$/;

// Abbreviations written without Đ in stripped text: HĐND (Hội đồng nhân dân), TĐKT (thi đua khen
// thưởng), ĐBQH (đại biểu Quốc hội), BCĐ (Ban Chỉ đạo); QĐ (Quyết định) and NĐ (Nghị định)
// only inside document symbols ("15/QD-UBND", "NĐ-CP").
const ABBREVIATION_RESTORE: Record<string, string> = { HDND: 'HĐND', TDKT: 'TĐKT', DBQH: 'ĐBQH', BCD: 'BCĐ', HDTDKT: 'HĐTĐKT' };
const SYMBOL_ABBREVIATION_RESTORE: Record<string, string> = { QD: 'QĐ', ND: 'NĐ', TTLT: 'TTLT' };

function restoredAbbreviation(text: string, token: Token): string | null {
  if (token.text.length > 6 || !/^[A-Z]{2}/.test(token.text)) return null;
  const direct = ABBREVIATION_RESTORE[token.text];
  if (direct) return direct;
  const inSymbol = SYMBOL_ABBREVIATION_RESTORE[token.text];
  if (inSymbol && inSymbol !== token.text && (/[-/]/.test(text[token.start - 1] ?? '') || /[-/]/.test(text[token.end] ?? ''))) return inSymbol;
  return null;
}

const CHUNK = 20_000;

/**
 * Decodes long texts piece by piece, cutting at sentence or paragraph boundaries, so that
 * memory stays bounded (the decoder keeps back pointers for every position).
 */
function decodeInChunks(model: RestoreModel, positions: LatticePosition[], beam?: number): number[] {
  if (positions.length <= CHUNK * 1.5) return decodeLattice(model, positions, beam);
  const choice: number[] = [];
  let start = 0;
  while (start < positions.length) {
    let end = Math.min(positions.length, start + CHUNK);
    if (end < positions.length) {
      // Extend to the next boundary (id 0) so that no sentence is cut.
      let k = end;
      while (k < positions.length && k < end + CHUNK && !(positions[k].ids.length === 1 && positions[k].ids[0] === 0)) k++;
      end = Math.min(positions.length, k + 1);
    }
    const part = decodeLattice(model, positions.slice(start, end), beam);
    for (const c of part) choice.push(c);
    start = end;
  }
  return choice;
}

/**
 * Whether a capitalised word is part of a document symbol: joined by "-" or "/" to a number or
 * to an abbreviation that is no syllable ("128/KH-CAT", "NQ/TW"), unlike "THI ĐUA-KHEN THƯỞNG".
 */
function symbolNeighbour(model: RestoreModel, text: string, token: Token): boolean {
  const before = /([\p{L}\p{N}]+)[-/]$/u.exec(text.slice(Math.max(0, token.start - 12), token.start))?.[1];
  const after = /^[-/]([\p{L}\p{N}]+)/u.exec(text.slice(token.end, token.end + 12))?.[1];
  const codeLike = (w: string | undefined) => w !== undefined && (/^\d/.test(w) || (/^[A-ZĐ]+$/.test(w) && !model.candidates.has(w.toLowerCase())));
  return codeLike(before) || codeLike(after);
}

/** Lines that hold a personal name alone: two to four capitalised words, nothing else. */
function personNameLines(text: string): Set<number> {
  const out = new Set<number>();
  text.split('\n').forEach((line, i) => {
    // Markdown emphasis and table bars around the name are allowed ("**Tran Van Hao**").
    // A rank may come first ("Dai ta Tran Van Duong": Đại tá Trần Văn Dương).
    const t = line
      .replace(/[*_|#]/g, ' ')
      .trim()
      .replace(/^(Đại|Dai|Thượng|Thuong|Trung|Thiếu|Thieu) (tá|ta|úy|uý|uy) /u, '');
    if (/^(\p{Lu}\p{Ll}+ ){1,3}\p{Lu}\p{Ll}+$/u.test(t)) out.add(i + 1);
  });
  return out;
}

/** Maps an offset to its 1-based line number. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = lineStarts(text);
  return (offset: number) => pointAt(offset, starts).line;
}

/** Whether a word as written is a proper marked Vietnamese syllable the model knows. */
export function isKnownSyllable(model: RestoreModel, word: string): boolean {
  const lower = toOldStyle(word.normalize('NFC').toLowerCase());
  return isWellFormedSyllable(lower) && model.idOf.has(lower);
}
