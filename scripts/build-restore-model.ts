// Builds the diacritic restoration model committed as models/vi-restore.bin.gz.
//
//   npm run build:model [-- --corpus ../shared/corpus-vi] [--out models/vi-restore.bin.gz]
//
// Training data (nothing else):
//   - corpus-vi/legal (356 legal and administrative documents, ~1.85 M words) and
//     corpus-vi/plans (10 provincial plans): their text is never committed, only counts;
//   - the syllable inventory of the installed word lists dictionary-vi and @cspell/dict-vi-vn;
//   - the lexicons in models/lexicons/*.txt (administrative phrases, titles, units, ranks,
//     names, provinces), each line counted LEXICON_WEIGHT times.
// The corpus seeds (corpus/seeds) are NOT training data: tests measure restoration on them.
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syllableInventory } from '../pipeline/diacritics/inventory.js';
import { chooseVocabulary, trainModel, looksMarked, type TrainingDocument } from '../pipeline/diacritics/training.js';

export const LEXICON_WEIGHT = 3;
export const MIN_TRIGRAM_COUNT = 2;

export function repoRoot(): string {
  // dist/scripts/build-restore-model.js or scripts/build-restore-model.ts → the checkout.
  for (let dir of [process.cwd(), dirname(fileURLToPath(import.meta.url))]) {
    for (let i = 0; i < 4; i++) {
      try {
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
        if (pkg.name === 'thidua') return dir;
      } catch {
        // not here
      }
      dir = dirname(dir);
    }
  }
  throw new Error('cannot find the thidua checkout');
}

function readFolder(folder: string): TrainingDocument[] {
  return readdirSync(folder)
    .filter((f) => /\.(md|txt)$/.test(f))
    .sort()
    .map((f) => ({ name: `${basename(folder)}/${f}`, text: readFileSync(join(folder, f), 'utf8') }));
}

/** The corpus documents: legal and plans. */
export function corpusDocuments(corpusDir: string): TrainingDocument[] {
  if (!existsSync(join(corpusDir, 'legal'))) {
    console.error(`build-restore-model: no training corpus at ${corpusDir} (expected legal/ and plans/): pass --corpus DIR`);
    process.exit(1);
  }
  return [...readFolder(join(corpusDir, 'legal')), ...readFolder(join(corpusDir, 'plans'))];
}

/** Lexicon lines as small documents (one phrase a line; `#` comments). */
export function lexiconDocuments(root: string): TrainingDocument[] {
  const dir = join(root, 'models', 'lexicons');
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  } catch {
    return [];
  }
  const docs: TrainingDocument[] = [];
  for (const f of files) {
    const lines = readFileSync(join(dir, f), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    // Each line is its own sentence.
    docs.push({ name: `lexicon/${f}`, text: lines.join('.\n') + '.', weight: LEXICON_WEIGHT });
  }
  return docs;
}

export function parseArgs(argv: string[], root: string): { corpus: string; out: string } {
  let corpus = resolve(root, '..', 'shared', 'corpus-vi');
  let out = join(root, 'models', 'vi-restore.bin.gz');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--corpus') corpus = resolve(argv[++i]);
    else if (argv[i] === '--out') out = resolve(argv[++i]);
  }
  return { corpus, out };
}

export function trainingSet(corpusDir: string, root: string): { docs: TrainingDocument[]; lexicons: TrainingDocument[]; vocab: string[] } {
  const docs = corpusDocuments(corpusDir).filter((d) => looksMarked(d.text));
  const lexicons = lexiconDocuments(root);
  const vocab = chooseVocabulary([...docs, ...lexicons], { inventory: syllableInventory() });
  return { docs, lexicons, vocab };
}

function main(): void {
  const root = repoRoot();
  const { corpus, out } = parseArgs(process.argv.slice(2), root);
  const started = Date.now();
  const { docs, lexicons, vocab } = trainingSet(corpus, root);
  const model = trainModel([...docs, ...lexicons], vocab, {
    builtBy: 'scripts/build-restore-model.ts',
    documents: docs.length,
    lexiconFiles: lexicons.map((l) => l.name),
    minTrigramCount: MIN_TRIGRAM_COUNT,
  });
  const data = model.serialise(MIN_TRIGRAM_COUNT);
  const tmp = `${out}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, out);
  const words = docs.reduce((n, d) => n + d.text.split(/\s+/).length, 0);
  console.log(
    `model: ${out} (${(data.length / 1024).toFixed(0)} KiB) from ${docs.length} documents (~${words} words) + ${lexicons.length} lexicons; ` +
      `vocabulary ${vocab.length}, keys ${model.candidates.size}; ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
