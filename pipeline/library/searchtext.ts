// What of a record is searched, by weight: A the identification (number, title, issuer,
// place), B the campaign contents and subjects, C the rest of the prose (basis subjects,
// criteria, awards, responsibilities, tasks).
import type { PlanRecord } from '../record/schema.js';

export interface SearchTexts {
  a: string;
  b: string;
  c: string;
}

/** Longest text of one weight put into the index (guards the index against huge records). */
const MAX_CHARS = 200_000;

export function searchTexts(r: PlanRecord): SearchTexts {
  const d = r.document;
  const a = [d.type, d.number, d.title, d.issuer.name, d.place].filter(Boolean).join(' \n ');
  const b = [...r.contents, ...r.subjects.collective, ...r.subjects.individual].join(' \n ');
  const c = [
    ...r.basis.map((x) => [x.type, x.number, x.issuer, x.subject].filter(Boolean).join(' ')),
    ...r.criteria.map((x) => x.text),
    ...r.awards.map((x) => [x.title, x.conferrer, ...x.breakdown.map((i) => i.category ?? '')].filter(Boolean).join(' ')),
    ...r.responsibilities.map((x) => [x.unit, ...x.duties].join(' ')),
    ...r.tasks.map((x) => x.content),
  ].join(' \n ');
  return { a: a.slice(0, MAX_CHARS), b: b.slice(0, MAX_CHARS), c: c.slice(0, MAX_CHARS) };
}
