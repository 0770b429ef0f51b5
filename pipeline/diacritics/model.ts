// The restoration model: a syllable trigram language model (interpolated absolute
// discounting) over lower-case old-style syllables, with the candidates of every unmarked key.
//
// Stored as raw counts so that a held-out document's counts can be subtracted for an honest
// leave-one-document-out evaluation (bench/restore.ts) without retraining.
import { gunzipSync, gzipSync } from 'node:zlib';
import { syllableKey, isWellFormedSyllable } from './vietnamese.js';
import { SPECIALS } from './tokens.js';

const DISCOUNT = 0.75;
const UNIGRAM_ADD = 0.5;
const MAGIC = 'THIDUA-RESTORE-1';

/** Open-addressing hash from a pair of small non-negative integers to a slot index. */
class PairIndex {
  xs: Int32Array;
  ys: Int32Array;
  size = 0;
  private mask: number;
  constructor(capacity: number) {
    let n = 1024;
    while (n < capacity * 2) n *= 2;
    this.xs = new Int32Array(n).fill(-1);
    this.ys = new Int32Array(n);
    this.mask = n - 1;
  }
  private hash(x: number, y: number): number {
    let h = Math.imul(x, 0x9e3779b1) ^ Math.imul(y + 0x7f4a7c15, 0x85ebca6b);
    h ^= h >>> 15;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 13;
    return h & this.mask;
  }
  /** Slot of (x, y), or -1. */
  find(x: number, y: number): number {
    const xs = this.xs;
    const ys = this.ys;
    const mask = this.mask;
    let i = this.hash(x, y);
    for (;;) {
      const k = xs[i];
      if (k === x && ys[i] === y) return i;
      if (k === -1) return -1;
      i = (i + 1) & mask;
    }
  }
  /** Slot of (x, y), inserting it when absent. */
  insert(x: number, y: number): number {
    let i = this.hash(x, y);
    for (;;) {
      const k = this.xs[i];
      if (k === x && this.ys[i] === y) return i;
      if (k === -1) {
        if (this.size * 10 >= this.xs.length * 9) throw new Error('n-gram table full');
        this.xs[i] = x;
        this.ys[i] = y;
        this.size++;
        return i;
      }
      i = (i + 1) & this.mask;
    }
  }
}

export interface ModelCounts {
  vocab: string[];
  unigram: Float64Array;
  /** How often each word was written with a capital inside a sentence (names, places). */
  capital: Float64Array;
  /** Bigram keys a·65536 + b and their counts. */
  bigramKeys: Float64Array;
  bigramCounts: Float64Array;
  /** Trigram keys (a·65536 + b)·65536 + c and their counts. */
  trigramKeys: Float64Array;
  trigramCounts: Float64Array;
  /** Free-form notes on how the model was built. */
  info?: Record<string, unknown>;
}

const W = 65536; // vocabulary ids fit in 16 bits

/**
 * What detection needs of the model: its syllables, not its n-grams. Reading it costs a few
 * milliseconds against ~110 ms for the whole model, which clean text never needs.
 */
export interface SyllableLexicon {
  /** Unmarked keys ("hanh") that are some syllable with its marks stripped. */
  readonly candidates: { has(key: string): boolean };
  /** Every word of the vocabulary (marked, lower-case, old-style). */
  readonly idOf: { has(word: string): boolean };
}

/** The unmarked key of every well-formed syllable of a vocabulary. */
function candidateKeys(vocab: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const w of vocab) if (isWellFormedSyllable(w)) keys.add(syllableKey(w));
  return keys;
}

export class RestoreModel {
  readonly vocab: string[];
  readonly idOf = new Map<string, number>();
  /** Candidate ids for every unmarked key, most frequent first. */
  readonly candidates = new Map<string, Int32Array>();
  readonly info: Record<string, unknown>;
  readonly V: number;
  uni: Float64Array;
  cap: Float64Array;
  total = 0;
  // Level 1 contexts: history counts and sums of discounted bigram counts.
  h1: Float64Array;
  s1: Float64Array;
  // Bigrams: slot → count, and sum of discounted trigram counts with this history.
  private bi: PairIndex;
  biCount: Float64Array;
  s2: Float64Array;
  /** Trigrams keyed by (slot of the history bigram, word). */
  private tri: PairIndex;
  triCount: Float64Array;

  constructor(counts: ModelCounts) {
    this.vocab = counts.vocab;
    this.V = this.vocab.length;
    if (this.V >= W) throw new Error(`vocabulary too large (${this.V})`);
    this.info = counts.info ?? {};
    this.vocab.forEach((w, i) => this.idOf.set(w, i));
    this.uni = counts.unigram;
    this.cap = counts.capital;
    for (let i = 0; i < this.V; i++) this.total += this.uni[i];
    this.h1 = new Float64Array(this.V);
    this.s1 = new Float64Array(this.V);
    const nb = counts.bigramKeys.length;
    const nt = counts.trigramKeys.length;
    this.bi = new PairIndex(nb + 1024);
    this.biCount = new Float64Array(this.bi.xs.length);
    this.s2 = new Float64Array(this.bi.xs.length);
    this.tri = new PairIndex(nt + 1024);
    this.triCount = new Float64Array(this.tri.xs.length);
    for (let i = 0; i < nb; i++) {
      const k = counts.bigramKeys[i];
      const n = counts.bigramCounts[i];
      const a = Math.floor(k / W);
      this.biCount[this.bi.insert(a, k - a * W)] = n;
      this.h1[a] += n;
      this.s1[a] += Math.max(n - DISCOUNT, 0);
    }
    for (let i = 0; i < nt; i++) {
      const k = counts.trigramKeys[i];
      const n = counts.trigramCounts[i];
      const c = k % W;
      const ab = (k - c) / W;
      const a = Math.floor(ab / W);
      const hs = this.bi.insert(a, ab - a * W);
      this.triCount[this.tri.insert(hs, c)] = n;
      this.s2[hs] += Math.max(n - DISCOUNT, 0);
    }
    this.buildCandidates();
  }

  private buildCandidates(): void {
    const byKey = new Map<string, number[]>();
    this.vocab.forEach((w, id) => {
      if (!isWellFormedSyllable(w)) return;
      const key = syllableKey(w);
      let list = byKey.get(key);
      if (!list) byKey.set(key, (list = []));
      list.push(id);
    });
    for (const [key, ids] of byKey) {
      ids.sort((x, y) => this.uni[y] - this.uni[x]);
      this.candidates.set(key, Int32Array.from(ids));
    }
  }

  /** Adds `n` to a bigram count (n may be negative: held-out subtraction). */
  addBigram(a: number, b: number, n: number): void {
    const slot = this.bi.insert(a, b);
    const before = this.biCount[slot];
    const after = before + n;
    this.biCount[slot] = after;
    this.h1[a] += n;
    this.s1[a] += Math.max(after - DISCOUNT, 0) - Math.max(before - DISCOUNT, 0);
  }

  addTrigram(a: number, b: number, c: number, n: number): void {
    const bs = this.bi.insert(a, b);
    const slot = this.tri.insert(bs, c);
    const before = this.triCount[slot];
    const after = before + n;
    this.triCount[slot] = after;
    this.s2[bs] += Math.max(after - DISCOUNT, 0) - Math.max(before - DISCOUNT, 0);
  }

  addUnigram(a: number, n: number): void {
    this.uni[a] += n;
    this.total += n;
  }

  p1(c: number): number {
    return (this.uni[c] + UNIGRAM_ADD) / (this.total + UNIGRAM_ADD * this.V);
  }

  p2(b: number, c: number): number {
    const p1 = this.p1(c);
    const h = this.h1[b];
    if (h <= 0) return p1;
    const slot = this.bi.find(b, c);
    const n = slot < 0 ? 0 : this.biCount[slot];
    return (Math.max(n - DISCOUNT, 0) + (h - this.s1[b]) * p1) / h;
  }

  /** P(c | a b). */
  p3(a: number, b: number, c: number): number {
    const p2 = this.p2(b, c);
    const hs = this.bi.find(a, b);
    if (hs < 0) return p2;
    const h = this.biCount[hs];
    if (h <= 0) return p2;
    const ts = this.tri.find(hs, c);
    const n = ts < 0 ? 0 : this.triCount[ts];
    const rest = Math.max(h - this.s2[hs], DISCOUNT);
    return (Math.max(n - DISCOUNT, 0) + rest * p2) / h;
  }

  /** Slot of the history (a, b) in the bigram table, or -1. */
  historySlot(a: number, b: number): number {
    const hs = this.bi.find(a, b);
    return hs >= 0 && this.biCount[hs] > 0 ? hs : -1;
  }

  /** P(c | a b) given the history's slot and P(c | b) (decoder fast path). */
  p3Given(hs: number, a: number, b: number, c: number, p2: number): number {
    if (hs < 0) return p2;
    const h = this.biCount[hs];
    const ts = this.tri.find(hs, c);
    const n = ts < 0 ? 0 : this.triCount[ts];
    const rest = Math.max(h - this.s2[hs], DISCOUNT);
    return (Math.max(n - DISCOUNT, 0) + rest * p2) / h;
  }

  logP(a: number, b: number, c: number): number {
    return Math.log(this.p3(a, b, c));
  }

  /** log of the share of a word's occurrences written with a capital inside a sentence. */
  capitalLogShare(id: number): number {
    return Math.log((this.cap[id] + 0.2) / (this.uni[id] + 1));
  }

  id(word: string): number {
    return this.idOf.get(word) ?? 1; // 1 = <unk>
  }

  // ---------- serialisation: header JSON + varint-coded sorted n-gram keys and counts, gzip

  serialise(minTrigramCount = 1, minBigramCount = 1): Buffer {
    const bigrams: [number, number][] = [];
    this.bi.xs.forEach((a, slot) => {
      if (a >= 0 && this.biCount[slot] >= minBigramCount) bigrams.push([a * W + this.bi.ys[slot], this.biCount[slot]]);
    });
    bigrams.sort((x, y) => x[0] - y[0]);
    const trigrams: [number, number][] = [];
    this.tri.xs.forEach((hs, slot) => {
      if (hs >= 0 && this.triCount[slot] >= minTrigramCount) {
        trigrams.push([(this.bi.xs[hs] * W + this.bi.ys[hs]) * W + this.tri.ys[slot], this.triCount[slot]]);
      }
    });
    trigrams.sort((x, y) => x[0] - y[0]);
    const out = new VarintWriter();
    for (let i = 0; i < this.V; i++) out.write(this.uni[i]);
    for (let i = 0; i < this.V; i++) out.write(this.cap[i]);
    out.write(bigrams.length);
    let prev = 0;
    for (const [k, n] of bigrams) {
      out.write(k - prev);
      out.write(n);
      prev = k;
    }
    out.write(trigrams.length);
    prev = 0;
    for (const [k, n] of trigrams) {
      out.write(k - prev);
      out.write(n);
      prev = k;
    }
    const header = Buffer.from(JSON.stringify({ magic: MAGIC, vocab: this.vocab, info: this.info }), 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32LE(header.length);
    return gzipSync(Buffer.concat([len, header, out.finish()]), { level: 9 });
  }

  /** The syllables of a serialised model, without building its n-gram tables. */
  static readLexicon(data: Uint8Array): SyllableLexicon {
    const { header } = readHeader(gunzipSync(data));
    return { candidates: candidateKeys(header.vocab), idOf: new Set(header.vocab) };
  }

  static deserialise(data: Uint8Array): RestoreModel {
    const raw = gunzipSync(data);
    const { header, headerLength } = readHeader(raw);
    const r = new VarintReader(raw.subarray(4 + headerLength));
    const V = header.vocab.length;
    const unigram = new Float64Array(V);
    const capital = new Float64Array(V);
    for (let i = 0; i < V; i++) unigram[i] = r.read();
    for (let i = 0; i < V; i++) capital[i] = r.read();
    const nb = r.read();
    const bigramKeys = new Float64Array(nb);
    const bigramCounts = new Float64Array(nb);
    let k = 0;
    for (let i = 0; i < nb; i++) {
      k += r.read();
      bigramKeys[i] = k;
      bigramCounts[i] = r.read();
    }
    const nt = r.read();
    const trigramKeys = new Float64Array(nt);
    const trigramCounts = new Float64Array(nt);
    k = 0;
    for (let i = 0; i < nt; i++) {
      k += r.read();
      trigramKeys[i] = k;
      trigramCounts[i] = r.read();
    }
    return new RestoreModel({ vocab: header.vocab, unigram, capital, bigramKeys, bigramCounts, trigramKeys, trigramCounts, info: header.info });
  }
}

function readHeader(raw: Buffer): { header: { magic: string; vocab: string[]; info: Record<string, unknown> }; headerLength: number } {
  const headerLength = raw.readUInt32LE(0);
  const header = JSON.parse(raw.subarray(4, 4 + headerLength).toString('utf8')) as { magic: string; vocab: string[]; info: Record<string, unknown> };
  if (header.magic !== MAGIC) throw new Error('not a thidua restoration model');
  return { header, headerLength };
}

export function specialsFirst(words: Iterable<string>): string[] {
  const rest = [...words].filter((w) => !(SPECIALS as readonly string[]).includes(w));
  return [...SPECIALS, ...rest];
}

class VarintWriter {
  private chunks: Buffer[] = [];
  private buf = Buffer.alloc(1 << 16);
  private pos = 0;
  write(value: number): void {
    let v = Math.round(value);
    if (v < 0) throw new Error('negative varint');
    if (this.pos > this.buf.length - 10) {
      this.chunks.push(this.buf.subarray(0, this.pos));
      this.buf = Buffer.alloc(1 << 16);
      this.pos = 0;
    }
    while (v >= 128) {
      this.buf[this.pos++] = (v % 128) | 128;
      v = Math.floor(v / 128);
    }
    this.buf[this.pos++] = v;
  }
  finish(): Buffer {
    this.chunks.push(this.buf.subarray(0, this.pos));
    return Buffer.concat(this.chunks);
  }
}

class VarintReader {
  private pos = 0;
  constructor(private buf: Uint8Array) {}
  read(): number {
    let v = 0;
    let mul = 1;
    for (;;) {
      const b = this.buf[this.pos++];
      if (b === undefined) throw new Error('truncated model');
      v += (b & 127) * mul;
      if (b < 128) return v;
      mul *= 128;
    }
  }
}
