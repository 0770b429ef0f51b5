// `thidua batch FILES|DIRS… --out DIR`: extracts every plan, writes one record per file and
// prints one summary line per plan (number, issuer, period, quotas found).
import type { Command } from 'commander';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { isInputError } from '../../errors.js';
import { writeFileAtomic } from '../io.js';
import type { PlanRecord } from '../../record/schema.js';

async function expand(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (info?.isDirectory()) {
      for (const f of (await readdir(p)).sort()) if (!f.startsWith('.')) out.push(...(await expand([join(p, f)])));
    } else out.push(p);
  }
  return out;
}

/** "52/KH-CAH · Công an huyện Cù Lao Dung · 2021–2030 · annual/collective: Giấy khen (no number) …" */
export function summaryLine(r: PlanRecord): string {
  const d = r.document;
  const period = r.period.from === null ? 'period ?' : r.period.from === r.period.to ? String(r.period.from) : `${r.period.from}–${r.period.to}`;
  const quotas = r.awards.length
    ? r.awards
        .map((a) => {
          const n = a.ratio !== null ? `${a.limit === 'max' ? '≤' : ''}${a.ratio}%` : a.quantity === null ? 'no number' : `${a.limit === 'max' ? '≤' : a.limit === 'min' ? '≥' : ''}${a.quantity}`;
          return `${a.occasion}${a.span ? ` ${a.span}` : ''}/${a.recipient}: ${n}${a.per ? ` per ${a.per}` : ''}`;
        })
        .join('; ')
    : 'no awards';
  return `${d.number ?? 'no number'} · ${d.issuer.name ?? 'issuer ?'} · ${period} · ${quotas}`;
}

export function registerBatch(program: Command): void {
  program
    .command('batch')
    .description('extract every plan in the files or folders given, write one record per file to --out, and print one summary line per plan')
    .argument('<paths...>', 'files or folders of plan documents')
    .requiredOption('-o, --out <dir>', 'folder for the records (NAME.json for each input)')
    .option('--no-restore', 'keep stripped or garbled text as it is')
    .option('-q, --quiet', 'no progress output on standard error')
    .addHelpText('after', '\nExit status: 0 when every file gave a record, 1 when any failed (each failure is named on standard error).')
    .action(async (paths: string[], opts: { out: string; restore: boolean; quiet?: boolean }) => {
      const { extractFile } = await import('../../extract.js');
      const files = await expand(paths);
      let failed = 0;
      for (const file of files) {
        try {
          const { record } = await extractFile(file, { restore: opts.restore, quiet: opts.quiet });
          await writeFileAtomic(join(opts.out, `${basename(file, extname(file))}.json`), JSON.stringify(record, null, 2) + '\n');
          process.stdout.write(`${basename(file)}: ${summaryLine(record)}\n`);
        } catch (error) {
          if (!isInputError(error)) throw error;
          failed++;
          process.stderr.write(`thidua: ${error.toLine()}\n`);
        }
      }
      // OCR workers close on their own shortly after the last page; closing now ends the run at once.
      await (await import('../../ingest/index.js')).closeIngest();
      if (failed) process.exitCode = 1;
    });
}
