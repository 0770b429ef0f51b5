// The award forms from the web: a nominee list (XLSX, CSV or JSON) and the submitting body are
// checked against a library plan, then mẫu 01 (one DOCX) or mẫu 08 (one DOCX per nominee, in a
// zip) are rendered with the forms' own functions (pipeline/forms, unchanged).
import type { FastifyInstance } from 'fastify';
import { parse as parseCsv } from 'csv-parse/sync';
import PizZip from 'pizzip';
import { InputError } from '../errors.js';
import { parseSubmittingBody } from '../forms/body.js';
import { checkDossier, selectOccasion } from '../forms/checks.js';
import { parseIsoDate, today } from '../forms/dates.js';
import { renderMau01, renderMau08, type DossierInput } from '../forms/dossier.js';
import { MAX_NOMINEE_FILE_BYTES, nomineesFromJson, nomineesFromRows, type NomineeList } from '../forms/nominees.js';
import { builtInTemplate } from '../forms/render.js';
import { detectKind } from '../ingest/detect.js';
import type { Occasion } from '../record/schema.js';
import { ApiError } from './errors.js';
import { displayName, sendBytes, type ServerContext } from './server.js';
import { docxToPdf, PdfUnavailable } from './pdf.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The nominee list from its bytes: XLSX by content, JSON when it starts like JSON, else CSV. */
async function readNomineeBytes(bytes: Buffer, name: string): Promise<NomineeList> {
  if (bytes.length === 0) throw new InputError(name, 'empty', 'the nominee list is empty');
  if (bytes.length > MAX_NOMINEE_FILE_BYTES) throw new InputError(name, 'too-large', `the nominee list is larger than ${MAX_NOMINEE_FILE_BYTES / 1024 / 1024} MB`);
  const kind = detectKind(bytes);
  if (kind === 'xlsx') {
    const { readSheet } = await import('read-excel-file/node');
    let rows: unknown[][];
    try {
      rows = (await readSheet(bytes)) as unknown[][];
    } catch (error) {
      throw new InputError(name, 'invalid', `the nominee list is not a readable XLSX workbook (${(error as Error).message})`);
    }
    return nomineesFromRows(rows, name);
  }
  if (kind !== 'text') throw new InputError(name, 'unsupported-format', 'the nominee list must be .csv, .xlsx or .json');
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (/^\s*[[{]/.test(text)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new InputError(name, 'invalid', `the nominee list is not valid JSON (${(error as Error).message})`);
    }
    return nomineesFromJson(value, name);
  }
  let rows: string[][];
  try {
    rows = parseCsv(bytes, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    throw new InputError(name, 'invalid', `the nominee list is not valid CSV (${(error as Error).message})`);
  }
  return nomineesFromRows(rows, name);
}

const OCCASIONS = ['annual', 'midterm', 'final', 'campaign'];

export function registerFormRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { lib } = ctx;
  app.post(
    '/api/plans/:id/forms/:form',
    {
      schema: {
        tags: ['forms'],
        summary:
          'Check a nominee list against the plan and fill mẫu 01 (Tờ trình, one DOCX) or mẫu 08 (Báo cáo thành tích, a zip of one DOCX per nominee). Multipart: "nominees" (XLSX, CSV or JSON), "body" (the submitting body, JSON), optional "occasion", "date" (YYYY-MM-DD), "draft" (true: write even with errors). ?format=docx returns the file itself, ?format=pdf the same as PDF (where LibreOffice is installed: GET /api/health says pdf: true); JSON (default) gives the checks and the files in base64.',
        consumes: ['multipart/form-data'],
        params: { type: 'object', properties: { id: { type: 'integer', minimum: 1 }, form: { type: 'string', enum: ['mau01', 'mau08'] } }, required: ['id', 'form'] },
        querystring: { type: 'object', properties: { format: { type: 'string', enum: ['json', 'docx', 'pdf'], default: 'json' }, lang: { type: 'string', enum: ['vi', 'en'] } } },
      },
    },
    async (req, reply) => {
      const { id, form } = req.params as { id: number; form: 'mau01' | 'mau08' };
      const format = (req.query as { format: 'json' | 'docx' | 'pdf' }).format;
      const plan = await lib.get(id);
      if (!plan) throw new ApiError(404, 'web.plan-not-found', { id });
      if (!req.isMultipart()) throw new ApiError(415, 'web.no-file');
      const fields: Record<string, string> = {};
      let list: NomineeList | null = null;
      let listName = 'nominees';
      for await (const part of req.parts()) {
        if (part.type === 'file') {
          const bytes = await part.toBuffer();
          if (part.file.truncated) throw new ApiError(413, 'web.too-large', { limit: MAX_NOMINEE_FILE_BYTES });
          listName = displayName(part.filename);
          list = await readNomineeBytes(bytes, listName);
        } else {
          fields[part.fieldname] = String(part.value);
        }
      }
      if (!list) throw new ApiError(400, 'web.no-file');
      let bodyValue: unknown;
      try {
        bodyValue = JSON.parse(fields.body ?? '');
      } catch {
        throw new ApiError(400, 'web.forms-input', { detail: 'body: JSON of the submitting body (cấp trình khen) is required' });
      }
      const body = parseSubmittingBody(bodyValue, 'body');
      if (fields.occasion && !OCCASIONS.includes(fields.occasion)) throw new ApiError(400, 'web.forms-input', { detail: `occasion: ${OCCASIONS.join(', ')}` });
      const date = fields.date ? parseIsoDate(fields.date) : today();
      if (!date) throw new ApiError(400, 'web.forms-input', { detail: 'date: YYYY-MM-DD' });
      const draft = fields.draft === 'true' || fields.draft === '1';
      const text = (await lib.sourceText(id))?.text ?? null;
      const loaded = { record: plan.record, text, path: plan.path ?? `plan ${id}` };
      const occasion = selectOccasion(loaded, fields.occasion as Occasion | undefined);
      const problems = checkDossier({ plan: loaded, nominees: list.nominees, occasion, date, body });
      const dossier: DossierInput = { plan: loaded, body, nominees: list.nominees, occasion, date, problems, inputWarnings: list.warnings };
      const errors = problems.filter((p) => p.severity === 'error').length;
      const checks = {
        id,
        form,
        occasion,
        nominees: list.nominees.length,
        problems: problems.map((p) => ({ severity: p.severity, rule: p.rule, nominee: p.nominee, text: p.text(req.lang === 'vi' ? 'vi' : 'en') })),
        warnings: list.warnings,
        errors,
        draft,
      };
      if (errors > 0 && !draft) {
        if (format !== 'json') throw new ApiError(422, 'web.forms-errors', { count: errors }, { checks });
        return { ...checks, files: [] };
      }
      const template = builtInTemplate(form);
      let file: { name: string; type: string; bytes: Uint8Array };
      // PDF (issue 12, the pages): the same documents converted by LibreOffice.
      const asPdf = async (docs: Uint8Array[]) => {
        try {
          return await docxToPdf(docs);
        } catch (error) {
          if (error instanceof PdfUnavailable) throw new ApiError(503, error.reason === 'no-soffice' ? 'webui.pdf-unavailable' : 'webui.pdf-failed', { detail: error.message });
          throw error;
        }
      };
      if (form === 'mau01') {
        const docx = renderMau01(dossier, template, draft);
        file = format === 'pdf' ? { name: `mau01-plan-${id}.pdf`, type: 'application/pdf', bytes: (await asPdf([docx]))[0]! } : { name: `mau01-plan-${id}.docx`, type: DOCX, bytes: docx };
      } else {
        const zip = new PizZip();
        const reports = renderMau08(dossier, template, draft);
        const pdfs = format === 'pdf' ? await asPdf(reports.map((r) => r.bytes)) : null;
        reports.forEach((r, i) => (pdfs ? zip.file(r.fileName.replace(/\.docx$/i, '.pdf'), pdfs[i]!) : zip.file(r.fileName, r.bytes)));
        file = { name: `mau08-plan-${id}${pdfs ? '-pdf' : ''}.zip`, type: 'application/zip', bytes: zip.generate({ type: 'uint8array', compression: 'DEFLATE' }) };
      }
      if (format !== 'json') return sendBytes(reply, file.bytes, file.type, file.name);
      return { ...checks, files: [{ name: file.name, type: file.type, base64: Buffer.from(file.bytes).toString('base64') }] };
    },
  );
}
