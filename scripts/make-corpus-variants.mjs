#!/usr/bin/env node
// Makes the PDF, DOCX and scanned versions of every corpus seed into corpus/variants/.
//
//   node scripts/make-corpus-variants.mjs [SEED_ID ...]
//
// Needs (Debian): libreoffice-writer-nogui, poppler-utils, imagemagick, fonts-liberation2.
// CI does not run this: the generated files are committed.
//
// For each seed corpus/seeds/ID.txt:
//   ID.docx       seed → HTML (bold/italic/headings, TAB rows as a ruled table, a running page
//                 number in the page header) → LibreOffice → DOCX
//   ID.pdf        the DOCX → LibreOffice → PDF with a text layer
//   ten-pages.pdf 003's PDF followed by 000's (10 pages) for the benchmark
//   ID.scan.pdf   the PDF rasterised at 200 dpi (pdftoppm), degraded with ImageMagick (rotation
//                 up to ±1.5°, blur, noise, grayscale JPEG) and packed back into an image-only
//                 PDF whose pages keep the size of the original pages
// and a few single images (PNG page, JPEG photo-like page, multi-page TIFF) of some seeds.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const SEEDS = join(ROOT, 'corpus/seeds');
const OUT = join(ROOT, 'corpus/variants');
const DPI = 200;

const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });

// ---------- seed text → HTML for LibreOffice
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function inline(text) {
  let s = esc(text.replace(/\s+$/, ''));
  s = s.replace(/\*\*([^*]+?)\*\*/g, '<b>$1</b>');
  s = s.replace(/(^|[\s(])\*([^*\s][^*]*?)\*/g, '$1<i>$2</i>');
  s = s.replace(/\*\*/g, '');
  return s;
}

function cellHtml(cell) {
  // "<ul …> - a - b </ul>" inside a cell: one line per item.
  const plain = cell.replace(/<\/?[a-z][^<>]*>/gi, ' ').replace(/\s+/g, ' ').trim();
  if (/^- /.test(plain)) {
    const items = plain.slice(2).split(/ - (?=\p{Lu})/u);
    return items.map((i) => `- ${inline(i.trim())}`).join('<br>');
  }
  return inline(plain);
}

export function seedToHtml(text) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const body = [];
  let table = null;
  const flushTable = () => {
    if (!table) return;
    body.push('<table border="1" cellspacing="0" cellpadding="4" width="100%">');
    table.forEach((row, i) => {
      const tag = i === 0 ? 'th' : 'td';
      // Column widths: a number column (STT) wide enough for its heading, the content column
      // widest, so that LibreOffice does not break words inside narrow cells.
      const widths = row.length === 5 ? [8, 40, 16, 20, 16] : row.map((_, k) => (k === 0 ? 8 : Math.floor(92 / (row.length - 1))));
      body.push('<tr>' + row.map((c, k) => `<${tag} valign="top" width="${widths[k]}%"><p>${cellHtml(c)}</p></${tag}>`).join('') + '</tr>');
    });
    body.push('</table>');
    table = null;
  };
  let para = [];
  const flushPara = () => {
    if (!para.length) return;
    // LibreOffice stretches a justified line that ends in a manual break (Word does not):
    // paragraphs of several lines are left-aligned.
    body.push(para.length > 1 ? `<p style="text-align: left">${para.join('<br>')}</p>` : `<p>${para[0]}</p>`);
    para = [];
  };
  for (const raw of lines) {
    if ((raw.match(/\t/g) ?? []).length >= 2) {
      flushPara();
      (table ??= []).push(raw.split('\t'));
      continue;
    }
    if (raw.trim() === '') {
      flushPara();
      continue;
    }
    flushTable();
    const heading = /^\s{0,3}#{1,6}\s+/.exec(raw);
    if (heading) {
      flushPara();
      body.push(`<p><b>${inline(raw.slice(heading[0].length)).replace(/<\/?b>/g, '')}</b></p>`);
      continue;
    }
    // Consecutive lines stay lines of one paragraph (a line break, as in the text); a blank
    // line ends the paragraph.
    para.push(inline(raw));
  }
  flushPara();
  flushTable();
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page { size: 21cm 29.7cm; margin: 2cm 1.5cm 2cm 3cm }
body, p, td, th { font-family: "Liberation Serif", "Times New Roman"; font-size: 13pt }
p { margin-top: 0; margin-bottom: 6pt; text-align: justify }
th { font-weight: bold }
td p, th p { text-align: left }
</style></head><body>
<div title="header"><p align="center"><sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield></p></div>
${body.join('\n')}
</body></html>
`;
}

// ---------- image-only PDF from JPEG pages
function jpegSize(buf) {
  let i = 2;
  while (i < buf.length) {
    if (buf[i] !== 0xff) throw new Error('bad JPEG');
    const marker = buf[i + 1];
    const len = buf.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: buf.readUInt16BE(i + 5), width: buf.readUInt16BE(i + 7), components: buf[i + 9] };
    }
    i += 2 + len;
  }
  throw new Error('no JPEG frame header');
}

/** Packs JPEG pages into a PDF; each page is `pixels / dpi` inches. */
export function jpegsToPdf(jpegs, dpi) {
  const objects = [];
  const add = (parts) => {
    objects.push(parts);
    return objects.length;
  };
  const catalog = add(null);
  const pagesObj = add(null);
  const kids = [];
  for (const jpeg of jpegs) {
    const { width, height, components } = jpegSize(jpeg);
    const w = (width / dpi) * 72;
    const h = (height / dpi) * 72;
    const cs = components === 1 ? '/DeviceGray' : components === 4 ? '/DeviceCMYK' : '/DeviceRGB';
    const img = add([
      Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace ${cs} /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`),
      jpeg,
      Buffer.from('\nendstream'),
    ]);
    const content = Buffer.from(`q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} 0 0 cm /Im0 Do Q`);
    const contents = add([Buffer.from(`<< /Length ${content.length} >>\nstream\n`), content, Buffer.from('\nendstream')]);
    kids.push(
      add([
        Buffer.from(
          `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${w.toFixed(2)} ${h.toFixed(2)}] /Resources << /XObject << /Im0 ${img} 0 R >> >> /Contents ${contents} 0 R >>`,
        ),
      ]),
    );
  }
  objects[catalog - 1] = [Buffer.from(`<< /Type /Catalog /Pages ${pagesObj} 0 R >>`)];
  objects[pagesObj - 1] = [Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`)];
  const chunks = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0].length;
  const offsets = [];
  objects.forEach((parts, i) => {
    offsets.push(offset);
    const buf = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), ...parts, Buffer.from('\nendobj\n')]);
    chunks.push(buf);
    offset += buf.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${offset}\n%%EOF\n`));
  return Buffer.concat(chunks);
}

// ---------- deterministic pseudo-random degradation per page
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function degrade(pgm, outJpg, random) {
  const angle = ((random() * 2 - 1) * 1.5).toFixed(2);
  const blur = (0.4 + random() * 0.3).toFixed(2);
  run('convert', [
    pgm,
    '-background', 'white', '-rotate', angle, '+repage',
    '-gravity', 'center', '-extent', `${sizeOf(pgm)}`,
    '-blur', `0x${blur}`,
    '-attenuate', '0.35', '+noise', 'Gaussian',
    '-colorspace', 'Gray', '-type', 'Grayscale',
    '-quality', '55', '-sampling-factor', '1x1', '-strip',
    outJpg,
  ]);
  return Number(angle);
}

function sizeOf(image) {
  return run('identify', ['-format', '%wx%h', image]).toString().trim();
}

// ---------- main
function main() {
  const wanted = process.argv.slice(2);
  mkdirSync(OUT, { recursive: true });
  const seeds = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => basename(f, '.txt'))
    .filter((id) => !wanted.length || wanted.some((w) => id.startsWith(w)));
  const tmp = mkdtempSync(join(tmpdir(), 'thidua-variants-'));
  const profile = `file://${join(tmp, 'lo-profile')}`;
  const soffice = (args) => run('soffice', [`-env:UserInstallation=${profile}`, '--headless', ...args], { cwd: tmp });
  try {
    for (const id of seeds) {
      const html = join(tmp, `${id}.html`);
      writeFileSync(html, seedToHtml(readFileSync(join(SEEDS, `${id}.txt`), 'utf8')));
      soffice(['--convert-to', 'docx:MS Word 2007 XML', '--outdir', tmp, html]);
      copyFileSync(join(tmp, `${id}.docx`), join(OUT, `${id}.docx`));
      rmSync(join(tmp, `${id}.html`));
      soffice(['--convert-to', 'pdf', '--outdir', tmp, join(tmp, `${id}.docx`)]);
      copyFileSync(join(tmp, `${id}.pdf`), join(OUT, `${id}.pdf`));

      // Scan: rasterise, degrade, pack.
      const pages = join(tmp, `${id}-page`);
      run('pdftoppm', ['-r', String(DPI), '-gray', join(tmp, `${id}.pdf`), pages]);
      const pgms = readdirSync(tmp).filter((f) => f.startsWith(`${id}-page`) && f.endsWith('.pgm')).sort();
      const random = rng(parseInt(id.slice(4, 12), 16));
      const jpegs = [];
      const angles = [];
      for (const pgm of pgms) {
        const jpg = join(tmp, pgm.replace(/\.pgm$/, '.jpg'));
        angles.push(degrade(join(tmp, pgm), jpg, random));
        jpegs.push(readFileSync(jpg));
      }
      writeFileSync(join(OUT, `${id}.scan.pdf`), jpegsToPdf(jpegs, DPI));
      console.log(`${id}: docx, pdf, scan.pdf (${pgms.length} pages, rotations ${angles.join(', ')}°)`);

      // Single images of some documents.
      if (id.startsWith('001')) {
        // A clean 200-dpi bilevel PNG of page 1.
        run('convert', [join(tmp, pgms[0]), '-threshold', '55%', '-type', 'Bilevel', '-strip', join(OUT, `${id}.p1.png`)]);
      }
      if (id.startsWith('004')) {
        // A photo-like JPEG of page 1: 150 dpi, uneven light, slight rotation, colour.
        run('convert', [
          join(tmp, pgms[0]), '-resize', '75%', '-background', 'white', '-rotate', '-1.2', '+repage',
          '(', '+clone', '-sparse-color', 'Barycentric', '0,0 gray(92%) %[fx:w],%[fx:h] gray(100%)', ')', '-compose', 'Multiply', '-composite',
          '-fill', '#f4ecd8', '-tint', '30', '-attenuate', '0.3', '+noise', 'Gaussian', '-quality', '70', '-strip', join(OUT, `${id}.p1.jpg`),
        ]);
      }
      if (id.startsWith('000')) {
        // A multi-page CCITT G4 TIFF of the whole document.
        run('convert', [...pgms.map((p) => join(tmp, p)), '-threshold', '55%', '-type', 'Bilevel', '-compress', 'Group4', '-density', String(DPI), '-units', 'PixelsPerInch', join(OUT, `${id}.tiff`)]);
      }
      for (const f of readdirSync(tmp)) if (f.startsWith(`${id}-page`)) rmSync(join(tmp, f));
    }
    // A 10-page digital PDF for the benchmark (003: 7 pages + 000: 3 pages).
    const parts = ['003_79ae1312620914b2.pdf', '000_499ce2f91f22c4b0.pdf'].map((f) => join(OUT, f));
    run('pdfunite', [...parts, join(OUT, 'ten-pages.pdf')]);
    // The layout sample used by test/ingest.
    const fixtures = join(ROOT, 'test/ingest/fixtures');
    mkdirSync(fixtures, { recursive: true });
    writeFileSync(join(tmp, 'layout-sample.html'), LAYOUT_SAMPLE_HTML);
    soffice(['--convert-to', 'docx:MS Word 2007 XML', '--outdir', tmp, join(tmp, 'layout-sample.html')]);
    soffice(['--convert-to', 'pdf', '--outdir', tmp, join(tmp, 'layout-sample.docx')]);
    copyFileSync(join(tmp, 'layout-sample.docx'), join(fixtures, 'layout-sample.docx'));
    copyFileSync(join(tmp, 'layout-sample.pdf'), join(fixtures, 'layout-sample.pdf'));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// ---------- a layout sample for the tests: two-column header and closing block, ruled table
export const LAYOUT_SAMPLE_HTML = `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page { size: 21cm 29.7cm; margin: 2cm 1.5cm 2cm 3cm }
body, p, td { font-family: "Liberation Serif"; font-size: 13pt }
p { margin: 0 0 6pt 0 }
</style></head><body>
<table width="100%" cellspacing="0" cellpadding="0" border="0"><tr>
<td width="38%" valign="top"><p align="center">ỦY BAN NHÂN DÂN<br><b>HUYỆN CHÂU THÀNH</b><br>Số: 44/KH-UBND</p></td>
<td width="62%" valign="top"><p align="center"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><b>Độc lập - Tự do - Hạnh phúc</b><br><i>Châu Thành, ngày 07 tháng 3 năm 2023</i></p></td>
</tr></table>
<p align="center"><b>KẾ HOẠCH</b></p>
<p align="center"><b>Phát động phong trào thi đua ứng dụng công nghệ thông tin năm 2023</b></p>
<p align="justify">Ủy ban nhân dân huyện Châu Thành phát động phong trào thi đua ứng dụng công nghệ thông tin trong cải cách hành chính năm 2023 với những nội dung cụ thể như sau, nhằm nâng cao hiệu quả công tác.</p>
<table width="100%" border="1" cellspacing="0" cellpadding="4">
<tr><td><p>STT</p></td><td><p>Nội dung</p></td><td><p>Thời gian</p></td></tr>
<tr><td><p>1</p></td><td><p>Tổ chức hội nghị triển khai công tác cải cách hành chính và chuyển đổi số năm 2023 của huyện</p></td><td><p>Quý I</p></td></tr>
<tr><td><p>2</p></td><td><p>Sơ kết phong trào thi đua</p></td><td><p>Tháng 6/2023</p></td></tr>
</table>
<p>&nbsp;</p>
<table width="100%" cellspacing="0" cellpadding="0" border="0"><tr>
<td width="50%" valign="top"><p><b><i>Nơi nhận:</i></b><br>- UBND tỉnh;<br>- Lưu: VT.</p></td>
<td width="50%" valign="top"><p align="center"><b>TM. ỦY BAN NHÂN DÂN<br>CHỦ TỊCH</b><br><br><br><b>Nguyễn Văn An</b></p></td>
</tr></table>
</body></html>
`;

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) main();
