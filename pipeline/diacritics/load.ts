// Loading the committed restoration model (models/vi-restore.bin.gz) and the name list, once.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RestoreModel, type SyllableLexicon } from './model.js';
import { toOldStyle } from './vietnamese.js';

export const MODEL_FILE = 'vi-restore.bin.gz';
let cachedModel: RestoreModel | null | undefined;
let cachedLexicon: SyllableLexicon | null | undefined;

/** Path of the committed model, looked up from this module upwards (models/vi-restore.bin.gz). */
export function modelPath(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'models', MODEL_FILE);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return null;
}

/** The restoration model (loaded once); null when the model file is missing. */
export function loadRestoreModel(): RestoreModel | null {
  if (cachedModel !== undefined) return cachedModel;
  const path = modelPath();
  cachedModel = path ? RestoreModel.deserialise(readFileSync(path)) : null;
  return cachedModel;
}

/**
 * The model's syllables for detection (loaded once): the whole model when it is already
 * loaded, else only its vocabulary, so that clean text never pays for the n-gram tables.
 * Null when the model file is missing.
 */
export function loadLexicon(): SyllableLexicon | null {
  if (cachedModel !== undefined) return cachedModel;
  if (cachedLexicon !== undefined) return cachedLexicon;
  const path = modelPath();
  cachedLexicon = path ? RestoreModel.readLexicon(readFileSync(path)) : null;
  return cachedLexicon;
}

let cachedNames: Map<string, number> | undefined;

/** Syllables of personal names from models/lexicons/names.txt (lower case, old style) with their counts. */
export function nameSyllables(): Map<string, number> {
  if (cachedNames) return cachedNames;
  cachedNames = new Map<string, number>();
  const path = modelPath();
  if (path) {
    try {
      const text = readFileSync(join(dirname(path), 'lexicons', 'names.txt'), 'utf8');
      for (const line of text.split('\n')) {
        if (line.startsWith('#')) continue;
        for (const m of line.matchAll(/\p{Lu}\p{Ll}*/gu)) {
          const key = toOldStyle(m[0].toLowerCase());
          cachedNames.set(key, (cachedNames.get(key) ?? 0) + 1);
        }
      }
    } catch {
      // no name list: no name preference
    }
  }
  return cachedNames;
}

/** Uses this model instead of the committed one (tests, benchmark). */
export function setRestoreModel(model: RestoreModel | null): void {
  cachedModel = model;
  cachedLexicon = undefined;
}

export function requireModel(): RestoreModel {
  const model = loadRestoreModel();
  if (!model) throw new Error(`the diacritics model models/${MODEL_FILE} is missing: run npm run build:model`);
  return model;
}

export function requireLexicon(): SyllableLexicon {
  const lexicon = loadLexicon();
  if (!lexicon) throw new Error(`the diacritics model models/${MODEL_FILE} is missing: run npm run build:model`);
  return lexicon;
}
