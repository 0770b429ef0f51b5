// recipients: the "Nơi nhận" lines, without their leading dash.
import type { AdminRoot } from '../pipeline/parse/types.js';
import { cleanValue, EvidenceSink, topNodes } from './util.js';

export function extractRecipients(tree: AdminRoot, ev: EvidenceSink): string[] {
  const out: string[] = [];
  for (const block of topNodes(tree, 'recipients')) {
    for (const p of block.children) {
      const value = cleanValue(p.value);
      if (!value) continue;
      ev.add(`/recipients/${out.length}`, p);
      out.push(value);
    }
  }
  return out;
}
