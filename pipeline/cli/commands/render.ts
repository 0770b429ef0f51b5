// `thidua render mau01|mau08`: fills the award dossier forms from a plan, a nominee list and the
// submitting body — after checking the list against the plan (quotas, criteria, deadline).
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { InputError, UsageError } from '../../errors.js';
import { t } from '../../messages/index.js';
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
  for (const missing of template.report.missing) say(opts, `thidua: ${t('cli.render.template-lacks', { template: opts.template, missing })}`);
  const dossier = await loadDossier({ plan: opts.plan, nominees: opts.nominees, from: opts.from, occasion, date });
  for (const warning of dossier.inputWarnings) say(opts, `thidua: ${t('cli.render.warning', { message: `${opts.nominees}: ${warning}` })}`);
  // Errors are always printed (they are why nothing is written); warnings unless --quiet.
  for (const p of dossier.problems) {
    if (p.severity === 'error') process.stderr.write(`thidua: ${t('cli.render.error', { message: p.message })}\n`);
    else say(opts, `thidua: ${t('cli.render.warning', { message: p.message })}`);
  }
  if (hasErrors(dossier) && !opts.draft) {
    const count = dossier.problems.filter((p) => p.severity === 'error').length;
    throw new InputError(opts.nominees, 'violation', { code: 'cli.render.violations', params: { count } });
  }
  return { dossier, template };
}

function common(command: Command, outHelp: string): Command {
  return command
    .requiredOption('--plan <plan>', t('cli.render.opt-plan'))
    .requiredOption('--nominees <file>', t('cli.render.opt-nominees'))
    .requiredOption('--from <body.json>', t('cli.render.opt-from'))
    .option('--occasion <occasion>', t('cli.render.opt-occasion'))
    .option('--date <YYYY-MM-DD>', t('cli.render.opt-date'))
    .option('--draft', t('cli.render.opt-draft'))
    .option('--template <file.docx>', t('cli.render.opt-template'))
    .option('-q, --quiet', t('cli.render.opt-quiet'))
    .requiredOption('-o, --out <path>', outHelp)
    .addHelpText('after', '\n' + t('cli.render.help-after'));
}

export function registerRender(program: Command): void {
  const render = program.command('render').description(t('cli.render.description'));
  common(render.command('mau01').description(t('cli.render.mau01')), t('cli.render.out-mau01')).action(
    async (opts: RenderOptions) => {
      if (!/\.docx$/i.test(opts.out)) throw new UsageError({ code: 'cli.render.out-not-docx', params: { value: opts.out } });
      const { dossier, template } = await prepare('mau01', opts);
      const draft = !!opts.draft;
      await writeFileAtomic(opts.out, renderMau01(dossier, template, draft));
      say(opts, `thidua: ${t('cli.render.wrote-mau01', { path: opts.out, draft: draft ? ' (DỰ THẢO)' : '', count: dossier.nominees.length })}`);
    },
  );
  common(render.command('mau08').description(t('cli.render.mau08')), t('cli.render.out-mau08')).action(
    async (opts: RenderOptions) => {
      const existing = await stat(opts.out).catch(() => null);
      if (existing && !existing.isDirectory()) throw new UsageError({ code: 'cli.render.out-is-file', params: { value: opts.out } });
      const { dossier, template } = await prepare('mau08', opts);
      const draft = !!opts.draft;
      // Everything is rendered in memory first: a failure leaves no partial set of reports.
      const reports = renderMau08(dossier, template, draft);
      await mkdir(opts.out, { recursive: true });
      for (const report of reports) await writeFileAtomic(join(opts.out, report.fileName), report.bytes);
      say(opts, `thidua: ${t('cli.render.wrote-mau08', { count: reports.length, path: opts.out, draft: draft ? ' (DỰ THẢO)' : '' })}`);
    },
  );
  for (const command of render.commands) command.exitOverride();
}
