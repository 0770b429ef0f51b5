// Letter case of Vietnamese names: "NGUYỄN VĂN AN" → "Nguyễn Văn An".

/** Each word capitalised, the rest lower case (Vietnamese locale). */
export function nameCase(text: string): string {
  return text
    .toLocaleLowerCase('vi')
    .split(/(\s+|-)/)
    .map((w) => (w.trim() && w !== '-' ? w[0].toLocaleUpperCase('vi') + w.slice(1) : w))
    .join('');
}
