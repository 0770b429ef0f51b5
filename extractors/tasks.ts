// tasks: rows of the task tables (STT, nội dung, cơ quan chủ trì, phối hợp, thời gian).
import type { AdminRoot, Table, TableCell } from '../pipeline/parse/types.js';
import type { Task } from '../pipeline/record/schema.js';
import { parseWhen } from '../pipeline/recognise/dates.js';
import { bodyNodes, cleanValue, EvidenceSink, fold, tablesIn } from './util.js';

type Column = 'no' | 'content' | 'lead' | 'support' | 'when';

function columnOf(header: string): Column | null {
  const h = fold(header);
  if (/^(stt|tt|so tt|so thu tu)$/.test(h.trim())) return 'no';
  if (/phoi hop/.test(h)) return 'support';
  if (/chu tri|thuc hien|don vi|co quan|trach nhiem/.test(h) && !/thoi gian/.test(h)) return 'lead';
  if (/thoi gian|thoi han|tien do|han hoan thanh/.test(h)) return 'when';
  if (/noi dung|nhiem vu|cong viec|hoat dong|giai phap/.test(h)) return 'content';
  return null;
}

/** "PV01, PX03" → two units; "Công an các đơn vị, địa phương" stays one (the part after the comma is lower case). */
export function splitUnits(text: string): string[] {
  const parts = text.split(/\s*[;,]\s*|\s*\n\s*/).filter(Boolean);
  const out: string[] = [];
  for (const p of parts) {
    if (out.length && /^\p{Ll}/u.test(p)) out[out.length - 1] += ', ' + p;
    else out.push(p.trim());
  }
  return out.map((s) => cleanValue(s)).filter(Boolean);
}

function cellText(cell: TableCell | undefined): string {
  if (!cell) return '';
  return cell.items.length ? cell.items.map((i) => cleanValue(i)).join('; ') : cleanValue(cell.value);
}

export function extractTasks(tree: AdminRoot, ev: EvidenceSink, defaultYear: number | null): Task[] {
  const tasks: Task[] = [];
  const tables: Table[] = [...tablesIn(bodyNodes(tree))];
  for (const c of tree.children) if (c.type === 'appendix') tables.push(...tablesIn(c.children));
  for (const table of tables) {
    const [head, ...rows] = table.children;
    if (!head) continue;
    const columns = head.children.map((c) => columnOf(c.value));
    if (!columns.includes('content') || !(columns.includes('lead') || columns.includes('when'))) continue;
    for (const row of rows) {
      const get = (col: Column) => row.children[columns.indexOf(col)];
      const noCell = get('no');
      const noText = noCell ? cleanValue(noCell.value).replace(/\.$/, '') : '';
      const content = cellText(get('content'));
      if (!content) continue;
      // Group rows ("I | Nhiệm vụ chung") are headings, not tasks.
      if (noText && !/^\d+$/.test(noText) && row.children.filter((c) => c.value).length <= 2) continue;
      const whenText = get('when') ? cleanValue(get('when')!.value) : null;
      const when = whenText ? parseWhen(whenText, defaultYear) : { from: null, to: null };
      ev.add(`/tasks/${tasks.length}`, get('content'));
      tasks.push({
        no: /^\d+$/.test(noText) ? Number(noText) : noText || null,
        content,
        lead: get('lead') ? splitUnits(get('lead')!.value) : [],
        support: get('support') ? splitUnits(get('support')!.value) : [],
        when: { text: whenText || null, from: when.from, to: when.to },
      });
    }
  }
  return tasks;
}
