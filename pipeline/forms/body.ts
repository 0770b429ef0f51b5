// The submitting body (cấp trình khen): the agency that signs the Tờ trình and confirms the
// reports. JSON as in ../shared/spec/dossier-input.md, plus a few optional fields.
import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { InputError } from '../errors.js';

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
     * "KT. Trưởng phòng", or several lines ["TM. Ủy ban nhân dân", "KT. Chủ tịch"], or absent
     * when the head signs.
     */
    authority: z.union([z.string().trim().max(120), z.array(z.string().trim().min(1).max(120)).max(3)]).optional(),
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

export function parseSubmittingBody(value: unknown, path: string | null): SubmittingBody {
  const result = SubmittingBody.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : 'the document';
    throw new InputError(path, 'invalid', `the submitting body is not valid: ${where}: ${issue.message}`);
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
    throw new InputError(path, 'missing', 'the submitting body file does not exist');
  }
  if (size === 0) throw new InputError(path, 'empty', 'the submitting body file is empty');
  if (size > 1024 * 1024) throw new InputError(path, 'too-large', 'the submitting body file is larger than 1 MB');
  let value: unknown;
  try {
    value = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError(path, 'invalid', `the submitting body is not valid JSON (${(error as Error).message})`);
  }
  return parseSubmittingBody(value, path);
}
