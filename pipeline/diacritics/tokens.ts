// Tokens of a text for the restoration model, with their offsets so that a restored word is
// written back exactly in place. A "word" is a run of letters and digits, plus the symbols a
// Latin-only OCR puts inside Vietnamese words (€ ¢ £ ¥ ©: "hi€u" = hiệu, "¢)" = c)).
import { toOldStyle } from './vietnamese.js';

export type TokenKind = 'word' | 'number' | 'punct' | 'break';

export interface Token {
  kind: TokenKind;
  text: string;
  /** UTF-16 offsets in the text. */
  start: number;
  end: number;
}

const TOKEN = /[\p{L}\p{M}\p{N}€¢£¥©&]+|\n[ \t]*\n|\S/gu;
const HAS_LETTER = /[\p{L}€¢£¥©]/u;

/** Splits text into words, numbers, punctuation and paragraph breaks (blank lines). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const t = m[0];
    const start = m.index;
    let kind: TokenKind;
    if (t[0] === '\n') kind = 'break';
    else if (HAS_LETTER.test(t)) kind = 'word';
    else if (/^\p{N}+$/u.test(t)) kind = 'number';
    else if (t.length > 1) {
      // "&&", "€€": no letter, no digit only: punctuation, one token.
      kind = 'punct';
    } else kind = 'punct';
    tokens.push({ kind, text: t, start, end: start + t.length });
  }
  return tokens;
}

// Special vocabulary entries of the model.
export const BOUNDARY = '<s>';
export const UNKNOWN = '<unk>';
export const NUMBER = '<num>';
export const CODE = '<code>';
export const SPECIALS = [BOUNDARY, UNKNOWN, NUMBER, CODE] as const;

const ASCII_LETTERS = /^[A-Za-z]+$/;

/** Punctuation that ends a sentence: the model's context restarts after it. */
const SENTENCE_END = new Set(['.', '!', '?', '…']);
/** Markdown and table markup: not part of the language, skipped. */
const MARKUP = new Set(['*', '#', '|', '_', '`', '>', '=', '~', '^']);

/**
 * The model's symbol for a token: a lower-case old-style word, `<num>`, `<code>` (letters with
 * digits), a punctuation mark, `<s>` for a sentence end or paragraph break, or null for markup.
 */
export function modelSymbol(token: Token): string | null {
  switch (token.kind) {
    case 'break':
      return BOUNDARY;
    case 'number':
      return NUMBER;
    case 'punct':
      if (SENTENCE_END.has(token.text)) return BOUNDARY;
      if (MARKUP.has(token.text)) return null;
      return token.text;
    case 'word':
      if (ASCII_LETTERS.test(token.text)) return token.text.toLowerCase();
      if (/\p{N}/u.test(token.text)) return CODE;
      return toOldStyle(token.text.normalize('NFC').toLowerCase());
  }
}
