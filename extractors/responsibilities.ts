// responsibilities: who does what, from "Tổ chức thực hiện" — {unit, duties}.
import type { AdminRoot, Section } from '../pipeline/parse/types.js';
import type { Responsibility } from '../pipeline/record/schema.js';
import { bodyNodes, childSections, cleanValue, EvidenceSink, hasRole, looseFold, sectionTexts, sentenceCase, trimPunct, walkSections } from './util.js';

// Verbs that start a duty after the unit's name.
const DUTY_VERB =
  /\s(trien khai|chu tri|co trach nhiem|chiu trach nhiem|thuc hien|to chuc|phoi hop|can cu|xay dung|tham muu|theo doi|huong dan|chi dao|quan triet|la co quan|la don vi|tuyen truyen|bo tri|cap nhat|kiem tra|tong hop|chu dong|dam bao|nghien cuu|de xuat|giup)\b/;

export function splitUnitDuty(text: string): { unit: string; duty: string | null } {
  let value = text.replace(/^(can cu (ke hoach|noi dung) nay,?\s*)/i, '');
  const key0 = looseFold(value);
  const lead = /^(can cu (ke hoach|noi dung)( nay)?,?\s*|giao\s+|de nghi\s+|yeu cau\s+)/.exec(key0);
  if (lead) value = value.slice(lead[0].length);
  const key = looseFold(value);
  const colon = key.indexOf(':');
  const verb = DUTY_VERB.exec(key);
  const cut = colon >= 0 && (!verb || colon < verb.index) ? colon : verb ? verb.index : -1;
  if (cut < 0) return { unit: trimPunct(value), duty: null };
  // "… có trách nhiệm:" only introduces the duties below.
  const rest = value.slice(cut + 1);
  const duty = /^\s*(co|chiu) trach nhiem\s*:?\s*$/.test(looseFold(rest)) ? '' : trimPunct(rest.replace(/^\s*(có|chịu) trách nhiệm\s*:?\s*/i, ''));
  return { unit: trimPunct(value.slice(0, cut)), duty: duty ? sentenceCase(duty.charAt(0)) + duty.slice(1) : null };
}

export function extractResponsibilities(tree: AdminRoot, ev: EvidenceSink): Responsibility[] {
  const out: Responsibility[] = [];
  const containers: Section[] = [];
  walkSections(bodyNodes(tree), (s, ancestors) => {
    if (hasRole(s, 'implementation') && !ancestors.some((a) => hasRole(a, 'implementation'))) containers.push(s);
  });
  for (const container of containers) {
    for (const item of childSections(container)) {
      if (hasRole(item, 'funding')) continue;
      const { unit, duty } = splitUnitDuty(cleanValue(item.heading.value));
      if (!unit || unit.length > 200) continue;
      const duties = duty ? [duty] : [];
      for (const t of sectionTexts(item).slice(1)) duties.push(cleanValue(t.value));
      const same = out.find((r) => looseFold(r.unit) === looseFold(unit));
      if (same) same.duties.push(...duties);
      else {
        ev.add(`/responsibilities/${out.length}`, item.heading);
        ev.add(`/responsibilities/${out.length}/unit`, item.heading);
        out.push({ unit, duties });
      }
    }
  }
  return out;
}
