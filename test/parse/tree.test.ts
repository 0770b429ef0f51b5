// The parser on its own: text → unist tree of the administrative document, with positions.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../pipeline/parse/index.js';
import type { AdminRoot, BodyNode, Section } from '../../pipeline/parse/types.js';
import { matchMarker } from '../../pipeline/parse/markers.js';

const top = (tree: AdminRoot, type: string) => tree.children.filter((c) => c.type === type) as any[];
const sections = (nodes: BodyNode[]): Section[] => nodes.filter((n): n is Section => n.type === 'section');

describe('markers', () => {
  it('recognises the Vietnamese hierarchy, also as OCR reads it', () => {
    expect(matchMarker('II. ĐỐI TƯỢNG')).toMatchObject({ kind: 'roman', label: 'II' });
    expect(matchMarker('IL. POI TUQNG')).toMatchObject({ kind: 'roman', label: 'II' });
    expect(matchMarker('3) Tổ chức')).toMatchObject({ kind: 'arabic', label: '3' });
    expect(matchMarker('1.2. Cá nhân')).toMatchObject({ kind: 'decimal', label: '1.2' });
    expect(matchMarker('đ) Thi đua')).toMatchObject({ kind: 'letter', label: 'đ' });
    expect(matchMarker('¢) Biểu dương')).toMatchObject({ kind: 'letter', label: 'c' });
    expect(matchMarker('(2) Tình hình')).toMatchObject({ kind: 'paren', label: '2' });
    expect(matchMarker('- Nội dung')).toMatchObject({ kind: 'dash' });
    expect(matchMarker('+ Tiêu chí')).toMatchObject({ kind: 'plus' });
    expect(matchMarker('I - MỤC ĐÍCH, YÊU CẦU')).toMatchObject({ kind: 'roman', label: 'I' });
    expect(matchMarker('1- Đối tượng thi đua')).toMatchObject({ kind: 'arabic', label: '1' });
    expect(matchMarker('2025. Năm')).toBeNull();
    expect(matchMarker('2021 - 2025 là giai đoạn')).toBeNull();
    expect(matchMarker('-------')).toBeNull();
  });
});

describe('the document tree', () => {
  const text = [
    'ỦY BAN NHÂN DÂN  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'HUYỆN TÂN CHÂU Độc lập - Tự do - Hạnh phúc',
    'Số: 09 /KH-UBND Tân Châu, ngày 18 /',
    'tháng 11 năm 2025',
    '',
    '**KẾ HOẠCH**',
    '**PHÁT ĐỘNG PHONG TRÀO THI ĐUA**',
    '**NĂM 2026**',
    '',
    'Căn cứ Kế hoạch số 01/KH-UBND ngày 02/01/2025 của Ủy ban nhân dân tỉnh An Giang;',
    '',
    '## I. MỤC ĐÍCH',
    '',
    '1. Động viên cán bộ thi đua hoàn thành nhiệm vụ được giao trong năm, góp phần',
    'phát triển kinh tế - xã hội.',
    '',
    '2. Khen thưởng kịp thời.',
    '',
    '12',
    '',
    '**II. NỘI DUNG**',
    'a) Thi đua thực hiện tốt việc',
    '',
    'cung ứng dịch vụ công. *TUV*',
    '- Nội dung cụ thể: nâng cao chất lượng.',
    '',
    'STT\tNội dung\tChủ trì\tThời gian',
    '1\tHội nghị\tPhòng Nội vụ\tQuý I/2026',
    '',
    'Nơi nhận:',
    '- Sở Nội vụ;',
    '- Lưu: VT.',
    '',
    'TM. ỦY BAN NHÂN DÂN',
    'KT. CHỦ TỊCH',
    'PHÓ CHỦ TỊCH',
    '',
    'Võ Văn Tâm',
  ].join('\n');
  const tree = parseDocument(text);

  it('splits a header with two columns flattened into lines', () => {
    const fields = top(tree, 'header')[0].children.map((f: any) => [f.type, f.value]);
    expect(fields).toEqual([
      ['issuerLine', 'ỦY BAN NHÂN DÂN'],
      ['nationalName', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      ['issuerLine', 'HUYỆN TÂN CHÂU'],
      ['motto', 'Độc lập - Tự do - Hạnh phúc'],
      ['docNumber', 'Số: 09 /KH-UBND'],
      ['placeDate', 'Tân Châu, ngày 18 / tháng 11 năm 2025'],
    ]);
  });
  it('reads the type and a title in upper case over two lines, without markdown', () => {
    expect(top(tree, 'docType')[0]).toMatchObject({ value: 'KẾ HOẠCH', canonical: 'Kế hoạch' });
    expect(top(tree, 'title')[0].value).toBe('PHÁT ĐỘNG PHONG TRÀO THI ĐUA NĂM 2026');
    expect(top(tree, 'preamble')[0].children.map((p: any) => p.value)).toEqual(['Căn cứ Kế hoạch số 01/KH-UBND ngày 02/01/2025 của Ủy ban nhân dân tỉnh An Giang;']);
  });
  it('nests sections, joins hard-wrapped lines, drops page numbers and stray marks', () => {
    const body = top(tree, 'body')[0].children as BodyNode[];
    const [one, two] = sections(body);
    expect([one.marker, one.markerKind, one.heading.value, one.roles]).toEqual(['I', 'roman', 'MỤC ĐÍCH', ['purpose']]);
    expect(sections(one.children).map((s) => s.heading.value)).toEqual([
      'Động viên cán bộ thi đua hoàn thành nhiệm vụ được giao trong năm, góp phần phát triển kinh tế - xã hội.',
      'Khen thưởng kịp thời.',
    ]);
    const a = sections(two.children)[0];
    expect(a.heading.value).toBe('Thi đua thực hiện tốt việc cung ứng dịch vụ công.');
    expect(sections(a.children)[0].heading.value).toBe('Nội dung cụ thể: nâng cao chất lượng.');
    const table = two.children.find((c) => c.type === 'table') ?? a.children.find((c) => c.type === 'table');
    expect(table && table.type === 'table' && table.children.map((r) => r.children.map((c) => c.value))).toEqual([
      ['STT', 'Nội dung', 'Chủ trì', 'Thời gian'],
      ['1', 'Hội nghị', 'Phòng Nội vụ', 'Quý I/2026'],
    ]);
  });
  it('separates recipients and signature', () => {
    expect(top(tree, 'recipients')[0].children.map((p: any) => p.value)).toEqual(['Sở Nội vụ;', 'Lưu: VT.']);
    expect(top(tree, 'signature')[0].children.map((p: any) => p.value)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Võ Văn Tâm']);
  });
  it('gives every node a position in the text, and offsets that map each character back', () => {
    const check = (node: any) => {
      expect(node.position?.start.offset).toBeTypeOf('number');
      if (typeof node.value === 'string' && node.offsets) {
        node.value.split('').forEach((ch: string, i: number) => {
          if (ch !== ' ') expect(text[node.offsets[i]]).toBe(ch);
        });
      }
      if (node.heading) check(node.heading);
      for (const c of node.children ?? []) check(c);
    };
    for (const c of tree.children) check(c);
    const title = top(tree, 'title')[0];
    expect(title.position.start.line).toBe(7);
    expect(title.position.end.line).toBe(8);
  });
});

describe('two columns read side by side with a TAB (PDF text layer, DOCX tables)', () => {
  it('puts the right column of the closing block into the signature', () => {
    const text = [
      'KẾ HOẠCH',
      'Thi đua năm 2026',
      '',
      'I. MỤC ĐÍCH',
      '1. Tăng cường.',
      'Nơi nhận:\tTM. ỦY BAN NHÂN DÂN',
      '- Sở Nội vụ;\tKT. CHỦ TỊCH',
      '- Lưu: VT.\tPHÓ CHỦ TỊCH',
      '\tĐinh Văn Hậu',
    ].join('\n');
    const tree = parseDocument(text);
    expect(top(tree, 'recipients')[0].children.map((p: any) => p.value)).toEqual(['Sở Nội vụ;', 'Lưu: VT.']);
    expect(top(tree, 'signature')[0].children.map((p: any) => p.value)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Đinh Văn Hậu']);
  });
});
