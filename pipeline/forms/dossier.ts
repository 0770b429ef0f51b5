// A dossier (hồ sơ đề nghị khen thưởng): the plan, the nominee list and the submitting body,
// checked against each other, then rendered as mẫu 01 (one Tờ trình) or mẫu 08 (one report
// per nominee). Nothing is rendered from a dossier with errors unless it is a draft.
import { UsageError } from '../errors.js';
import { t } from '../messages/index.js';
import type { Occasion } from '../record/schema.js';
import { readSubmittingBody, type SubmittingBody } from './body.js';
import { checkDossier, selectOccasion, type Problem } from './checks.js';
import { parseIsoDate, today, type CalendarDate } from './dates.js';
import { mau01Data, mau08Data, orderNominees, type ModelInput } from './model.js';
import { readNominees, type Nominee } from './nominees.js';
import { loadPlan, type LoadedPlan } from './plan.js';
import { renderDocx, type PreparedTemplate } from './render.js';

export const OCCASIONS: Occasion[] = ['annual', 'midterm', 'final', 'campaign'];

/** What the form data model needs, and remarks about the inputs themselves. */
export interface DossierInput extends Omit<ModelInput, 'draft'> {
  /** Remarks about the inputs themselves (ignored columns …). */
  inputWarnings: string[];
}

export function parseOccasion(value: string | undefined): Occasion | undefined {
  if (value === undefined) return undefined;
  if (!(OCCASIONS as string[]).includes(value)) throw new UsageError(t('forms.bad-occasion', { occasions: OCCASIONS.join(', '), value }));
  return value as Occasion;
}

export function parseDateOption(value: string | undefined): CalendarDate {
  if (value === undefined) return today();
  const date = parseIsoDate(value);
  if (!date) throw new UsageError(t('forms.bad-date', { value }));
  return date;
}

/** Reads the three inputs and runs the checks. */
export async function loadDossier(options: {
  plan: string;
  nominees: string;
  from: string;
  occasion?: Occasion;
  date: CalendarDate;
}): Promise<DossierInput> {
  const plan = await loadPlan(options.plan);
  const occasion = selectOccasion(plan, options.occasion);
  const body = await readSubmittingBody(options.from);
  const list = await readNominees(options.nominees);
  const problems = checkDossier({ plan, nominees: list.nominees, occasion, date: options.date, body });
  return { plan, body, nominees: list.nominees, occasion, date: options.date, problems, inputWarnings: list.warnings };
}

export function hasErrors(dossier: DossierInput): boolean {
  return dossier.problems.some((p) => p.severity === 'error');
}

function modelInput(dossier: DossierInput, draft: boolean) {
  return { ...dossier, draft };
}

export function renderMau01(dossier: DossierInput, template: PreparedTemplate, draft: boolean): Uint8Array {
  return renderDocx(template, mau01Data(modelInput(dossier, draft)));
}

/** A file name from a nominee's name: its words, without characters file systems refuse. */
export function reportFileName(no: number, name: string): string {
  const safe = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 100)
    .trim();
  return `${String(no).padStart(2, '0')} - ${safe || 'nominee'}.docx`;
}

export function renderMau08(dossier: DossierInput, template: PreparedTemplate, draft: boolean): { fileName: string; bytes: Uint8Array }[] {
  const input = modelInput(dossier, draft);
  return orderNominees(dossier.nominees).map((nominee, i) => ({
    fileName: reportFileName(i + 1, nominee.name),
    // A report lists the problems of its own nominee and those of the whole list.
    bytes: renderDocx(template, mau08Data({ ...input, problems: input.problems.filter((p) => p.nominee === null || p.nominee === nominee.name) }, nominee, i)),
  }));
}
