// The data model the templates are filled with (documented for template authors in
// docs/forms/data-model.md). Every value is a string, a boolean, or a list of objects of
// strings: a missing value is "" and never prints "undefined" or "null".
import type { Occasion } from '../record/schema.js';
import type { SubmittingBody } from './body.js';
import type { Problem } from './checks.js';
import { awardsFor, criteriaFor, groupedLines, judge, thresholdWords } from './checks.js';
import { parseOffice } from './authority.js';
import { legalBasis } from './law.js';
import { matchKey } from './nominees.js';
import { countText, isoDate, longDate, shortDate, type CalendarDate } from './dates.js';
import type { Nominee } from './nominees.js';
import type { LoadedPlan } from './plan.js';
import { awardName, campaignPhrase, fullConferrer, planCitation, planReference, planText } from './plan-words.js';

const upper = (text: string) => text.toLocaleUpperCase('vi');

// Words that start the administrative-unit part of a body's name: the header breaks before them.
const UNIT_WORDS = ['TỈNH', 'THÀNH PHỐ', 'HUYỆN', 'QUẬN', 'THỊ XÃ', 'XÃ', 'PHƯỜNG', 'THỊ TRẤN', 'ĐẶC KHU'];
/** Characters of IN HOA 13 pt that fit on one line of the header's left column (66 mm). */
const HEADER_LINE_CHARS = 26;

/**
 * A body's name for the header, IN HOA, broken before its administrative unit when it does not
 * fit one line ("ỦY BAN NHÂN DÂN" / "HUYỆN CHÂU THÀNH"), as agencies write it; other long names
 * are left to the word processor's wrapping.
 */
export function headerLines(name: string): string {
  const text = upper(name).replace(/\s+/g, ' ').trim();
  if (text.length <= HEADER_LINE_CHARS) return text;
  let cut = -1;
  for (const word of UNIT_WORDS) {
    const at = text.indexOf(` ${word} `);
    if (at > 0 && (cut === -1 || at < cut)) cut = at;
  }
  const fits = (part: string) => part.length <= HEADER_LINE_CHARS + 4;
  if (cut === -1 || !fits(text.slice(0, cut)) || !fits(text.slice(cut + 1))) return text;
  return `${text.slice(0, cut)}\n${text.slice(cut + 1)}`;
}

export interface LineItem {
  line: string;
}

export interface CommonData {
  draft: boolean;
  problems: { no: string; severity: string; rule: string; nominee: string; message: string }[];
  body: { name: string; nameUpper: string; parent: string; parentUpper: string; symbol: string; place: string };
  /** Left column of the header, IN HOA, broken into balanced lines ("ỦY BAN NHÂN DÂN\nHUYỆN CHÂU THÀNH"). */
  header: { upper: string; name: string };
  date: { iso: string; long: string; short: string; day: string; month: string; year: string };
  placeDate: string;
  plan: { reference: string; citation: string; number: string; date: string; issuer: string; title: string };
  campaign: string;
  occasion: string;
  award: { title: string; conferrer: string; full: string; fullUpper: string };
}

export interface NomineeRow {
  no: string;
  name: string;
  position: string;
  unit: string;
  positionUnit: string;
  kind: string;
  category: string;
  kindCategory: string;
}

export interface Mau01Data extends CommonData {
  number: string;
  subject: string;
  addressee: string;
  basis: LineItem[];
  proposal: string;
  counts: { collectives: string; individuals: string; total: string };
  hasNominees: boolean;
  nominees: NomineeRow[];
  enclosure: string;
  closing: string;
  recipients: LineItem[];
  signer: { lines: { text: string }[]; authority: string; position: string; name: string };
}

export interface Mau08Data extends CommonData {
  campaignLine: string;
  nominee: NomineeRow & { kindLabel: string; kindPlural: string; isCollective: boolean; isIndividual: boolean };
  profileTitle: string;
  profile: { label: string; value: string }[];
  hasCriteria: boolean;
  criteria: { no: string; text: string; result: string; assessment: string }[];
  achievements: string;
  confirmer: { lines: { text: string }[]; name: string };
  reporter: { title: string; hint: string; name: string };
}

export interface ModelInput {
  plan: LoadedPlan;
  body: SubmittingBody;
  nominees: Nominee[];
  occasion: Occasion;
  date: CalendarDate;
  problems: Problem[];
  draft: boolean;
}

const KIND_LABEL = { collective: 'Tập thể', individual: 'Cá nhân' } as const;

/** The problems page of a draft: in Vietnamese, grouped like the command's messages. */
function problemRows(problems: Problem[]): CommonData['problems'] {
  return groupedLines(problems, 'vi').map((p, i) => ({
    no: String(i + 1),
    severity: p.severity === 'error' ? 'Lỗi' : 'Cảnh báo',
    rule: p.rule,
    nominee: p.nominee ?? '',
    message: p.line,
  }));
}

/**
 * A body's name under its parent in the header, without the administrative unit the parent
 * already names: "Phòng Nội vụ huyện Châu Thành" under "Ủy ban nhân dân huyện Châu Thành" →
 * "Phòng Nội vụ" (as agencies write it: ND30 Phụ lục I, ô 2).
 */
export function nameUnderParent(name: string, parent: string): string {
  const outer = parseOffice(parent).unit;
  if (!outer) return name;
  const lower = name.toLocaleLowerCase('vi');
  const at = lower.lastIndexOf(` ${outer.word}`);
  if (at <= 0) return name;
  const tail = name.slice(at + 1);
  const inner = parseOffice(tail).unit;
  if (!inner || inner.level !== outer.level || (inner.place !== null && inner.place !== outer.place)) return name;
  // The tail must be the unit and its place only.
  const spelled = matchKey(tail);
  if (spelled !== matchKey(`${outer.word}${inner.place ? ` ${inner.place}` : ''}`)) return name;
  const head = name.slice(0, at).trim();
  return head || name;
}

/** The award(s) of the occasion, named once: "Giấy khen của Chủ tịch Ủy ban nhân dân huyện Châu Thành". */
function awardFor(input: ModelInput, kinds: Nominee['recipient'][]): CommonData['award'] {
  const { record } = input.plan;
  const awards = awardsFor(record, input.occasion).filter((a) => kinds.some((k) => a.award.recipient === k || a.award.recipient === 'either'));
  const chosen = awards.length ? awards : awardsFor(record, input.occasion);
  const fulls = [...new Set(chosen.map((a) => awardName(record, a.award)))];
  const titles = [...new Set(chosen.map((a) => planText(record, a.award.title)).filter(Boolean))];
  const conferrers = [...new Set(chosen.map((a) => fullConferrer(record, a.award.conferrer)).filter(Boolean))];
  const full = fulls.join(' và ');
  return { title: titles.join(', '), conferrer: conferrers.join(', '), full, fullUpper: upper(full) };
}

function commonData(input: ModelInput, kinds: Nominee['recipient'][]): CommonData {
  const { record } = input.plan;
  const body = input.body;
  const place = body.place;
  return {
    draft: input.draft,
    problems: problemRows(input.problems),
    body: {
      name: body.name,
      nameUpper: upper(body.name),
      parent: body.parent ?? '',
      parentUpper: upper(body.parent ?? ''),
      symbol: body.symbol,
      place,
    },
    date: {
      iso: isoDate(input.date),
      long: longDate(input.date),
      short: shortDate(input.date),
      day: String(input.date.day),
      month: String(input.date.month),
      year: String(input.date.year),
    },
    header: { upper: headerLines(body.parent ?? ''), name: headerLines(body.parent ? nameUnderParent(body.name, body.parent) : body.name) },
    placeDate: `${place}, ${longDate(input.date)}`,
    plan: {
      reference: planReference(record),
      citation: planCitation(record),
      number: record.document.number ?? '',
      date: record.document.date ?? '',
      issuer: planText(record, record.document.issuer.name),
      title: planText(record, record.document.title),
    },
    campaign: campaignPhrase(record),
    occasion: input.occasion,
    award: awardFor(input, kinds),
  };
}

function nomineeRow(n: Nominee, i: number): NomineeRow {
  const kind = KIND_LABEL[n.recipient];
  return {
    no: String(i + 1),
    name: n.name,
    position: n.position,
    unit: n.unit,
    positionUnit: [n.position, n.unit].filter(Boolean).join(', '),
    kind,
    category: n.category,
    kindCategory: n.category ? `${kind} (${n.category})` : kind,
  };
}

/** Collectives first, then individuals, each in list order (the numbering of the Tờ trình). */
export function orderNominees(nominees: Nominee[]): Nominee[] {
  return [...nominees.filter((n) => n.recipient === 'collective'), ...nominees.filter((n) => n.recipient === 'individual')];
}

/**
 * Nơi nhận: "- Như trên;" first, the body's own recipients, "- Lưu: …." last — each once,
 * whether or not the body's list already holds them (its own "Lưu" line is used when given).
 */
export function noiNhan(body: SubmittingBody): string[] {
  const clean = (r: string) => r.trim().replace(/^[-–•+]\s*/, '').replace(/[;.,]\s*$/, '').trim();
  const given = (body.recipients ?? []).map(clean).filter(Boolean);
  const isAsAbove = (r: string) => /^nhu tren\b/.test(matchKey(r));
  const isArchive = (r: string) => /^luu\b/.test(matchKey(r));
  const archive = given.find(isArchive);
  const archiveText = archive ? archive.replace(/^lưu\s*:?\s*/iu, '').trim() : '';
  const seen = new Set<string>();
  const extra = given.filter((r) => {
    const k = matchKey(r);
    if (isAsAbove(r) || isArchive(r) || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return ['- Như trên;', ...extra.map((r) => `- ${r};`), `- Lưu: ${archiveText || `VT, ${body.archive ?? body.symbol}`}.`];
}

function signerLines(body: SubmittingBody): { text: string }[] {
  const authority = Array.isArray(body.signer.authority) ? body.signer.authority : [body.signer.authority];
  const lines = [...authority, body.signer.position].filter((l): l is string => !!l && l.trim() !== '');
  // "KT. Trưởng phòng" + "Phó Trưởng phòng"; the head signing alone: one line.
  const unique = lines.filter((l, i) => i === 0 || matchless(l) !== matchless(lines[i - 1]!));
  return unique.map((text) => ({ text: upper(text) }));
}
const matchless = (s: string) => s.toLocaleLowerCase('vi').replace(/^(kt|tm|q|tl|tuq)\.\s*/, '');

/** Mẫu 01: the Tờ trình. */
export function mau01Data(input: ModelInput): Mau01Data {
  const ordered = orderNominees(input.nominees);
  const collectives = ordered.filter((n) => n.recipient === 'collective').length;
  const individuals = ordered.length - collectives;
  const kinds = [...new Set(ordered.map((n) => n.recipient))];
  const common = commonData(input, kinds);
  const { body } = input;
  const who = [collectives ? `${countText(collectives)} tập thể` : '', individuals ? `${countText(individuals)} cá nhân` : ''].filter(Boolean).join(' và ');
  // Căn cứ: the law and the decree in force on the Tờ trình's date, the plan, then the body's
  // own lines — those that cite the law, the decree or the plan again are left out.
  const legal = legalBasis(input.date);
  const planKey = input.plan.record.document.number ? matchKey(input.plan.record.document.number) : null;
  const extras = (body.basis ?? [])
    .map((b) => b.trim().replace(/^căn cứ\s+/iu, '').replace(/[;.]\s*$/, ''))
    .filter((b) => {
      const k = matchKey(b);
      return b !== '' && !legal.some((l) => l.keys.some((x) => k.includes(x))) && !(planKey && k.includes(planKey));
    });
  const basisTexts = [...legal.map((l) => l.citation), common.plan.citation, ...extras];
  const basis = basisTexts.map((text, i) => ({ line: `Căn cứ ${text}${i === basisTexts.length - 1 ? '.' : ';'}` }));
  const number = body.number !== undefined ? String(body.number).padStart(2, '0') : '';
  const recipients = noiNhan(body).map((line) => ({ line }));
  const deadlineKinds = who || 'các tập thể, cá nhân';
  return {
    ...common,
    number: `Số: ${number || '       '}/TTr-${body.symbol}`,
    subject: `Về việc đề nghị tặng ${common.award.full} cho ${kinds.length === 2 ? 'các tập thể, cá nhân' : kinds[0] === 'collective' ? 'các tập thể' : 'các cá nhân'} có thành tích trong ${common.campaign}`,
    addressee: body.addressee,
    basis,
    proposal: `${body.name} kính trình ${body.addressee} xem xét, quyết định tặng ${common.award.full} cho ${deadlineKinds} đã có thành tích trong ${common.campaign} theo ${common.plan.reference}, gồm:`,
    counts: { collectives: countText(collectives), individuals: countText(individuals), total: countText(ordered.length) },
    hasNominees: ordered.length > 0,
    nominees: ordered.map(nomineeRow),
    enclosure: '(Có báo cáo thành tích và biên bản họp xét khen thưởng kèm theo)',
    closing: `${body.name} kính trình ${body.addressee} xem xét, quyết định./.`,
    recipients,
    signer: {
      lines: signerLines(body),
      authority: [body.signer.authority ?? ''].flat().join(', '),
      position: body.signer.position,
      name: body.signer.name,
    },
  };
}

function resultCell(verdict: ReturnType<typeof judge>, words: string): { result: string; assessment: string } {
  switch (verdict.state) {
    case 'met':
      return { result: verdict.declared, assessment: 'Đạt' };
    case 'failed':
      return { result: verdict.declared, assessment: `Chưa đạt (yêu cầu ${words})` };
    case 'undeclared':
      return { result: '', assessment: 'Chưa kê khai' };
    default:
      return { result: verdict.declared, assessment: '' };
  }
}

/** Mẫu 08: the report of one nominee. */
export function mau08Data(input: ModelInput, nominee: Nominee, index: number): Mau08Data {
  const common = commonData(input, [nominee.recipient]);
  const row = nomineeRow(nominee, index);
  const isCollective = nominee.recipient === 'collective';
  const { record } = input.plan;
  const criteria = criteriaFor(record, input.occasion, nominee).map(({ criterion }, i) => {
    const measured = criterion.thresholds.map((t) => ({ t, verdict: judge(t, nominee) }));
    if (measured.length === 0) return { no: String(i + 1), text: planText(record, criterion.text), result: '', assessment: '' };
    const cells = measured.map(({ t, verdict }) => resultCell(verdict, thresholdWords(t, 'vi')));
    return {
      no: String(i + 1),
      text: planText(record, criterion.text),
      result: cells.map((c) => c.result).join('; '),
      assessment: cells.every((c) => c.assessment === 'Đạt') ? 'Đạt' : cells.map((c) => c.assessment).filter(Boolean).join('; '),
    };
  });
  // Sơ lược lý lịch of a person: every line, with dots to fill in by hand when the list does
  // not give the value; a collective's general information: what the list gives.
  const BLANK = '……………………………………';
  const profile = isCollective
    ? [
        { label: 'Tên tập thể', value: nominee.name },
        { label: 'Đơn vị cấp trên trực tiếp', value: nominee.unit },
        { label: 'Nhóm theo Kế hoạch', value: nominee.category },
      ].filter((p) => p.value !== '')
    : [
        { label: 'Họ và tên', value: nominee.name },
        { label: 'Ngày, tháng, năm sinh', value: nominee.birthDate },
        { label: 'Giới tính', value: nominee.gender },
        { label: 'Quê quán', value: nominee.hometown },
        { label: 'Nơi thường trú', value: nominee.residence },
        { label: 'Đơn vị công tác', value: nominee.unit },
        { label: 'Chức vụ', value: nominee.position },
        { label: 'Trình độ chuyên môn, nghiệp vụ', value: nominee.qualification },
        ...(nominee.category ? [{ label: 'Nhóm theo Kế hoạch', value: nominee.category }] : []),
      ].map((p) => ({ label: p.label, value: p.value || BLANK }));
  const confirmer = signerLines(input.body);
  return {
    ...common,
    // Left column of the header: a collective's parent unit over its own name; an individual's unit.
    header: isCollective
      ? { upper: headerLines(nominee.unit), name: headerLines(nominee.unit ? nameUnderParent(nominee.name, nominee.unit) : nominee.name) }
      : { upper: '', name: headerLines(nominee.unit || input.body.name) },
    campaignLine: `Thành tích trong ${common.campaign}`,
    nominee: {
      ...row,
      kindLabel: isCollective ? 'Tên tập thể' : 'Họ và tên',
      kindPlural: isCollective ? 'tập thể' : 'cá nhân',
      isCollective,
      isIndividual: !isCollective,
    },
    profileTitle: isCollective ? 'THÔNG TIN CHUNG' : 'SƠ LƯỢC LÝ LỊCH',
    profile,
    hasCriteria: criteria.length > 0,
    criteria,
    achievements: nominee.achievements || '……………………………………………………………………………………………',
    confirmer: { lines: confirmer, name: input.body.signer.name },
    reporter: isCollective
      ? { title: 'THỦ TRƯỞNG ĐƠN VỊ', hint: '(Ký, đóng dấu)', name: '' }
      : { title: 'NGƯỜI BÁO CÁO THÀNH TÍCH', hint: '(Ký, ghi rõ họ và tên)', name: nominee.name },
  };
}
