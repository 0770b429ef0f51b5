// Page images for OCR: the container they are handed to Tesseract in.
import { describe, expect, it } from 'vitest';
import { encodeTiff } from '../../pipeline/ingest/raster.js';

describe('encodeTiff', () => {
  const image = { width: 3, height: 2, data: new Uint8Array([0, 128, 255, 10, 20, 30]) };
  const tiff = encodeTiff(image);
  const view = new DataView(tiff.buffer);
  const entry = (tag: number): number => {
    const count = view.getUint16(8, true);
    for (let i = 0; i < count; i++) {
      const at = 10 + i * 12;
      if (view.getUint16(at, true) === tag) return view.getUint16(at + 2, true) === 3 ? view.getUint16(at + 8, true) : view.getUint32(at + 8, true);
    }
    throw new Error(`tag ${tag} missing`);
  };

  it('writes a little-endian, uncompressed, 8-bit grayscale TIFF with the pixels in one strip', () => {
    expect([...tiff.subarray(0, 4)]).toEqual([0x49, 0x49, 42, 0]);
    expect([entry(256), entry(257), entry(258), entry(259), entry(262), entry(277)]).toEqual([3, 2, 8, 1, 1, 1]);
    const offset = entry(273);
    expect(entry(279)).toBe(6);
    expect([...tiff.subarray(offset, offset + 6)]).toEqual([...image.data]);
  });

  it('never looks like an EXIF orientation to tesseract.js (the pattern it scans the first 500 bytes for)', () => {
    const black = { width: 600, height: 2, data: new Uint8Array(1200) };
    for (const img of [image, black]) {
      const head = [...encodeTiff(img).slice(0, 500)].join(' ');
      expect(head).not.toMatch(/1 18 0 3 0 0 0 1 0 (\d)/);
    }
  });
});
