// Detection reads the model's syllables only (the lexicon): it must answer exactly as the
// whole model does, or clean text would be judged differently before and after a restoration.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelPath, RestoreModel } from '../../pipeline/diacritics/index.js';
import { classifyLine, classifyWord, wordsByLine } from '../../pipeline/diacritics/detect.js';

describe('syllable lexicon', () => {
  const bytes = readFileSync(modelPath()!);
  const lexicon = RestoreModel.readLexicon(bytes);
  const model = RestoreModel.deserialise(bytes);

  it('knows the same syllables and unmarked keys as the model', () => {
    for (const word of model.vocab) expect(lexicon.idOf.has(word), word).toBe(true);
    for (const key of model.candidates.keys()) expect(lexicon.candidates.has(key), key).toBe(true);
    for (const word of ['hanh', 'chinh', 'qua', 'ctia', 'tw', 'xyz']) expect(lexicon.candidates.has(word), word).toBe(model.candidates.has(word));
  });

  it('classifies words and lines as the model does', () => {
    const text = 'Kế hoạch cải cách hành chính năm 2025\nKe hoach cai cach hanh chinh\nS6: 50 /KH-UBND Péc lap - Tw do\nthe Law on Emulation and Commendation';
    for (const words of wordsByLine(text)) {
      expect(classifyLine(lexicon, words)).toBe(classifyLine(model, words));
      for (const w of words) expect(classifyWord(lexicon, w.text), w.text).toBe(classifyWord(model, w.text));
    }
  });
});
