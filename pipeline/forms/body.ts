// The submitting body (cấp trình khen): the agency that signs the Tờ trình and confirms the
// reports. JSON as in ../shared/spec/dossier-input.md, plus a few optional fields.
import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { t } from '../messages/index.js';

const text = (max: number) => z.string().trim().min(1).max(max);

export const SubmittingBody = z.object({
  /** "Phòng Nội vụ huyện Châu Thành" */
  name: text(300),
  /** Cơ quan chủ quản: "Ủy ban nhân dân huyện Châu Thành" (optional). */
  parent: text(300).optional(),
  /** Abbreviation in the document symbol: "PNV" → "Số: …/TTr-PNV". */
  symbol: z.string().trim().min(1).max(40).regex(/^[\p{L}\p{N}.-]+$/u, 'letters, digits, "." and "-" only'),
  /** Địa danh of the place-and-date line: "Châu Thành". */
  place: text(120),
  /** Kính gửi: "Chủ tịch Ủy ban nhân dân huyện Châu Thành". */
  addressee: text(300),
  signer: z.object({
    /**
     * "KT. Trưởng phòng", or several lines ["TM. Ủy ban nhân dân", "KT. Chủ tịch"], or null or
     * absent when the head signs in their own name.
     */
    authority: z.union([z.string().trim().max(120), z.array(z.string().trim().min(1).max(120)).max(3), z.null()]).optional(),
    /** The signer's own title: "Phó Trưởng phòng". */
    position: text(120),
    name: text(120),
  }),
  /** The registered number of the Tờ trình; left blank (filled in at registration) when absent. */
  number: z.union([z.number().int().positive(), z.string().trim().regex(/^\d{1,6}$/)]).optional(),
  /** Extra "Nơi nhận" lines after "Như trên" (without dash or final punctuation). */
  recipients: z.array(text(300)).max(50).optional(),
  /** Extra "Căn cứ …" lines after the law and the plan (without "Căn cứ" or final punctuation). */
  basis: z.array(text(600)).max(20).optional(),
  /** Initials of the drafting unit for "Lưu: VT, …" (default: the symbol). */
  archive: z.string().trim().max(40).optional(),
  /** Sizes of the population a ratio quota is counted on ("không quá 10% tập thể"). */
  totals: z
    .object({ collective: z.number().int().nonnegative().optional(), individual: z.number().int().nonnegative().optional() })
    .optional(),
});
export type SubmittingBody = z.infer<typeof SubmittingBody>;

/** The catalogue's label and example of each field of the body's JSON (by dotted path). */
const FIELD_CODES: Record<string, string> = {
  name: 'forms.body-field-name',
  parent: 'forms.body-field-parent',
  symbol: 'forms.body-field-symbol',
  place: 'forms.body-field-place',
  addressee: 'forms.body-field-addressee',
  signer: 'forms.body-field-signer',
  'signer.authority': 'forms.body-field-authority',
  'signer.position': 'forms.body-field-position',
  'signer.name': 'forms.body-field-signer-name',
  number: 'forms.body-field-number',
  recipients: 'forms.body-field-recipients',
  basis: 'forms.body-field-basis',
  archive: 'forms.body-field-archive',
  totals: 'forms.body-field-totals',
};

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** One zod issue in the user's words: which field, what is wrong, an example of a right value. */
export function bodyIssueText(issue: z.core.$ZodIssue, value: unknown): string {
  const path = issue.path.filter((k) => typeof k === 'string').join('.');
  const index = issue.path.find((k) => typeof k === 'number');
  const found = valueAt(value, issue.path);
  let problem: string;
  if (issue.code === 'invalid_type' && found === undefined) problem = 'forms.body-missing';
  else if (issue.code === 'too_small' && typeof found === 'string') problem = 'forms.body-empty';
  else if (issue.code === 'too_big') problem = 'forms.body-too-long';
  else if (issue.code === 'invalid_format') problem = 'forms.body-bad-symbol';
  else problem = 'forms.body-wrong-kind';
  const field = FIELD_CODES[path] ?? null;
  const label = field ? t(field) : path || t('forms.body-whole');
  const shown = typeof found === 'string' ? found.slice(0, 60) : JSON.stringify(found)?.slice(0, 60);
  return t('forms.body-invalid', {
    field: label + (index !== undefined ? ` (${t('forms.where-line', { n: Number(index) + 1 })})` : ''),
    problem: t(problem, { value: shown ?? '', max: (issue as { maximum?: number | bigint }).maximum?.toString() ?? '' }),
  });
}

export function parseSubmittingBody(value: unknown, path: string | null): SubmittingBody {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new InputError(path, 'invalid', t('forms.body-not-object'));
  const result = SubmittingBody.safeParse(value);
  if (!result.success) {
    throw new InputError(path, 'invalid', result.error.issues.slice(0, 3).map((issue) => bodyIssueText(issue, value)).join('; '));
  }
  const body = result.data;
  for (const key of ['name', 'parent', 'place', 'addressee'] as const) {
    if (body[key] !== undefined) body[key] = body[key]!.normalize('NFC');
  }
  return body;
}

export async function readSubmittingBody(path: string): Promise<SubmittingBody> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new InputError(path, 'missing', t('forms.body-file-missing'));
  }
  if (size === 0) throw new InputError(path, 'empty', t('forms.body-file-empty'));
  if (size > 1024 * 1024) throw new InputError(path, 'too-large', t('forms.body-file-too-large'));
  let value: unknown;
  try {
    value = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError(path, 'invalid', t('forms.body-bad-json', { detail: (error as Error).message }));
  }
  return parseSubmittingBody(value, path);
}
