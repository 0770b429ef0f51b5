// `thidua show ID|NUMBER`: one plan of the library, its links and diagnostics.
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { CATALOGUE, t } from '../../messages/index.js';
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
  const word = (group: string, value: string | null | undefined, fallback = '?') => (value == null ? fallback : CATALOGUE[`${group}.${value}`] ? t(`${group}.${value}`) : value);
  const noNumber = t('library.no-number');
  const ofDate = (date: string | null) => (date ? ' ' + t('library.show.of-date', { date }) : '');
  const field = (code: string) => t(code).padEnd(11);
  out.push(`#${p.id} ${r.document.type ?? t('library.show.plan')} ${p.number ?? noNumber}${ofDate(p.date)}`);
  if (p.title) out.push(`  ${p.title}`);
  out.push(`  ${field('library.show.issuer')}${p.issuer ?? '—'} (${word('compare.kind', p.kind)}, ${word('compare.level', p.level)})`);
  const period = r.period.from === null ? '—' : r.period.from === r.period.to ? String(r.period.from) : `${r.period.from}–${r.period.to ?? '?'}`;
  const reviews = r.period.reviews.map((x) => `${word('compare.occasion', x.kind)} ${x.year}`).join(', ');
  out.push(`  ${field('library.show.period')}${period}${r.period.reviews.length ? ' · ' + t('library.show.reviews', { list: reviews }) : ''}`);
  out.push(`  ${t('library.show.counts', { contents: r.contents.length, awards: r.awards.length, criteria: r.criteria.length, dossier: t(r.dossier ? 'library.yes' : 'library.no') })}`);
  out.push(`  ${field('library.show.source')}${p.path ?? '—'} (${r.source.format}, sha256 ${p.sha256.slice(0, 12)}…) · ${t('library.show.extractor', { extractor: p.extractor })}`);
  out.push(`  ${field('library.show.ingested')}${p.ingestedAt}${p.updatedAt !== p.ingestedAt ? ' · ' + t('library.show.updated', { at: p.updatedAt }) : ''}`);
  if (p.links.length) {
    out.push(t('library.show.basis'));
    for (const l of p.links) {
      const cited = `${l.type ?? ''} ${l.number ?? noNumber}${ofDate(l.date)}${l.issuer ? ' ' + t('library.show.by-issuer', { issuer: l.issuer }) : ''}`.trim();
      out.push(`  ${word('library.relation', l.relation).padEnd(10)} ${cited} → ${l.parentId !== null ? '#' + l.parentId : t('library.show.missing-parent')}`);
    }
  }
  const missing = p.links.filter((l) => l.parentId === null);
  if (missing.length) out.push(t('library.show.missing-parents', { count: missing.length }));
  if (p.children.length) {
    out.push(t('library.show.children'));
    for (const c of p.children) out.push(`  #${c.id} ${c.number ?? noNumber} ${c.date ?? ''} ${c.issuer ?? ''}`);
  }
  if (p.diagnostics.length) {
    out.push(t('library.show.diagnostics'));
    for (const d of p.diagnostics) out.push(`  ${word('library.severity', d.severity).padEnd(9)} ${d.code}${d.line ? ' (' + t('library.show.line', { line: d.line }) + ')' : ''}${d.message ? ': ' + d.message : ''}`);
  }
  return out.join('\n') + '\n';
}
