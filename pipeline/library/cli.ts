// Command-line plumbing shared by the library commands: where the library is (--data,
// --db), the filters (--issuer, --level, --kind, --year) and the plan list table.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { CATALOGUE, t } from '../messages/index.js';
import type { AdminLevel, IssuerKind } from '../record/schema.js';
import { renderTable } from '../compare/table.js';
import { Library, type PlanFilters, type PlanSummary } from './library.js';

/** $XDG_DATA_HOME/thidua, else the platform's user data directory. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.XDG_DATA_HOME) return join(env.XDG_DATA_HOME, 'thidua');
  if (platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'thidua');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'thidua');
  return join(homedir(), '.local', 'share', 'thidua');
}

export interface LibraryCliOptions {
  data?: string;
  db?: string;
}

export function addLibraryOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--data <dir>', t('cli.opt-data')).env('THIDUA_DATA'))
    .addOption(new Option('--db <url>', t('cli.opt-db')).env('THIDUA_DB'));
}

/** Opens the library the options name; closes it after `fn`. */
export async function withLibrary<T>(opts: LibraryCliOptions, fn: (lib: Library) => Promise<T>): Promise<T> {
  if (opts.db && !/^postgres(ql)?:\/\//.test(opts.db)) throw new UsageError({ code: 'cli.err-db', params: { value: opts.db } });
  const lib = await Library.open(opts.db ? { db: opts.db } : { data: opts.data ?? defaultDataDir() });
  try {
    return await fn(lib);
  } finally {
    await lib.close();
  }
}

export interface FilterCliOptions {
  issuer?: string;
  level?: string;
  kind?: string;
  year?: string;
}

export function addFilterOptions(cmd: Command): Command {
  return cmd
    .option('--issuer <name>', t('cli.opt-issuer'))
    .option('--level <level>', t('cli.opt-level'))
    .option('--kind <kind>', t('cli.opt-kind'))
    .option('--year <year>', t('cli.opt-year'));
}

const LEVELS: Record<string, AdminLevel> = { province: 'province', tinh: 'province', district: 'district', huyen: 'district', commune: 'commune', xa: 'commune' };
const KINDS: Record<string, IssuerKind> = {
  people_committee: 'people_committee', ubnd: 'people_committee', police: 'police', 'cong-an': 'police', congan: 'police', party: 'party', other: 'other',
};

export function filtersFrom(opts: FilterCliOptions): PlanFilters {
  const f: PlanFilters = {};
  const key = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase().trim();
  if (opts.issuer) f.issuer = opts.issuer;
  if (opts.level) {
    f.level = LEVELS[key(opts.level)];
    if (!f.level) throw new UsageError({ code: 'cli.err-level', params: { value: opts.level } });
  }
  if (opts.kind) {
    f.kind = KINDS[key(opts.kind)];
    if (!f.kind) throw new UsageError({ code: 'cli.err-kind', params: { value: opts.kind } });
  }
  if (opts.year) {
    if (!/^\d{4}$/.test(opts.year.trim())) throw new UsageError({ code: 'cli.err-year', params: { value: opts.year } });
    f.year = Number(opts.year);
  }
  return f;
}

function period(p: PlanSummary): string {
  if (p.periodFrom === null) return '';
  return p.periodFrom === p.periodTo || p.periodTo === null ? String(p.periodFrom) : `${p.periodFrom}–${p.periodTo}`;
}

/** The plan list as a terminal table. */
export function renderPlanTable<T extends PlanSummary>(plans: T[], extra?: { header: string; value: (p: T) => string }): string {
  const headers = ['id', 'number', 'date', 'level', 'issuer', 'period', 'title'].map((c) => t(`library.col.${c}`));
  if (extra) headers.push(extra.header);
  const rows = plans.map((p) => {
    const row = [String(p.id), p.number ?? '—', p.date ?? '—', p.level ? (CATALOGUE[`compare.level.${p.level}`] ? t(`compare.level.${p.level}`) : p.level) : '—', p.issuer ?? '—', period(p), p.title ?? '—'];
    if (extra) row.push(extra.value(p));
    return row;
  });
  return renderTable(headers, rows, { maxWidths: [6, 16, 10, 10, 30, 9, 50, 8] });
}
