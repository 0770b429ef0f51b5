// Hand-written snippets: reading offices and bodies from their titles, the header without the
// parent's place, and Nơi nhận with "Như trên" and "Lưu" once.
import { describe, expect, it } from 'vitest';
import { parseOffice } from '../../pipeline/forms/authority.js';
import { parseSubmittingBody } from '../../pipeline/forms/body.js';
import { nameUnderParent, noiNhan } from '../../pipeline/forms/model.js';

describe('parseOffice', () => {
  it('reads position, organisation, level and place', () => {
    expect(parseOffice('Chủ tịch Ủy ban nhân dân phường Sóc Trăng')).toMatchObject({ position: 'chu tich', org: 'uy ban nhan dan', unit: { level: 'commune', place: 'soc trang' } });
    expect(parseOffice('Chủ tịch UBND huyện')).toMatchObject({ position: 'chu tich', org: 'uy ban nhan dan', unit: { level: 'district', place: null } });
    expect(parseOffice('Giám đốc Công an tỉnh')).toMatchObject({ position: 'giam doc', org: 'cong an', unit: { level: 'province', place: null } });
    expect(parseOffice('Phòng Nội vụ thị xã Ngã Năm')).toMatchObject({ position: null, org: 'phong noi vu', unit: { level: 'district', word: 'thị xã', place: 'nga nam' } });
    // "thành phố" of a province is a province; "Xã hội" and "cơ quan" are no units.
    expect(parseOffice('Ủy ban nhân dân thành phố Cần Thơ').unit?.level).toBe('province');
    expect(parseOffice('Ủy ban nhân dân thành phố Bạc Liêu').unit?.level).toBe('district');
    expect(parseOffice('Phòng Văn hóa - Xã hội phường An Lạc')).toMatchObject({ org: 'phong van hoa xa hoi', unit: { level: 'commune', place: 'an lac' } });
    expect(parseOffice('Thủ trưởng cơ quan quản lý').unit).toBeNull();
  });
});

describe('header and Nơi nhận', () => {
  it('drops the place the parent already names from the body name', () => {
    expect(nameUnderParent('Phòng Nội vụ huyện Châu Thành', 'Ủy ban nhân dân huyện Châu Thành')).toBe('Phòng Nội vụ');
    expect(nameUnderParent('Phòng Tư pháp huyện', 'UBND huyện Châu Thành')).toBe('Phòng Tư pháp');
    expect(nameUnderParent('Phòng Nội vụ huyện Mỹ Tú', 'Ủy ban nhân dân huyện Châu Thành')).toBe('Phòng Nội vụ huyện Mỹ Tú');
    expect(nameUnderParent('Chi cục Thuế khu vực Châu Thành', 'Cục Thuế tỉnh Sóc Trăng')).toBe('Chi cục Thuế khu vực Châu Thành');
  });

  it('writes "Như trên" first and "Lưu" last, once each, whatever the recipients hold', () => {
    const body = (recipients: string[], archive?: string) =>
      parseSubmittingBody({ name: 'Phòng Y', symbol: 'PY', place: 'P', addressee: 'Q', signer: { position: 'Trưởng phòng', name: 'N' }, recipients, ...(archive ? { archive } : {}) }, null);
    expect(noiNhan(body(['Hội đồng Thi đua - Khen thưởng']))).toEqual(['- Như trên;', '- Hội đồng Thi đua - Khen thưởng;', '- Lưu: VT, PY.']);
    expect(noiNhan(body(['- Như trên;', 'Thường trực HĐND xã;', 'như trên', '- Lưu: VT, TĐKT.', 'Lưu VT']))).toEqual([
      '- Như trên;',
      '- Thường trực HĐND xã;',
      '- Lưu: VT, TĐKT.',
    ]);
    expect(noiNhan(body([], 'VP'))).toEqual(['- Như trên;', '- Lưu: VT, VP.']);
  });
});
