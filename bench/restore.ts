// Benchmark of diacritic restoration: syllable accuracy with leave-one-document-out, and speed.
//
//   npm run bench:restore [-- --corpus ../shared/corpus-vi] [--limit N]
//
// Protocol: every document of corpus-vi (legal + plans) is stripped of its marks and restored by
// a model trained on everything else. N-gram counts are additive, so the counts of all documents
// (plus the lexicons) are built once and the held-out document's own counts are subtracted
// before it is restored, then added back — the document is never in the model it is evaluated
// with (its syllables may still be in the candidate inventory). The clean corpus seeds
// (corpus/seeds) are restored with the shipped model, which never saw them.
// Accuracy = share of Vietnamese syllable tokens restored exactly (tone placement "hoà/hòa"
// counted equal). Speed = syllables per second of CPU time spent restoring.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDocuments, lexiconDocuments, parseArgs, repoRoot } from '../scripts/build-restore-model.js';
import { syllableInventory } from '../pipeline/diacritics/inventory.js';
import { applyCounts, chooseVocabulary, countDocument, looksMarked, trainModel } from '../pipeline/diacritics/training.js';
import { restoreWithModel } from '../pipeline/diacritics/restore.js';
import { RestoreModel } from '../pipeline/diacritics/model.js';
import { tokenize } from '../pipeline/diacritics/tokens.js';
import { isWellFormedSyllable, stripMarks, toOldStyleAnyCase } from '../pipeline/diacritics/vietnamese.js';

interface Score {
  name: string;
  syllables: number;
  correct: number;
  cpuSeconds: number;
}

/** Restores the stripped text and compares it token by token with the original. */
function evaluate(model: RestoreModel, name: string, original: string): Score {
  const clean = original.normalize('NFC');
  const stripped = stripMarks(clean);
  const before = process.cpuUsage();
  const restored = restoreWithModel(model, stripped).text;
  const used = process.cpuUsage(before);
  const a = tokenize(clean);
  const b = tokenize(restored);
  if (a.length !== b.length) throw new Error(`${name}: token count changed (${a.length} → ${b.length})`);
  let syllables = 0;
  let correct = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i].kind !== 'word' || !isWellFormedSyllable(a[i].text.toLowerCase())) continue;
    syllables++;
    if (toOldStyleAnyCase(a[i].text) === toOldStyleAnyCase(b[i].text)) correct++;
  }
  return { name, syllables, correct, cpuSeconds: (used.user + used.system) / 1e6 };
}

const pct = (s: { correct: number; syllables: number }) => ((100 * s.correct) / Math.max(1, s.syllables)).toFixed(2);

function main(): void {
  const root = repoRoot();
  const argv = process.argv.slice(2);
  const { corpus } = parseArgs(argv, root);
  const limitAt = argv.indexOf('--limit');
  const limit = limitAt >= 0 ? Number(argv[limitAt + 1]) : Infinity;
  const docs = corpusDocuments(corpus).filter((d) => looksMarked(d.text));
  const lexicons = lexiconDocuments(root);
  const vocab = chooseVocabulary([...docs, ...lexicons], { inventory: syllableInventory() });
  const model = trainModel([...docs, ...lexicons], vocab);
  const scores: Score[] = [];
  for (const doc of docs.slice(0, limit)) {
    const counts = countDocument(doc, model.idOf);
    applyCounts(model, counts, -1);
    scores.push(evaluate(model, doc.name, doc.text));
    applyCounts(model, counts, 1);
  }
  const sum = (list: Score[]) => list.reduce((t, s) => ({ name: '', syllables: t.syllables + s.syllables, correct: t.correct + s.correct, cpuSeconds: t.cpuSeconds + s.cpuSeconds }), { name: '', syllables: 0, correct: 0, cpuSeconds: 0 });
  console.log('# Diacritic restoration, leave-one-document-out\n');
  console.log('| document | syllables | accuracy % |\n| --- | ---: | ---: |');
  for (const s of scores.filter((x) => x.name.startsWith('plans/'))) console.log(`| ${s.name} | ${s.syllables} | ${pct(s)} |`);
  const legal = scores.filter((x) => x.name.startsWith('legal/'));
  const plans = scores.filter((x) => x.name.startsWith('plans/'));
  const worst = [...legal].sort((x, y) => x.correct / x.syllables - y.correct / y.syllables).slice(0, 5);
  for (const s of worst) console.log(`| ${s.name} (one of the 5 worst legal) | ${s.syllables} | ${pct(s)} |`);
  const all = sum(scores);
  console.log(`\nlegal (${legal.length} documents): ${pct(sum(legal))}% of ${sum(legal).syllables} syllables`);
  console.log(`plans (${plans.length} documents): ${pct(sum(plans))}% of ${sum(plans).syllables} syllables`);
  const perDoc = scores.map((s) => s.correct / Math.max(1, s.syllables)).sort((x, y) => x - y);
  console.log(`overall: ${pct(all)}% of ${all.syllables} syllables; median document ${(100 * perDoc[Math.floor(perDoc.length / 2)]).toFixed(2)}%`);
  console.log(`speed: ${Math.round(all.syllables / all.cpuSeconds)} syllables/s (CPU time, one core, trigram model with ${vocab.length} words)`);
  // Seeds with the shipped model.
  const shipped = RestoreModel.deserialise(readFileSync(join(root, 'models', 'vi-restore.bin.gz')));
  const seedDir = join(root, 'corpus', 'seeds');
  const seedScores: Score[] = [];
  for (const f of readdirSync(seedDir).sort()) {
    const text = readFileSync(join(seedDir, f), 'utf8');
    if (!looksMarked(text)) continue;
    seedScores.push(evaluate(shipped, `seeds/${f}`, text));
  }
  console.log('\n# Clean seeds, stripped and restored with the shipped model\n');
  console.log('| seed | syllables | accuracy % |\n| --- | ---: | ---: |');
  for (const s of seedScores) console.log(`| ${s.name} | ${s.syllables} | ${pct(s)} |`);
  const seeds = sum(seedScores);
  console.log(`seeds overall: ${pct(seeds)}% of ${seeds.syllables} syllables; ${Math.round(seeds.syllables / seeds.cpuSeconds)} syllables/s`);
}

main();
