// Limit words of quotas and thresholds, on folded text: "không quá 02 tập thể" (at most),
// "ít nhất 70%" (at least). Written once for the extractors of awards and criteria.

/** At most: không quá, tối đa, không vượt quá, nhiều nhất. */
export const MAX_WORDS = 'khong qua|toi da|khong vuot qua|nhieu nhat';
/** At least: ít nhất, tối thiểu. */
export const MIN_WORDS = 'it nhat|toi thieu';
/** Either limit. */
export const LIMIT_WORDS = `${MAX_WORDS}|${MIN_WORDS}`;

const MIN_RE = new RegExp(`^(${MIN_WORDS})$`);

/** The limit a word of LIMIT_WORDS sets: "min" for at least, else "max". */
export function limitOf(word: string): 'min' | 'max' {
  return MIN_RE.test(word.trim()) ? 'min' : 'max';
}
