// Catalogue entries shared by every part: the exit-code policy's words.
import type { Entry } from './index.js';

export const CORE: Record<string, Entry> = {
  'cli.usage-hint': { vi: '(thêm --help để xem cách dùng)', en: '(add --help for usage)' },
  'cli.internal-error': {
    vi: 'lỗi nội bộ của thidua: {detail}. Xin báo lỗi kèm tệp đã dùng.',
    en: 'internal error in thidua: {detail}. Please report it with the file used.',
  },
};
