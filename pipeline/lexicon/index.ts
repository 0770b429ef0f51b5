// General lexicons of Vietnamese administration: document types, positions, ranks, bodies,
// levels of government, provinces. Keys are folded (see text/fold.ts); values canonical.
import { fold } from '../text/fold.js';

/** Document types (tên loại văn bản), canonical spelling. */
export const DOCUMENT_TYPES = [
  'Kế hoạch',
  'Quyết định',
  'Chỉ thị',
  'Thông báo',
  'Thông tri',
  'Văn bản hợp nhất',
  'Hướng dẫn',
  'Nghị quyết',
  'Nghị định',
  'Thông tư',
  'Công văn',
  'Tờ trình',
  'Báo cáo',
  'Chương trình',
  'Đề án',
  'Phương án',
  'Quy chế',
  'Quy định',
  'Kết luận',
  'Luật',
  'Công điện',
  'Thông tư liên tịch',
  'Chương trình hành động',
  'Biên bản',
  'Giấy mời',
] as const;

const DOCUMENT_TYPE_BY_KEY = new Map(DOCUMENT_TYPES.map((t) => [fold(t), t]));

export function canonicalDocumentType(text: string): string | null {
  return DOCUMENT_TYPE_BY_KEY.get(fold(text).replace(/\s+/g, ' ').trim()) ?? null;
}

/** Positions (chức vụ) in canonical case, longest first so "Phó Chủ tịch" wins over "Chủ tịch". */
export const POSITIONS = [
  'Phó Chủ tịch Thường trực',
  'Phó Chủ tịch',
  'Chủ tịch',
  'Phó Giám đốc',
  'Tổng Giám đốc',
  'Giám đốc',
  'Phó Trưởng Tiểu ban',
  'Trưởng Tiểu ban',
  'Phó Trưởng ban Thường trực',
  'Phó Trưởng ban',
  'Trưởng ban',
  'Phó Bí thư',
  'Bí thư',
  'Phó Chánh Văn phòng',
  'Chánh Văn phòng',
  'Phó Trưởng phòng',
  'Trưởng phòng',
  'Phó Trưởng Công an',
  'Trưởng Công an',
  'Phó Thủ tướng',
  'Thủ tướng',
  'Thứ trưởng',
  'Bộ trưởng',
  'Phó Cục trưởng',
  'Cục trưởng',
  'Phó Vụ trưởng',
  'Vụ trưởng',
  'Phó Chi cục trưởng',
  'Chi cục trưởng',
  'Phó Chỉ huy trưởng',
  'Chỉ huy trưởng',
  'Phó Chánh Thanh tra',
  'Chánh Thanh tra',
  'Phó Hiệu trưởng',
  'Hiệu trưởng',
  'Phó Viện trưởng',
  'Viện trưởng',
  'Phó Chánh án',
  'Chánh án',
  'Phó Thủ trưởng',
  'Thủ trưởng',
  'Phó Tư lệnh',
  'Tư lệnh',
  'Phó Trưởng đoàn',
  'Trưởng đoàn',
  'Phó Đội trưởng',
  'Đội trưởng',
  'Phó Trưởng khoa',
  'Trưởng khoa',
  'Phó Tổng biên tập',
  'Tổng biên tập',
] as const;

const POSITION_KEYS = POSITIONS.map((p) => ({ key: fold(p), value: p }));

/** The canonical position for folded text that is exactly a position, or null. */
export function canonicalPosition(text: string): string | null {
  const k = fold(text).replace(/\s+/g, ' ').trim();
  return POSITION_KEYS.find((p) => p.key === k)?.value ?? null;
}

/** Finds the longest position at the start of folded text; returns [canonical, length]. */
export function positionPrefix(folded: string): [string, number] | null {
  for (const p of POSITION_KEYS) if (folded.startsWith(p.key) && !/\p{L}/u.test(folded[p.key.length] ?? '')) return [p.value, p.key.length];
  return null;
}

/** Police and military ranks (cấp bậc hàm). */
export const RANKS = [
  'Đại tướng',
  'Thượng tướng',
  'Trung tướng',
  'Thiếu tướng',
  'Đại tá',
  'Thượng tá',
  'Trung tá',
  'Thiếu tá',
  'Đại úy',
  'Thượng úy',
  'Trung úy',
  'Thiếu úy',
] as const;

const RANK_KEYS = RANKS.map((r) => ({ key: fold(r).replace('uy', 'uy'), value: r }));

export function rankPrefix(folded: string): [string, number] | null {
  for (const r of RANK_KEYS) if (folded.startsWith(r.key + ' ')) return [r.value, r.key.length];
  return null;
}

/** Signing bodies after "TM." in canonical case. */
export const BODIES = [
  'Ủy ban nhân dân',
  'Hội đồng nhân dân',
  'Thường trực Hội đồng nhân dân',
  'Ban Thường vụ',
  'Ban Chấp hành',
  'Ban Chỉ đạo',
  'Hội đồng Thi đua - Khen thưởng',
  'Hội đồng Thi đua, Khen thưởng',
  'Đảng ủy',
  'Ban Tổ chức',
  'Ủy ban Mặt trận Tổ quốc Việt Nam',
  'Ban Thường trực',
  'Hội đồng',
  'Ban Chỉ huy',
  'Ban Giám đốc',
  'Chính phủ',
] as const;

const BODY_KEYS = BODIES.map((b) => ({ key: fold(b).replace(/[^a-z0-9 ]/g, ' ').replace(/\s+/g, ' ').trim(), value: b }));

export function canonicalBody(text: string): string | null {
  const k = fold(text).replace(/[^a-z0-9 ]/g, ' ').replace(/\s+/g, ' ').trim();
  return BODY_KEYS.find((b) => b.key === k)?.value ?? null;
}

// Levels of local government: the words that name a unit's kind (cấp hành chính).
export const LEVEL_WORDS: Array<{ key: string; word: string; level: 'province' | 'district' | 'commune' }> = [
  { key: 'thanh pho truc thuoc trung uong', word: 'thành phố trực thuộc Trung ương', level: 'province' },
  { key: 'tinh', word: 'tỉnh', level: 'province' },
  { key: 'thi xa', word: 'thị xã', level: 'district' },
  { key: 'thanh pho', word: 'thành phố', level: 'district' },
  { key: 'huyen', word: 'huyện', level: 'district' },
  { key: 'quan', word: 'quận', level: 'district' },
  { key: 'thi tran', word: 'thị trấn', level: 'commune' },
  { key: 'phuong', word: 'phường', level: 'commune' },
  { key: 'xa', word: 'xã', level: 'commune' },
  { key: 'dac khu', word: 'đặc khu', level: 'commune' },
];

/**
 * Provinces and centrally governed cities: the 63 before and the 34 after the 2025 reform.
 * Used to tell a province-level "thành phố" (Hà Nội, Cần Thơ …) from a district-level one.
 */
export const PROVINCES = [
  'An Giang', 'Bà Rịa - Vũng Tàu', 'Bạc Liêu', 'Bắc Giang', 'Bắc Kạn', 'Bắc Ninh', 'Bến Tre', 'Bình Dương',
  'Bình Định', 'Bình Phước', 'Bình Thuận', 'Cà Mau', 'Cao Bằng', 'Cần Thơ', 'Đà Nẵng', 'Đắk Lắk', 'Đắk Nông',
  'Điện Biên', 'Đồng Nai', 'Đồng Tháp', 'Gia Lai', 'Hà Giang', 'Hà Nam', 'Hà Nội', 'Hà Tĩnh', 'Hải Dương',
  'Hải Phòng', 'Hậu Giang', 'Hòa Bình', 'Hồ Chí Minh', 'Hưng Yên', 'Khánh Hòa', 'Kiên Giang', 'Kon Tum',
  'Lai Châu', 'Lạng Sơn', 'Lào Cai', 'Lâm Đồng', 'Long An', 'Nam Định', 'Nghệ An', 'Ninh Bình', 'Ninh Thuận',
  'Phú Thọ', 'Phú Yên', 'Quảng Bình', 'Quảng Nam', 'Quảng Ngãi', 'Quảng Ninh', 'Quảng Trị', 'Sóc Trăng',
  'Sơn La', 'Tây Ninh', 'Thái Bình', 'Thái Nguyên', 'Thanh Hóa', 'Thừa Thiên Huế', 'Huế', 'Tiền Giang',
  'Trà Vinh', 'Tuyên Quang', 'Vĩnh Long', 'Vĩnh Phúc', 'Yên Bái',
] as const;

const PROVINCE_KEYS = new Map(PROVINCES.map((p) => [fold(p).replace(/\s*-\s*/g, ' - '), p]));

export function canonicalProvince(name: string): string | null {
  return PROVINCE_KEYS.get(fold(name).replace(/\s*-\s*/g, ' - ').replace(/\s+/g, ' ').trim()) ?? null;
}
