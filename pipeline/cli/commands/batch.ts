// `thidua batch FILES|DIRS… --out DIR`: extracts every plan, writes one record per file and
// prints one summary line per plan (number, issuer, period, quotas found), then a summary
// "N read, K refused, written to DIR". Record names keep the input's name with its extension
// ("X.pdf" → "X.pdf.json"), so X.txt, X.pdf and X.docx give three records; inputs of the same
// name from different folders mirror their folders under --out. No record of this run is ever
// overwritten by another input of the same run.
import type { Command } from 'commander';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { isInputError } from '../../errors.js';
import { InternalError } from '../../guard.js';
import { t } from '../../messages/index.js';
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

/** Inputs named twice (the same file through two arguments) are read once. */
async function unique(files: string[]): Promise<string[]> {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const file of files) {
    const key = await realpath(file).catch(() => resolve(file));
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(file);
  }
  return out;
}

/**
 * The record path of each input, relative to --out: "NAME.EXT.json"; when two inputs share a
 * name, each of them under its folder relative to the folder all inputs have in common.
 */
export function recordNames(files: string[]): Map<string, string> {
  const byName = new Map<string, string[]>();
  for (const f of files) {
    const name = `${basename(f)}.json`;
    byName.set(name, [...(byName.get(name) ?? []), f]);
  }
  const absolute = files.map((f) => resolve(f));
  let common = absolute.length ? dirname(absolute[0]) : '';
  for (const a of absolute) while (common && !(a + sep).startsWith(common.endsWith(sep) ? common : common + sep)) common = dirname(common) === common ? '' : dirname(common);
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const [name, group] of byName) {
    for (const f of group) {
      let target = group.length === 1 ? name : join(relative(common, dirname(resolve(f))), name);
      // Still taken (never expected): a numbered name, never an overwrite.
      for (let k = 2; taken.has(target); k++) target = target.replace(/\.json$/, '') + `.${k}.json`;
      taken.add(target);
      names.set(f, target);
    }
  }
  return names;
}

/** "52/KH-CAH · Công an huyện Cù Lao Dung · 2021–2030 · annual/collective: Giấy khen (no number) …" */
export function summaryLine(r: PlanRecord): string {
  const d = r.document;
  const period = r.period.from === null ? t('cli.summary-no-period') : r.period.from === r.period.to ? String(r.period.from) : `${r.period.from}–${r.period.to}`;
  const quotas = r.awards.length
    ? r.awards
        .map((a) => {
          const n = a.ratio !== null ? `${a.limit === 'max' ? '≤' : ''}${a.ratio}%` : a.quantity === null ? t('cli.summary-no-number') : `${a.limit === 'max' ? '≤' : a.limit === 'min' ? '≥' : ''}${a.quantity}`;
          return `${a.occasion}${a.span ? ` ${a.span}` : ''}/${a.recipient}: ${n}${a.per ? ` ${t('cli.summary-per', { unit: a.per })}` : ''}`;
        })
        .join('; ')
    : t('cli.summary-no-awards');
  return `${d.number ?? t('cli.summary-no-number')} · ${d.issuer.name ?? t('cli.summary-no-issuer')} · ${period} · ${quotas}`;
}

/** "file i/N: NAME" on a terminal's stderr, redrawn in place; nothing elsewhere. */
function progressLine(enabled: boolean) {
  let shown = false;
  return {
    show(index: number, total: number, name: string, detail = '') {
      if (!enabled) return;
      const text = t('cli.batch-progress', { index, total, name }) + detail;
      const width = process.stderr.columns || 80;
      process.stderr.write(`\r\x1b[2K${text.length > width - 1 ? text.slice(0, width - 2) + '…' : text}`);
      shown = true;
    },
    clear() {
      if (shown) process.stderr.write('\r\x1b[2K');
      shown = false;
    },
  };
}

export function registerBatch(program: Command): void {
  program
    .command('batch')
    .description(t('cli.batch.description'))
    .argument('<paths...>', t('cli.batch.arg-paths'))
    .requiredOption('-o, --out <dir>', t('cli.batch.opt-out'))
    .option('--no-restore', t('cli.opt-no-restore'))
    .option('-q, --quiet', t('cli.opt-quiet'))
    .addHelpText('after', '\n' + t('cli.batch.exit-status'))
    .action(async (paths: string[], opts: { out: string; restore: boolean; quiet?: boolean }) => {
      const { extractGuarded, closeGuard } = await import('../../guard.js');
      const files = await unique(await expand(paths));
      const names = recordNames(files);
      const progress = progressLine(!opts.quiet && Boolean(process.stderr.isTTY));
      let read = 0;
      let refused = 0;
      let internal = 0;
      try {
        for (const [i, file] of files.entries()) {
          progress.show(i + 1, files.length, file);
          try {
            const { record } = await extractGuarded(file, {
              restore: opts.restore,
              quiet: true,
              onProgress: (p) => progress.show(i + 1, files.length, file, ` — ${p.label} ${p.done}/${p.total}`),
            });
            await writeFileAtomic(join(opts.out, names.get(file)!), JSON.stringify(record, null, 2).normalize('NFC') + '\n');
            read++;
            progress.clear();
            process.stdout.write(`${file}: ${summaryLine(record)}\n`);
          } catch (error) {
            progress.clear();
            if (isInputError(error)) {
              refused++;
              process.stderr.write(`thidua: ${error.toLine()}\n`);
            } else if (error instanceof InternalError) {
              refused++;
              internal++;
              process.stderr.write(`thidua: ${file}: ${t('cli.internal-error', { detail: error.message })}\n`);
              if (process.env.THIDUA_DEBUG) process.stderr.write(`${error.detail ?? ''}\n`);
            } else throw error;
          }
        }
      } finally {
        progress.clear();
        await closeGuard();
      }
      process.stderr.write(t('cli.batch-summary', { read, refused, dir: opts.out }) + '\n');
      if (refused) process.exitCode = internal ? 70 : 1;
    });
}
