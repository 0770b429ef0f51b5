// completeness: does the text hold the whole document? A photo of page 1, a text that starts
// mid-way or a page range lacks the header or the signature (contract revision 2, incomplete
// input): `source.complete` says so, with an `incomplete-document` warning naming what is missing.
import type { VFile } from 'vfile';
import type { AdminRoot } from '../pipeline/parse/types.js';
import { report, topNodes } from './util.js';

export interface Completeness {
  complete: boolean;
  missing: string[];
}

export function checkCompleteness(tree: AdminRoot, file: VFile, pages: { total: number | null; read: number }): Completeness {
  const missing: string[] = [];
  const header = topNodes(tree, 'header')[0];
  const own = header?.children.some((f) => f.type === 'docNumber' || f.type === 'placeDate' || f.type === 'nationalName' || f.type === 'motto');
  if (!own && !topNodes(tree, 'docType').length) missing.push('its beginning (no header: issuing body, number, place and date)');
  if (!topNodes(tree, 'signature').length && !topNodes(tree, 'recipients').length) missing.push('its end (no recipients, no signature)');
  if (pages.total !== null && pages.read < pages.total) missing.push(`pages: ${pages.read} of ${pages.total} were read`);
  if (missing.length) report(file, 'warning', 'incomplete-document', `the text lacks ${missing.join('; ')}: values it does not state are left empty`, null);
  return { complete: missing.length === 0, missing };
}
