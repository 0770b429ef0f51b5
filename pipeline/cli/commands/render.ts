// `thidua render mau01|mau08`: fills the award dossier forms from a plan, a nominee list and the
// submitting body — after checking the list against the plan (quotas, criteria, deadline).
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { InputError, UsageError } from '../../errors.js';
import { hasErrors, loadDossier, parseDateOption, parseOccasion, renderMau01, renderMau08, type DossierInput } from '../../forms/dossier.js';
import type { FormName } from '../../forms/fields.js';
import { builtInTemplate, customTemplate, type PreparedTemplate } from '../../forms/render.js';
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
}

function say(opts: RenderOptions, line: string): void {
  if (!opts.quiet) process.stderr.write(`${line}\n`);
}

async function prepare(form: FormName, opts: RenderOptions): Promise<{ dossier: DossierInput; template: PreparedTemplate }> {
  const occasion = parseOccasion(opts.occasion);
  const date = parseDateOption(opts.date);
  const template = opts.template ? await customTemplate(form, opts.template) : builtInTemplate(form);
  for (const missing of template.report.missing) say(opts, `thidua: warning: ${opts.template}: the template lacks ${missing}`);
  const dossier = await loadDossier({ plan: opts.plan, nominees: opts.nominees, from: opts.from, occasion, date });
  for (const warning of dossier.inputWarnings) say(opts, `thidua: warning: ${opts.nominees}: ${warning}`);
  // Errors are always printed (they are why nothing is written); warnings unless --quiet.
  for (const p of dossier.problems) {
    if (p.severity === 'error') process.stderr.write(`thidua: error: ${p.message}\n`);
    else say(opts, `thidua: warning: ${p.message}`);
  }
  if (hasErrors(dossier) && !opts.draft) {
    const count = dossier.problems.filter((p) => p.severity === 'error').length;
    throw new InputError(
      opts.nominees,
      'violation',
      `${count} error(s) against the plan: no file written (fix the list, or write a marked draft with --draft)`,
    );
  }
  return { dossier, template };
}

function common(command: Command, outHelp: string): Command {
  return command
    .requiredOption('--plan <plan>', 'the plan: a plan record (.json) or any document thidua extract reads')
    .requiredOption('--nominees <file>', 'the nominee list: .csv, .xlsx or .json')
    .requiredOption('--from <body.json>', 'the submitting body (cấp trình khen) as JSON')
    .option('--occasion <occasion>', 'award occasion when the plan has several: annual, midterm, final, campaign')
    .option('--date <YYYY-MM-DD>', 'date of the dossier (default: today)')
    .option('--draft', 'write even when the checks fail: marked "DỰ THẢO", with the problems on a last page')
    .option('--template <file.docx>', "a province's own form; its tags are checked against the data model first")
    .option('-q, --quiet', 'no warnings on standard error (errors are always printed)')
    .requiredOption('-o, --out <path>', outHelp)
    .addHelpText(
      'after',
      '\nExit status: 0 when written; 1 for a bad input or a list the plan does not allow (each problem is\nprinted, naming the nominee and the rule and quoting the plan; nothing is written); 2 for a usage error.\nTemplate tags: docs/forms/data-model.md.',
    );
}

export function registerRender(program: Command): void {
  const render = program.command('render').description('fill the award dossier forms (mẫu 01 Tờ trình, mẫu 08 Báo cáo thành tích) as DOCX');
  common(render.command('mau01').description('the Tờ trình đề nghị khen thưởng with its list of nominees (one .docx)'), 'the .docx file to write').action(
    async (opts: RenderOptions) => {
      if (!/\.docx$/i.test(opts.out)) throw new UsageError(`--out for mau01 is a .docx file, not "${opts.out}"`);
      const { dossier, template } = await prepare('mau01', opts);
      const draft = !!opts.draft;
      await writeFileAtomic(opts.out, renderMau01(dossier, template, draft));
      say(opts, `thidua: wrote ${opts.out}${draft ? ' (DỰ THẢO)' : ''}: ${dossier.nominees.length} nominee(s)`);
    },
  );
  common(render.command('mau08').description('a Báo cáo thành tích per nominee (one .docx each, named after the nominee)'), 'the directory to write the reports into').action(
    async (opts: RenderOptions) => {
      const existing = await stat(opts.out).catch(() => null);
      if (existing && !existing.isDirectory()) throw new UsageError(`--out for mau08 is a directory, and "${opts.out}" is a file`);
      const { dossier, template } = await prepare('mau08', opts);
      const draft = !!opts.draft;
      // Everything is rendered in memory first: a failure leaves no partial set of reports.
      const reports = renderMau08(dossier, template, draft);
      await mkdir(opts.out, { recursive: true });
      for (const report of reports) await writeFileAtomic(join(opts.out, report.fileName), report.bytes);
      say(opts, `thidua: wrote ${reports.length} report(s) to ${opts.out}${draft ? ' (DỰ THẢO)' : ''}`);
    },
  );
  for (const command of render.commands) command.exitOverride();
}
