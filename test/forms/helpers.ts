// Helpers for the award-form tests: fixtures, running the CLI in-process, reading a DOCX back.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import PizZip from 'pizzip';
import { main } from '../../pipeline/cli/index.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const GOLD = join(ROOT, 'corpus', 'gold');
export const FIXTURES = join(import.meta.dirname, 'fixtures');
export const gold = (id: string) => join(GOLD, readGoldName(id));

function readGoldName(id: string): string {
  const names = ['000_499ce2f91f22c4b0.json', '001_bc94cfae2ebd58ab.json', '002_4f12695a239b332f.json', '003_79ae1312620914b2.json', '004_117274c581549a38.json'];
  const name = names.find((n) => n.startsWith(id));
  if (!name) throw new Error(`no gold record ${id}`);
  return name;
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-forms-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writeJson(path: string, value: unknown): string {
  writeFileSync(path, JSON.stringify(value, null, 2));
  return path;
}

/** Runs `thidua …` in this process; returns the exit code and what went to standard error. */
export async function runCli(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const original = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stderr.write;
  try {
    // The CLI speaks Vietnamese by default; a test that reads the English wording passes --lang en.
    const code = await main(['node', 'thidua', ...args]);
    return { code, stderr };
  } finally {
    process.stderr.write = original;
  }
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

export interface DocxText {
  xml: string;
  /** Text of each paragraph (runs joined, line breaks as \n). */
  paragraphs: string[];
  /** All paragraphs joined with \n. */
  text: string;
}

/** Reads a DOCX back: its document.xml (checked well-formed) and the text of each paragraph. */
export function readDocx(source: string | Uint8Array): DocxText {
  const bytes = typeof source === 'string' ? readFileSync(source) : source;
  const zip = new PizZip(bytes);
  const xml = zip.file('word/document.xml')!.asText();
  const errors: string[] = [];
  new DOMParser({ onError: (level: string, message: string) => void (level !== 'warning' && errors.push(message)) }).parseFromString(xml, 'text/xml');
  if (errors.length) throw new Error(`word/document.xml is not well-formed: ${errors[0]}`);
  const paragraphs = xml.split('</w:p>').map((p) =>
    [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
      .map((m) => (m[0] === '<w:br/>' ? '\n' : m[1]!.replace(/&(amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e]!)))
      .join(''),
  ).filter((p) => p !== '');
  return { xml, paragraphs, text: paragraphs.join('\n') };
}

export const BODY = join(FIXTURES, 'body-chau-thanh.json');
/** A submitting body that may propose the awards of each gold plan (same unit, the conferrer addressed). */
export const BODIES: Record<string, string> = {
  '000': join(FIXTURES, 'body-cu-lao-dung.json'),
  '001': BODY,
  '002': join(FIXTURES, 'body-nga-nam.json'),
  '004': join(FIXTURES, 'body-soc-trang.json'),
};

export interface NomineeInput {
  birth_date?: string;
  gender?: string;
  hometown?: string;
  residence?: string;
  qualification?: string;
  recipient: 'collective' | 'individual' | 'tập thể' | 'cá nhân';
  name: string;
  position?: string;
  unit?: string;
  category?: string;
  achievements?: string;
  task_completion?: number | string;
  satisfaction?: number | string;
  index_rating?: string;
  index_growth?: string;
  satisfaction_growth?: string;
}

export function collectives(n: number, extra: Partial<NomineeInput> = {}, prefix = 'Tập thể'): NomineeInput[] {
  return Array.from({ length: n }, (_, i) => ({
    recipient: 'collective' as const,
    name: `${prefix} số ${i + 1}`,
    unit: 'Ủy ban nhân dân',
    achievements: `Thành tích của ${prefix.toLowerCase()} số ${i + 1}.`,
    task_completion: 100,
    satisfaction: 95,
    index_rating: 'tốt',
    index_growth: 'có',
    satisfaction_growth: 'có',
    ...extra,
  }));
}

export function individuals(n: number, extra: Partial<NomineeInput> = {}, prefix = 'Nguyễn Văn'): NomineeInput[] {
  return Array.from({ length: n }, (_, i) => ({
    recipient: 'individual' as const,
    name: `${prefix} Số${i + 1}`,
    position: 'Chuyên viên',
    unit: `Phòng ${i + 1}`,
    achievements: `Thành tích cá nhân ${i + 1}.`,
    index_growth: 'có',
    ...extra,
  }));
}

/** LibreOffice is installed (Debian: libreoffice-writer-nogui); the tests that need it skip otherwise. */
export const HAS_SOFFICE = (() => {
  try {
    return execFileSync('soffice', ['--version'], { stdio: 'pipe', timeout: 60_000 }).length > 0;
  } catch {
    return false;
  }
})();

function docxFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...docxFiles(path));
    else if (entry.name.endsWith('.docx')) out.push(path);
  }
  return out;
}

/**
 * Opens every DOCX under `dir` in LibreOffice (headless conversion to PDF, one run) and returns
 * those that did not convert: a file LibreOffice cannot open gives no PDF.
 */
export function unopenable(dir: string, inputs: RegExp | null = null): { count: number; failed: string[] } {
  const files = docxFiles(dir).filter((f) => !f.includes('/.lo-') && !(inputs && inputs.test(f)));
  if (files.length === 0) return { count: 0, failed: [] };
  const pdfDir = mkdtempSync(join(dir, '.lo-pdf-'));
  // Files of the same name in different directories: each gets a unique name first.
  const staged = files.map((f, i) => {
    const copy = join(pdfDir, `${String(i).padStart(4, '0')}.docx`);
    copyFileSync(f, copy);
    return copy;
  });
  execFileSync('soffice', [`-env:UserInstallation=file://${join(pdfDir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', pdfDir, ...staged], {
    stdio: 'pipe',
    timeout: 60_000 + 3_000 * files.length,
  });
  const failed = files.filter((_, i) => !existsSync(join(pdfDir, `${String(i).padStart(4, '0')}.pdf`)));
  rmSync(pdfDir, { recursive: true, force: true });
  return { count: files.length, failed };
}
