// Counting n-grams of training text for the restoration model (build script and benchmark).
import { RestoreModel, specialsFirst } from './model.js';
import { BOUNDARY, modelSymbol, tokenize } from './tokens.js';
import { casePattern, isWellFormedSyllable, MARKED_LETTER } from './vietnamese.js';

export interface TrainingDocument {
  name: string;
  text: string;
  /** Each n-gram of the document counts this many times (lexicons weigh more than one). */
  weight?: number;
}

interface Symbolised {
  symbols: string[];
  /** Symbol written with a capital inside a sentence. */
  capital: boolean[];
}

/** The model symbols of a text, with <s> at the start and paragraph/sentence ends. */
export function symbolise(text: string): Symbolised {
  const symbols: string[] = [BOUNDARY];
  const capital: boolean[] = [false];
  for (const token of tokenize(text.normalize('NFC'))) {
    const symbol = modelSymbol(token);
    if (symbol === null) continue;
    if (symbol === BOUNDARY && symbols[symbols.length - 1] === BOUNDARY) continue;
    const prev = symbols[symbols.length - 1];
    symbols.push(symbol);
    capital.push(token.kind === 'word' && prev !== BOUNDARY && prev !== ':' && casePattern(token.text) === 'title');
  }
  return { symbols, capital };
}

/** Whether a text carries Vietnamese marks at all (word lists of unmarked text are skipped). */
export function looksMarked(text: string): boolean {
  let letters = 0;
  let marked = 0;
  for (const ch of text) {
    if (/\p{L}/u.test(ch)) {
      letters++;
      if (MARKED_LETTER.test(ch)) marked++;
    }
  }
  return letters > 0 && marked / letters > 0.08;
}

export interface VocabularyOptions {
  /** Syllables from the word lists: always candidates. */
  inventory: Set<string>;
  /** A well-formed syllable seen in text needs this count to become a candidate. */
  minSyllableCount?: number;
  /** Any other word (abbreviations, foreign words) needs this count. */
  minOtherCount?: number;
}

/** Chooses the vocabulary: specials, punctuation, syllables, frequent other words. */
export function chooseVocabulary(docs: TrainingDocument[], options: VocabularyOptions): string[] {
  const counts = new Map<string, number>();
  for (const doc of docs) {
    for (const s of symbolise(doc.text).symbols) counts.set(s, (counts.get(s) ?? 0) + (doc.weight ?? 1));
  }
  const words = new Set<string>(options.inventory);
  for (const [s, n] of counts) {
    if (isWellFormedSyllable(s)) {
      if (n >= (options.minSyllableCount ?? 2)) words.add(s);
    } else if (!/\p{L}/u.test(s) || n >= (options.minOtherCount ?? 3)) words.add(s);
  }
  return specialsFirst([...words].sort());
}

export interface DocumentCounts {
  unigram: Map<number, number>;
  capital: Map<number, number>;
  bigram: Map<number, number>;
  trigram: Map<number, number>;
}

const W = 65536;

/** N-gram counts of one document over a vocabulary (unknown words → <unk>). */
export function countDocument(doc: TrainingDocument, idOf: Map<string, number>, into?: DocumentCounts): DocumentCounts {
  const out = into ?? { unigram: new Map(), capital: new Map(), bigram: new Map(), trigram: new Map() };
  const weight = doc.weight ?? 1;
  const { symbols, capital } = symbolise(doc.text);
  const ids = symbols.map((s) => idOf.get(s) ?? 1);
  const add = (m: Map<number, number>, k: number) => m.set(k, (m.get(k) ?? 0) + weight);
  // Two boundaries before the first symbol (a trigram history).
  let a = 0;
  let b = 0;
  for (let i = 0; i < ids.length; i++) {
    const c = ids[i];
    if (i === 0) {
      add(out.unigram, c);
      b = c;
      continue;
    }
    add(out.unigram, c);
    if (capital[i]) add(out.capital, c);
    add(out.bigram, b * W + c);
    add(out.trigram, (a * W + b) * W + c);
    a = b;
    b = c;
  }
  return out;
}

/** Builds a model from documents (counts summed over them). */
export function trainModel(docs: TrainingDocument[], vocab: string[], info: Record<string, unknown> = {}): RestoreModel {
  const idOf = new Map(vocab.map((w, i) => [w, i]));
  const total: DocumentCounts = { unigram: new Map(), capital: new Map(), bigram: new Map(), trigram: new Map() };
  for (const doc of docs) countDocument(doc, idOf, total);
  const unigram = new Float64Array(vocab.length);
  const capital = new Float64Array(vocab.length);
  for (const [k, n] of total.unigram) unigram[k] = n;
  for (const [k, n] of total.capital) capital[k] = n;
  return new RestoreModel({
    vocab,
    unigram,
    capital,
    bigramKeys: Float64Array.from(total.bigram.keys()),
    bigramCounts: Float64Array.from(total.bigram.values()),
    trigramKeys: Float64Array.from(total.trigram.keys()),
    trigramCounts: Float64Array.from(total.trigram.values()),
    info,
  });
}

/** Adds (sign = 1) or removes (sign = -1) one document's counts from a model. */
export function applyCounts(model: RestoreModel, counts: DocumentCounts, sign: 1 | -1): void {
  for (const [k, n] of counts.unigram) model.addUnigram(k, sign * n);
  for (const [k, n] of counts.capital) model.cap[k] += sign * n;
  for (const [k, n] of counts.bigram) model.addBigram(Math.floor(k / W), k % W, sign * n);
  for (const [k, n] of counts.trigram) {
    const c = k % W;
    const ab = (k - c) / W;
    model.addTrigram(Math.floor(ab / W), ab % W, c, sign * n);
  }
}
