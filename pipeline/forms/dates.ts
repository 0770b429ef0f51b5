// Dates written the Nghị định 30/2020 way (Phụ lục I §II.4.b): Arabic numerals; days below 10
// and the months 1 and 2 take a leading zero ("ngày 05 tháng 01 năm 2026", "ngày 10 tháng 10
// năm 2023", "tháng 6"). Citations use the short form "07/3/2023" with the same padding.

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Parses an ISO date `YYYY-MM-DD`; null when it is not a real calendar date. */
export function parseIsoDate(text: string): CalendarDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return { year, month, day };
}

export function isoDate(date: CalendarDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** Today in local time. */
export function today(now: Date = new Date()): CalendarDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** Day: leading zero below 10. */
export function nd30Day(day: number): string {
  return day < 10 ? `0${day}` : String(day);
}

/** Month: leading zero for January and February only. */
export function nd30Month(month: number): string {
  return month <= 2 ? `0${month}` : String(month);
}

/** "ngày 05 tháng 01 năm 2026" */
export function longDate(date: CalendarDate): string {
  return `ngày ${nd30Day(date.day)} tháng ${nd30Month(date.month)} năm ${date.year}`;
}

/** "07/3/2023" — the short form used when citing another document. */
export function shortDate(date: CalendarDate): string {
  return `${nd30Day(date.day)}/${nd30Month(date.month)}/${date.year}`;
}

/** Compares two dates: negative when a is earlier. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return isoDate(a).localeCompare(isoDate(b));
}

/** Counts in administrative prose are written with two digits below 10: "06 tập thể". */
export function countText(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
