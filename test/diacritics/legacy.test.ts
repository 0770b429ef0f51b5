// Legacy encodings: corpus text encoded with the published tables decodes back exactly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeLegacy, detectDiacritics, normaliseDiacritics } from '../../pipeline/diacritics/index.js';
import { decodeTcvn3, decodeVni, encodeTcvn3, encodeVni, tcvn3Representable } from '../../pipeline/diacritics/legacy.js';

const seed = readFileSync(join(__dirname, '../../corpus/seeds/001_bc94cfae2ebd58ab.txt'), 'utf8').normalize('NFC');
/** How ingest hands over legacy bytes: one Windows-1252 character per byte. */
const CP1252: Record<string, number> = { '–': 0x96, '—': 0x97, '“': 0x93, '”': 0x94, '‘': 0x91, '’': 0x92, '…': 0x85, '•': 0x95 };
const asWindows1252 = (chars: string) =>
  new TextDecoder('windows-1252').decode(Uint8Array.from([...chars].map((c) => CP1252[c] ?? c.charCodeAt(0))));

// Exact, except a capital with a tone mark starting a word inside a sentence ("… do Ủy ban"):
// TCVN3 has no code for it and nothing tells it from a lower-case letter.
const tcvn3Expected = seed.replace(
  /(\p{L}[,;]? +|\(|")([ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ])(?=\p{Ll})/gu,
  (_, a: string, b: string) => a + b.toLowerCase(),
);

describe('TCVN3', () => {
  it('decodes the classic sample', () => {
    expect(decodeTcvn3('Céng hoµ x· héi chñ nghÜa ViÖt Nam')).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam');
    expect(decodeTcvn3('§éc lËp - Tù do - H¹nh phóc')).toBe('Độc lập - Tự do - Hạnh phúc');
  });
  it('round-trips corpus text (capitals with tone marks, which have no TCVN3 code, restored from their word)', () => {
    const encoded = encodeTcvn3(seed);
    expect(encoded).not.toBe(seed);
    expect(decodeTcvn3(encoded)).toBe(tcvn3Expected);
    // Only capitals with a tone mark are lost: ASCII capitals and Ă Â Ê Ô Ơ Ư Đ stay.
    expect(tcvn3Representable('KẾ HOẠCH Số 44/KH-UBND, Đội')).toBe('Kế HOạCH Số 44/KH-UBND, Đội');
  });
  it('is detected and decoded from Windows-1252 mojibake with the line count kept', () => {
    const arriving = asWindows1252(encodeTcvn3(seed));
    const result = decodeLegacy(arriving);
    expect(result.encoding).toBe('tcvn3');
    expect(result.text).toBe(tcvn3Expected);
    const detection = detectDiacritics(arriving);
    expect(detection.document).toBe('tcvn3');
    expect(detection.decoded).toBe('clean');
    expect(detection.encodings.filter((e) => e === 'tcvn3').length).toBe(result.lines.length);
    expect(result.text.split('\n').length).toBe(arriving.split('\n').length);
  });
});

describe('VNI', () => {
  it('decodes the classic sample', () => {
    expect(decodeVni('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam')).toBe('Cộng hòa xã hội chủ nghĩa Việt Nam');
    expect(decodeVni('Ñoäc laäp - Töï do - Haïnh phuùc')).toBe('Độc lập - Tự do - Hạnh phúc');
  });
  it('round-trips corpus text exactly', () => {
    const encoded = encodeVni(seed);
    expect(decodeVni(encoded)).toBe(seed);
  });
  it('is auto-detected through the pipeline step', () => {
    const arriving = asWindows1252(encodeVni(seed));
    expect(detectDiacritics(arriving).document).toBe('vni');
    const result = normaliseDiacritics(arriving, { restore: true });
    expect(result.text).toBe(seed);
    expect(result.diacritics).toBe('present');
    expect(result.diagnostics.some((d) => d.code === 'diacritics-legacy-encoding' && /VNI/.test(d.message))).toBe(true);
  });
});

describe('UTF-8 read as Windows-1252', () => {
  it('is repaired line by line', () => {
    const arriving = new TextDecoder('windows-1252').decode(Buffer.from(seed, 'utf8'));
    expect(arriving).toContain('Ã');
    const result = decodeLegacy(arriving);
    expect(result.encoding).toBe('utf8-as-cp1252');
    expect(result.text).toBe(seed);
  });
});
