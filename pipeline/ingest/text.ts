// Text and markdown files: decode (UTF-8, UTF-16 with BOM, else single-byte so that a
// legacy Vietnamese font encoding can be recognised downstream) and split on form feeds.
import type { PageText, SourceFormat } from './types.js';

export interface DecodedText {
  text: string;
  /** The bytes were not valid UTF-8 and were read one byte per character (Windows-1252). */
  singleByte: boolean;
  /** UTF-8 with a few damaged bytes: how many sequences were replaced by U+FFFD. */
  replaced?: number;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), singleByte: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), singleByte: false };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), singleByte: false };
  } catch {
    // UTF-8 with a few damaged bytes (a flipped bit, a cut character) stays UTF-8: read as a
    // single-byte code page, every Vietnamese letter of it would turn into two or three others.
    // A legacy single-byte text, by contrast, is not UTF-8 at almost any of its non-ASCII bytes.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    let replaced = 0;
    let wide = 0;
    for (const ch of lenient) {
      if (ch === '\uFFFD') replaced++;
      else if (ch.codePointAt(0)! > 0x7f) wide++;
    }
    if (wide >= 20 && replaced <= wide * 0.1) return { text: lenient.replace(/^\uFEFF/, ''), singleByte: false, replaced };
    return { text: new TextDecoder('windows-1252').decode(bytes), singleByte: true };
  }
}

export function textFormat(text: string): SourceFormat {
  return /\*\*[^*\n]+\*\*|(^|\n)#{1,6}\s|<\/?(ul|li|br)\b|(^|\n)\|.*\|\s*(\n|$)/i.test(text) ? 'markdown' : 'text';
}

/** Pages of a text file: form feeds separate pages when present. */
export function textPages(text: string): PageText[] {
  const normalised = text.replace(/\r\n?/g, '\n');
  const parts = normalised.includes('\f') ? normalised.split('\f') : [normalised];
  return parts.map((t, i) => ({ number: i + 1, text: t, ocr: false }));
}
