// `thidua render mau01|mau08`: fills the award dossier forms from a plan, a nominee list and the
// submitting body — after checking the list against the plan (quotas, criteria, deadline, who
// may propose to whom). Every line it prints comes from the message catalogue (forms.*).
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { InputError, UsageError } from '../../errors.js';
import { groupedLines } from '../../forms/checks.js';
import { hasErrors, loadDossier, parseDateOption, parseOccasion, renderMau01, renderMau08, type DossierInput } from '../../forms/dossier.js';
import type { FormName } from '../../forms/fields.js';
import { PdfError, convertToPdf, findSoffice } from '../../forms/pdf.js';
import { builtInTemplate, customTemplate, type PreparedTemplate } from '../../forms/render.js';
import { t } from '../../messages/index.js';
import { writeFileAtomic } from '../io.js';

interface RenderOptions {
  plan: string;
  nominees: string;
  from: string;
  occasion?: string;
  date?: string;
  out: string;
  draft?: boolean;
  template?: string;
  quiet?: boolean;
  verbose?: boolean;
  pdf?: boolean;
}

function say(opts: RenderOptions, line: string): void {
  if (!opts.quiet) process.stderr.write(`${line}\n`);
}

async function prepare(form: FormName, opts: RenderOptions): Promise<{ dossier: DossierInput; template: PreparedTemplate; soffice: string | null }> {
  const occasion = parseOccasion(opts.occasion);
  const date = parseDateOption(opts.date);
  // LibreOffice is looked for first: a --pdf that cannot be honoured writes nothing.
  const soffice = opts.pdf ? findSoffice() : null;
  if (opts.pdf && !soffice) throw new InputError(opts.out, 'missing', t('forms.pdf-no-soffice'));
  const template = opts.template ? await customTemplate(form, opts.template) : builtInTemplate(form);
  for (const missing of template.report.missing) say(opts, `thidua: ${t('forms.warning')}: ${t('forms.template-lacks', { file: opts.template ?? '', tag: missing })}`);
  const dossier = await loadDossier({ plan: opts.plan, nominees: opts.nominees, from: opts.from, occasion, date });
  for (const warning of dossier.inputWarnings) say(opts, `thidua: ${t('forms.warning')}: ${opts.nominees}: ${warning}`);
  // Errors are always printed (they are why nothing is written); warnings unless --quiet. One
  // line per rule and criterion, naming the nominees it concerns; --verbose: one per nominee.
  for (const p of groupedLines(dossier.problems, undefined, !!opts.verbose)) {
    if (p.severity === 'error') process.stderr.write(`thidua: ${t('forms.error')}: ${p.line}\n`);
    else say(opts, `thidua: ${t('forms.warning')}: ${p.line}`);
  }
  if (hasErrors(dossier) && !opts.draft) {
    const count = dossier.problems.filter((p) => p.severity === 'error').length;
    throw new InputError(opts.nominees, 'violation', t('forms.refused', { count }));
  }
  return { dossier, template, soffice };
}

/**
 * Writes the documents (and their PDFs with --pdf) into `dir`: everything is made in a
 * temporary directory first, so a failed conversion leaves no file behind.
 */
async function writeAll(documents: { fileName: string; bytes: Uint8Array }[], dir: string, soffice: string | null): Promise<number> {
  if (!soffice) {
    for (const d of documents) await writeFileAtomic(join(dir, d.fileName), d.bytes);
    return 0;
  }
  const work = await mkdtemp(join(tmpdir(), 'thidua-render-'));
  try {
    const files = [];
    for (const d of documents) {
      const path = join(work, d.fileName);
      await writeFile(path, d.bytes);
      files.push(path);
    }
    let pdfs: string[];
    try {
      pdfs = await convertToPdf(soffice, files, work);
    } catch (error) {
      if (error instanceof PdfError) throw new InputError(dir, 'unreadable', t('forms.pdf-failed', { detail: error.message }));
      throw error;
    }
    await mkdir(dir, { recursive: true });
    for (const d of documents) await writeFileAtomic(join(dir, d.fileName), d.bytes);
    for (const pdf of pdfs) await writeFileAtomic(join(dir, basename(pdf)), await readFile(pdf));
    return pdfs.length;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function common(command: Command, outHelp: string): Command {
  return command
    .requiredOption('--plan <plan>', 'the plan: a plan record (.json) or any document thidua extract reads')
    .requiredOption('--nominees <file>', 'the nominee list: CSV ("," or ";", UTF-8 or Windows-1258), Unicode text (UTF-16, tabs), XLSX or JSON')
    .requiredOption('--from <body.json>', 'the submitting body (cấp trình khen) as JSON')
    .option('--occasion <occasion>', 'award occasion when the plan has several: annual, midterm, final, campaign')
    .option('--date <YYYY-MM-DD>', 'date of the dossier (default: today)')
    .option('--draft', 'write even when the checks fail: marked "DỰ THẢO", with the problems on a last page')
    .option('--template <file.docx>', "a province's own form; its tags are checked against the data model first")
    .option('--pdf', 'also write each document as PDF (LibreOffice headless)')
    .option('--verbose', 'one message per nominee and rule instead of one per rule')
    .option('-q, --quiet', 'no warnings on standard error (errors are always printed)')
    .requiredOption('-o, --out <path>', outHelp)
    .addHelpText(
      'after',
      '\nExit status: 0 when written; 1 for a bad input or a list the plan does not allow (each problem is\nprinted, naming the nominees and the rule and quoting the plan; nothing is written); 2 for a usage error.\nTemplate tags: docs/forms/data-model.md. Inputs and list formats: docs/forms.md.',
    );
}

export function registerRender(program: Command): void {
  const render = program.command('render').description('fill the award dossier forms (mẫu 01 Tờ trình, mẫu 08 Báo cáo thành tích) as DOCX');
  common(render.command('mau01').description('the Tờ trình đề nghị khen thưởng with its list of nominees (one .docx)'), 'the .docx file to write').action(
    async (opts: RenderOptions) => {
      if (!/\.docx$/i.test(opts.out)) throw new UsageError(t('forms.out-not-docx', { out: opts.out }));
      const { dossier, template, soffice } = await prepare('mau01', opts);
      const draft = !!opts.draft;
      const bytes = renderMau01(dossier, template, draft);
      const dir = join(opts.out, '..');
      const pdfs = await writeAll([{ fileName: basename(opts.out), bytes }], dir, soffice);
      say(opts, `thidua: ${t('forms.wrote-mau01', { out: opts.out, count: dossier.nominees.length, pdf: pdfs ? t('forms.with-pdf') : '', draft: draft ? ' (DỰ THẢO)' : '' })}`);
    },
  );
  common(render.command('mau08').description('a Báo cáo thành tích per nominee (one .docx each, named after the nominee)'), 'the directory to write the reports into').action(
    async (opts: RenderOptions) => {
      const existing = await stat(opts.out).catch(() => null);
      if (existing && !existing.isDirectory()) throw new UsageError(t('forms.out-not-dir', { out: opts.out }));
      const { dossier, template, soffice } = await prepare('mau08', opts);
      const draft = !!opts.draft;
      // Everything is rendered in memory first: a failure leaves no partial set of reports.
      const reports = renderMau08(dossier, template, draft);
      await mkdir(opts.out, { recursive: true });
      const pdfs = await writeAll(reports, opts.out, soffice);
      say(opts, `thidua: ${t('forms.wrote-mau08', { out: opts.out, count: reports.length, pdf: pdfs ? t('forms.with-pdf') : '', draft: draft ? ' (DỰ THẢO)' : '' })}`);
    },
  );
  for (const command of render.commands) command.exitOverride();
}
