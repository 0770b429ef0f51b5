// Who may propose the award to whom (cấp trình khen, thẩm quyền khen thưởng): the conferrer of
// the proposed award, as the plan names it ("Giấy khen của Chủ tịch Ủy ban nhân dân phường"),
// must be the Tờ trình's addressee — or the addressee is the conferrer's own office (its Hội
// đồng Thi đua - Khen thưởng, the body the plan says the dossier goes to) or the head of the same
// branch at a level between the submitting body and the conferrer, who forwards it upward (Luật
// Thi đua, khen thưởng 2022 Điều 80: each level's head awards its own Giấy khen; a unit proposes
// through its direct superior). The submitting body must be within the conferrer's reach: the
// same administrative unit or one below it, never a higher level or another unit of the same
// level. Names are read from their words (level word and place name), with no list of places.
import { t, currentLang, type Lang } from '../messages/index.js';
import { LEVEL_WORDS, positionPrefix } from '../lexicon/index.js';
import type { Occasion } from '../record/schema.js';
import { fold } from '../text/fold.js';
import type { SubmittingBody } from './body.js';
import type { Problem } from './checks.js';
import type { Nominee } from './nominees.js';
import type { LoadedPlan } from './plan.js';
import { awardName, awardWords, fullConferrer, planText, quotePhrase } from './plan-words.js';

type Level = 'commune' | 'district' | 'province';
const RANK: Record<Level, number> = { commune: 1, district: 2, province: 3 };

/** An administrative unit named in a title: "phường Sóc Trăng" → commune, "Sóc Trăng". */
export interface Unit {
  level: Level;
  /** The level word as written, lower case: "phường", "thị xã". */
  word: string;
  /** Folded place name, or null when the title names the level only ("Chủ tịch UBND huyện"). */
  place: string | null;
}

/** An office or body read from its title: position, organisation and unit. */
export interface Office {
  text: string;
  /** Folded position at the start ("chu tich"), or null for a body. */
  position: string | null;
  /** Folded organisation between the position and the unit: "uy ban nhan dan", "cong an", "phong noi vu". */
  org: string;
  unit: Unit | null;
}

const ABBREVIATIONS: [RegExp, string][] = [
  [/\bUBND\b/gu, 'Ủy ban nhân dân'],
  [/\bHĐND\b/gu, 'Hội đồng nhân dân'],
  [/\bTP\.\s*/gu, 'thành phố '],
];

// Level words longest first, as written with their marks (folded matching would confuse "quận"
// with "cơ quan" and "xã" with "xã hội").
const WORDS = [...LEVEL_WORDS].sort((a, b) => b.word.length - a.word.length);
const NOT_A_UNIT = /^xã hội\b/u;
/** Thành phố trực thuộc Trung ương (folded): the six centrally governed cities (Huế since 2025). */
const CENTRAL_CITIES = new Set(['ha noi', 'ho chi minh', 'hai phong', 'da nang', 'can tho', 'hue']);

const key = (text: string) =>
  fold(text.normalize('NFC'))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Reads an office or body from its title. */
export function parseOffice(title: string): Office {
  let text = title.normalize('NFC').replace(/\s+/g, ' ').trim();
  for (const [re, full] of ABBREVIATIONS) text = text.replace(re, full);
  const lower = text.toLocaleLowerCase('vi');
  let unit: Unit | null = null;
  let unitAt = text.length;
  for (let i = 0; i < lower.length && !unit; i++) {
    if (i > 0 && /\p{L}/u.test(lower[i - 1]!)) continue;
    for (const w of WORDS) {
      if (!lower.startsWith(w.word, i) || /\p{L}/u.test(lower[i + w.word.length] ?? '')) continue;
      if (NOT_A_UNIT.test(lower.slice(i))) continue;
      // The place: the capitalised words that follow ("Sóc Trăng", "Châu Thành", "1").
      const rest = text.slice(i + w.word.length).trim();
      const words: string[] = [];
      for (const word of rest.split(' ')) {
        if (!/^[\p{Lu}\d]/u.test(word)) break;
        words.push(word.replace(/[,;.:)]+$/, ''));
        if (/[,;.:)]$/.test(word)) break;
      }
      const place = words.length ? words.join(' ') : null;
      let level: Level = w.level;
      // "thành phố Cần Thơ" is centrally governed (a province); "thành phố Bạc Liêu", the
      // capital of its province, is a district-level city.
      if (w.key === 'thanh pho' && place && CENTRAL_CITIES.has(key(place))) level = 'province';
      unit = { level, word: w.word, place: place ? key(place) : null };
      unitAt = i;
      break;
    }
  }
  const head = key(text.slice(0, unitAt));
  const position = positionPrefix(head);
  const org = (position ? head.slice(position[1]) : head).trim();
  return { text, position: position ? key(position[0]) : null, org, unit };
}

function samePlace(a: Unit, b: Unit): boolean {
  return a.place === null || b.place === null || a.place === b.place;
}

function sameUnit(a: Unit, b: Unit): boolean {
  return a.level === b.level && samePlace(a, b);
}

const LEVEL_CODE: Record<Level, string> = { commune: 'forms.level-commune', district: 'forms.level-district', province: 'forms.level-province' };

/** Whether the addressee is the conferrer, its office, or the head of the branch on the way up. */
function addresseeFits(addressee: Office, conferrer: Office, body: Office | null, submitTo: string | null): boolean | null {
  if (!addressee.unit || !conferrer.unit) {
    // Without units, only a plain containment can be judged: "Giám đốc Công an tỉnh Sóc Trăng" ⊃ "Giám đốc Công an tỉnh".
    const a = key(addressee.text);
    const c = key(conferrer.text);
    return a.includes(c) || c.includes(a) ? true : null;
  }
  if (sameUnit(addressee.unit, conferrer.unit)) {
    if (addressee.org === conferrer.org || addressee.org.includes(conferrer.org)) return true;
    // The council or the standing body the plan sends dossiers to, of the same unit.
    if (/\bthi dua\b/.test(addressee.org)) return true;
    if (submitTo && (addressee.org.includes(key(submitTo)) || key(submitTo).includes(addressee.org))) return true;
    return false;
  }
  // The head of the same branch at a level between the body and the conferrer forwards it up.
  if (addressee.org === conferrer.org && RANK[addressee.unit.level] < RANK[conferrer.unit.level] && body?.unit) {
    const b = body.unit;
    if (RANK[b.level] < RANK[addressee.unit.level]) return true;
    if (RANK[b.level] === RANK[addressee.unit.level] && samePlace(b, addressee.unit)) return true;
  }
  return false;
}

/** Checks the submitting body and the addressee against the conferrer of each proposed award. */
export function checkAuthority(plan: LoadedPlan, occasion: Occasion, body: SubmittingBody, nominees: Nominee[]): Problem[] {
  const { record } = plan;
  const kinds = new Set(nominees.map((n) => n.recipient));
  const problems: Problem[] = [];
  const addressee = parseOffice(body.addressee);
  const own = parseOffice(body.name);
  const bodyOffice = own.unit ? own : body.parent ? { ...parseOffice(body.parent), text: body.name } : own;
  const submitTo = planText(record, record.dossier?.submitTo) || null;
  const seen = new Set<string>();
  record.awards.forEach((award, index) => {
    if (award.occasion !== occasion || !award.conferrer) return;
    if (award.recipient !== 'either' && !kinds.has(award.recipient)) return;
    const conferrerText = fullConferrer(record, award.conferrer);
    if (seen.has(conferrerText)) return;
    seen.add(conferrerText);
    const conferrer = parseOffice(conferrerText);
    const name = awardName(record, award);
    const phrase = `${planText(record, award.title)} của ${planText(record, award.conferrer)}`;
    const quote = (lang: Lang) => quotePhrase(plan, phrase, [`/awards/${index}/conferrer`, `/awards/${index}/title`, `/awards/${index}`], awardWords(record, award), lang);
    if (addresseeFits(addressee, conferrer, bodyOffice, submitTo) === false) {
      problems.push({
        severity: 'error',
        rule: 'addressee',
        nominee: null,
        text: (lang = currentLang()) => t('forms.addressee-mismatch', { addressee: body.addressee, award: planText(record, award.title) || name, conferrer: conferrerText, quote: quote(lang) }, lang),
      });
    }
    const b = bodyOffice.unit;
    const c = conferrer.unit;
    if (b && c && (RANK[b.level] > RANK[c.level] || (b.level === c.level && !samePlace(b, c)))) {
      problems.push({
        severity: 'error',
        rule: 'submitting-body',
        nominee: null,
        text: (lang = currentLang()) =>
          t(
            RANK[b.level] > RANK[c.level] ? 'forms.body-above-conferrer' : 'forms.body-other-unit',
            { body: body.name, level: t(LEVEL_CODE[b.level], {}, lang), conferrer: conferrerText, conferrerLevel: t(LEVEL_CODE[c.level], {}, lang), award: name, quote: quote(lang) },
            lang,
          ),
      });
    }
  });
  return problems;
}
