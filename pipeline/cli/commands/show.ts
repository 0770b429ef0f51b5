// `thidua show ID|NUMBER`: one plan of the library, its links and diagnostics.
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { t } from '../../messages/index.js';
import { addLibraryOptions, withLibrary, type LibraryCliOptions } from '../../library/cli.js';
import type { Library, StoredPlan } from '../../library/library.js';

/** Finds one plan by library id or document number; UsageError when none or several. */
export async function resolvePlanId(lib: Library, arg: string): Promise<number> {
  if (/^#?\d+$/.test(arg.trim())) {
    const id = Number(arg.trim().replace('#', ''));
    if (await lib.get(id)) return id;
    throw new UsageError({ code: 'cli.show.no-id', params: { id } });
  }
  const found = await lib.findByNumber(arg);
  if (found.length === 1) return found[0].id;
  if (found.length === 0) throw new UsageError({ code: 'cli.show.no-number', params: { number: arg } });
  const list = found.map((p) => `  #${p.id} ${p.number} ${p.date ?? ''} ${p.issuer ?? ''}`).join('\n');
  throw new UsageError({ code: 'cli.show.several', params: { count: found.length, number: arg, list } });
}

export function registerShow(program: Command): void {
  const cmd = program.command('show').description(t('cli.show.description')).argument('<plan>', t('cli.show.arg-plan')).option('--json', t('cli.show.opt-json'));
  addLibraryOptions(cmd).action(async (arg: string, opts: LibraryCliOptions & { json?: boolean }) => {
    const plan = await withLibrary(opts, async (lib) => (await lib.get(await resolvePlanId(lib, arg)))!);
    process.stdout.write(opts.json ? JSON.stringify(plan, null, 2) + '\n' : renderPlan(plan));
  });
}

export function renderPlan(p: StoredPlan): string {
  const r = p.record;
  const out: string[] = [];
  out.push(`#${p.id} ${r.document.type ?? 'Plan'} ${p.number ?? '(no number)'}${p.date ? ' of ' + p.date : ''}`);
  if (p.title) out.push(`  ${p.title}`);
  out.push(`  issuer:    ${p.issuer ?? '—'} (${p.kind ?? '?'}, ${p.level ?? '?'})`);
  const period = r.period.from === null ? '—' : r.period.from === r.period.to ? String(r.period.from) : `${r.period.from}–${r.period.to ?? '?'}`;
  out.push(`  period:    ${period}${r.period.reviews.length ? ' · reviews ' + r.period.reviews.map((x) => `${x.kind} ${x.year}`).join(', ') : ''}`);
  out.push(`  contents:  ${r.contents.length} · awards: ${r.awards.length} · criteria: ${r.criteria.length} · dossier: ${r.dossier ? 'yes' : 'no'}`);
  out.push(`  source:    ${p.path ?? '—'} (${r.source.format}, sha256 ${p.sha256.slice(0, 12)}…) · extractor ${p.extractor}`);
  out.push(`  ingested:  ${p.ingestedAt}${p.updatedAt !== p.ingestedAt ? ' · updated ' + p.updatedAt : ''}`);
  if (p.links.length) {
    out.push('basis:');
    for (const l of p.links) {
      const cited = `${l.type ?? ''} ${l.number ?? '(no number)'}${l.date ? ' of ' + l.date : ''}${l.issuer ? ' by ' + l.issuer : ''}`.trim();
      out.push(`  ${l.relation.padEnd(10)} ${cited} → ${l.parentId !== null ? '#' + l.parentId : 'MISSING from the library'}`);
    }
  }
  const missing = p.links.filter((l) => l.parentId === null);
  if (missing.length) out.push(`missing parents: ${missing.length}`);
  if (p.children.length) {
    out.push('implemented by:');
    for (const c of p.children) out.push(`  #${c.id} ${c.number ?? '(no number)'} ${c.date ?? ''} ${c.issuer ?? ''}`);
  }
  if (p.diagnostics.length) {
    out.push('diagnostics:');
    for (const d of p.diagnostics) out.push(`  ${d.severity.padEnd(7)} ${d.code}${d.line ? ' (line ' + d.line + ')' : ''}${d.message ? ': ' + d.message : ''}`);
  }
  return out.join('\n') + '\n';
}
