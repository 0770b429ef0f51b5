// The officer's pages in a real browser: Debian's /usr/bin/chromium driven by playwright-core
// against `buildServer` on a fresh library. One walk through the work of a Phòng Nội vụ:
// upload → review → correct (and undo) → compare → forms, in Vietnamese, with a screenshot of
// each page written to docs/screenshots/ for the README. Skipped, with a message, where
// /usr/bin/chromium is absent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startServer, type Started } from './browser-server.js';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = join(ROOT, 'docs/screenshots');
const SEEDS = join(ROOT, 'corpus/seeds');
const VARIANTS = join(ROOT, 'corpus/variants');
const present = existsSync(CHROMIUM);
if (!present) console.warn(`test/web/browser.test.ts skipped: ${CHROMIUM} is absent (apt-get install chromium)`);

/** A plan implementing seed 003 (Công an tỉnh Sóc Trăng, 41/KH-CAT), hand-written for the comparison. */
const CHILD_PLAN = `CÔNG AN TỈNH SÓC TRĂNG
CÔNG AN HUYỆN KẾ SÁCH
Số: 15/KH-CAH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Kế Sách, ngày 20 tháng 02 năm 2025

KẾ HOẠCH
Phát động phong trào thi đua cải cách hành chính năm 2025

Thực hiện Kế hoạch số 41/KH-CAT ngày 04/02/2025 của Công an tỉnh Sóc Trăng về phát động phong trào thi đua cải cách hành chính, Công an huyện Kế Sách xây dựng kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Đẩy mạnh cải cách hành chính trong Công an huyện.

II. NỘI DUNG THI ĐUA
1. Thực hiện tốt cơ chế một cửa, một cửa liên thông.
2. Giải quyết thủ tục hành chính đúng hạn.

III. THỜI GIAN THỰC HIỆN
Từ năm 2025 đến hết năm 2025.

IV. KHEN THƯỞNG
Cuối năm, Trưởng Công an huyện tặng Giấy khen cho 02 tập thể và 03 cá nhân có thành tích xuất sắc.

Nơi nhận:
- Công an tỉnh;
- Lưu: VT.
TRƯỞNG CÔNG AN HUYỆN
Đại tá Nguyễn Văn B
`;

describe.skipIf(!present)('the pages in Chromium', () => {
  let server: Started;
  let context: BrowserContext;
  let page: Page;
  let work: string;
  const pageErrors: string[] = [];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'thidua-web-'));
    server = await startServer(join(work, 'library'));
    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(join(work, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=vi'],
      locale: 'vi-VN',
      viewport: { width: 1280, height: 860 },
      acceptDownloads: true,
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('dialog', (d) => void d.accept());
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const shot = (name: string, fullPage = false) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });

  it('receives plans in the inbox: new ones, the same plan as a PDF, and junk explained in words', async () => {
    await page.goto(`${server.url}/inbox`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Hộp thư đến: nhận kế hoạch');
    const child = join(work, 'ke-hoach-15-cah.txt');
    writeFileSync(child, CHILD_PLAN);
    // A file dropped on the zone (drag and drop), then four chosen at once.
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['Danh sách mua văn phòng phẩm tháng 3: giấy A4, bút bi, ghim kẹp.\n'], 'anh-chup.txt', { type: 'text/plain' }));
      document.querySelector('[data-testid="dropzone"]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await page.setInputFiles('#files', [
      join(SEEDS, '003_79ae1312620914b2.txt'),
      join(SEEDS, '000_499ce2f91f22c4b0.txt'),
      join(SEEDS, '001_bc94cfae2ebd58ab.txt'),
      child,
    ]);
    const done = page.locator('.upload:not([data-state="queued"]):not([data-state="uploading"]):not([data-state="reading"])');
    await expect.poll(() => done.count(), { timeout: 90_000 }).toBe(5);
    await expect.poll(() => page.locator('.upload[data-state="stored"]').count(), { timeout: 20_000 }).toBe(4);
    const failed = page.locator('.upload[data-state="failed"]');
    await expect.poll(() => failed.count(), { timeout: 20_000 }).toBe(1);
    await expect(failed.locator('.upload-name').textContent()).resolves.toBe('anh-chup.txt');
    await expect(failed.locator('.upload-advice').textContent()).resolves.toBe('Tệp này không phải là một văn bản hành chính (kế hoạch, quyết định …).');
    const reason = (await failed.locator('.upload-error').textContent()) ?? '';
    expect(reason.length).toBeGreaterThan(5);
    expect(reason).not.toMatch(/at .*\.js:\d+|Error:|undefined/);

    // The same plan in another format is one of that plan's sources, not a second plan.
    await page.setInputFiles('#files', [join(VARIANTS, '001_bc94cfae2ebd58ab.pdf')]);
    await expect.poll(() => page.locator('.upload[data-state="existing"]').count(), { timeout: 60_000 }).toBe(1);

    // A photographed page is read by OCR, its line following the pages recognised.
    await page.setInputFiles('#files', [join(VARIANTS, '001_bc94cfae2ebd58ab.p1.png')]);
    const photo = page.locator('.upload', { has: page.locator('.upload-name', { hasText: '001_bc94cfae2ebd58ab.p1.png' }) });
    await expect.poll(() => photo.getAttribute('data-state'), { timeout: 180_000 }).toMatch(/^(stored|existing|failed)$/);
    expect(await photo.getAttribute('data-stages')).toContain('ocr');
    expect(await photo.getAttribute('data-state')).not.toBe('failed');

    for (const li of await page.locator('.upload').all()) {
      const name = (await li.locator('.upload-name').textContent()) ?? '';
      const href = await li.locator('a.button').getAttribute('href').catch(() => null);
      if (href) ids[name] = href.split('/').pop()!;
    }
    expect(ids['001_bc94cfae2ebd58ab.pdf']).toBe(ids['001_bc94cfae2ebd58ab.txt']);
    // The photo of its first page names the same plan (number, date, issuer): one more source.
    expect(await photo.getAttribute('data-state')).toBe('existing');
    expect(ids['001_bc94cfae2ebd58ab.p1.png']).toBe(ids['001_bc94cfae2ebd58ab.txt']);
    await shot('inbox');
  });

  it('lists, searches without diacritics and shows the tree in the library', async () => {
    await page.goto(`${server.url}/library`);
    await expect.poll(() => page.locator('table.plans tbody tr').count(), { timeout: 20_000 }).toBe(4);
    // Without diacritics or with them, the same plans, the one issued in Kế Sách first.
    const search = async (q: string) => {
      await page.fill('input[name="q"]', q);
      await page.click('form.filters button[type="submit"]');
      await page.waitForURL((url) => url.searchParams.get('q') === q);
      await page.waitForSelector('table.plans tbody tr');
      return page.locator('table.plans tbody tr td:first-child').allTextContents();
    };
    const plain = await search('cong an huyen ke sach');
    expect(plain[0]).toBe('15/KH-CAH');
    expect(await search('Công an huyện Kế Sách')).toEqual(plain);
    await page.goto(`${server.url}/library`);
    // The tree hangs 15/KH-CAH under 41/KH-CAT.
    const parent = page.locator('.tree li', { has: page.locator(':scope > span > a', { hasText: '41/KH-CAT' }) });
    // The tree is loaded after the list: wait for it rather than count what is there yet.
    await parent.locator('ul a', { hasText: '15/KH-CAH' }).first().waitFor({ timeout: 20_000 });
    await expect.poll(() => parent.locator('ul a', { hasText: '15/KH-CAH' }).count(), { timeout: 20_000 }).toBe(1);
    await shot('library');
  });

  it('shows a plan beside its source, highlights evidence, and takes a correction that can be undone', async () => {
    const id = ids['000_499ce2f91f22c4b0.txt'];
    await page.goto(`${server.url}/plans/${id}`);
    await expect(page.locator('h1').textContent()).resolves.toContain('52/KH-CAH');
    const number = page.locator('.value[data-pointer="/document/number"]');
    await number.click();
    const mark = page.locator('.source-text mark');
    await expect(mark.first().textContent()).resolves.toMatch(/52\s*\/\s*KH-CAH/);

    // Correct the place, see it saved and listed with who made it, reload: it stays; then undo it.
    await page.fill('.corrections input[name="user"]', 'Trần Thị B');
    await page.locator('.corrections input[name="user"]').dispatchEvent('change');
    const place = page.locator('.value[data-pointer="/document/place"]');
    const before = (await place.textContent()) ?? '';
    await place.locator('xpath=..').locator('button.edit').click();
    await page.fill('.editor input', 'Cù Lao Dung (đã sửa)');
    await page.click('.editor button[type="submit"]');
    await expect.poll(() => place.textContent()).toBe('Cù Lao Dung (đã sửa)');
    await expect.poll(() => page.locator('.corrections li').count(), { timeout: 20_000 }).toBe(1);
    await expect(page.locator('.corrections li').textContent()).resolves.toMatch(/Trần Thị B.*Cù Lao Dung.*Cù Lao Dung \(đã sửa\)/);
    await page.reload();
    await expect.poll(() => page.locator('.value[data-pointer="/document/place"]').textContent()).toBe('Cù Lao Dung (đã sửa)');
    await number.click();
    await shot('plan');
    await page.click('.corrections li button');
    await expect.poll(() => page.locator('.value[data-pointer="/document/place"]').textContent()).toBe(before);
    await expect.poll(() => page.locator('.corrections li').count(), { timeout: 20_000 }).toBe(0);
  });

  it('shows the page images of a plan received as PDF too', async () => {
    await page.goto(`${server.url}/plans/${ids['001_bc94cfae2ebd58ab.txt']}`);
    await page.click('.tabs button:nth-child(2)');
    const image = page.locator('[data-testid="page-image"]');
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 60_000 }).toBeGreaterThan(300);
  });

  it('compares a plan with its parent, the summary first and in Vietnamese', async () => {
    const child = ids['ke-hoach-15-cah.txt'];
    await page.goto(`${server.url}/plans/${child}`);
    await page.click('a[href^="/compare?b="]');
    await page.waitForSelector('[data-testid="comparison"]');
    await expect(page.locator('[data-testid="pick-a"]').inputValue()).resolves.toBe(ids['003_79ae1312620914b2.txt']);
    const summary = page.locator('.summary');
    await expect(summary.locator('p').first().textContent()).resolves.toBe('B có dẫn chiếu A trong phần căn cứ.');

    // Two plans of different lines: B does not cite A, said first.
    await page.goto(`${server.url}/compare?a=${ids['003_79ae1312620914b2.txt']}&b=${ids['000_499ce2f91f22c4b0.txt']}`);
    await page.waitForSelector('[data-testid="comparison"]');
    const first = page.locator('.comparison > *').first();
    await expect(first.getAttribute('class')).resolves.toBe('summary');
    await expect(page.locator('.summary').textContent()).resolves.toMatch(/điểm khác nhau/);
    const rows = await page.locator('table.differences tbody tr td:first-child').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    await shot('compare');
  });

  it('checks a nominee list against the plan, shows names as text, and gives mẫu 01 and mẫu 08', async () => {
    const id = ids['001_bc94cfae2ebd58ab.txt'];
    const nominees = join(work, 'danh-sach.csv');
    const example = readFileSync(join(ROOT, 'docs/forms/examples/nominees.csv'), 'utf8');
    // One more nominee whose name is markup and whose task completion falls short of the plan's
    // 100%: its problem names it, shown as these characters, and nothing runs.
    const markup = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    writeFileSync(nominees, `${example.trimEnd()}\ntập thể,"${markup.replace(/"/g, '""')}",,Ủy ban nhân dân huyện Châu Thành,"các cơ quan, ban ngành cấp huyện",Hoàn thành.,50,95,tốt,có,có\n`);
    await page.goto(`${server.url}/forms?plan=${id}`);
    const body = JSON.parse(readFileSync(join(ROOT, 'docs/forms/examples/body.json'), 'utf8'));
    await page.fill('input[name="body.name"]', body.name);
    await page.fill('input[name="body.parent"]', body.parent);
    await page.fill('input[name="body.symbol"]', body.symbol);
    await page.fill('input[name="body.place"]', body.place);
    await page.fill('input[name="body.addressee"]', body.addressee);
    await page.fill('input[name="body.signer.authority"]', body.signer.authority);
    await page.fill('input[name="body.signer.position"]', body.signer.position);
    await page.fill('input[name="body.signer.name"]', body.signer.name);
    await page.fill('input[name="date"]', '2023-10-10');
    await page.setInputFiles('[data-testid="forms-nominees"]', nominees);
    await page.click('[data-testid="forms-check"]');
    await page.waitForSelector('[data-testid="checks"] h2');
    const table = page.locator('table.problems');
    await expect.poll(() => table.count(), { timeout: 20_000 }).toBe(1);
    const text = (await table.textContent()) ?? '';
    expect(text).toContain(markup);
    const named = page.locator('table.problems tbody tr', { has: page.locator('td:first-child', { hasText: 'window.__pwned' }) });
    await expect(named.locator('td').nth(2).textContent()).resolves.toMatch(/100\s*%/);
    await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
    await expect.poll(() => page.locator('table.problems script, table.problems img').count(), { timeout: 20_000 }).toBe(0);
    await shot('forms', true);

    // The list as the example gives it is within the plan: the forms come as DOCX.
    const clean = join(work, 'danh-sach-dung.csv');
    writeFileSync(clean, example);
    await page.setInputFiles('[data-testid="forms-nominees"]', clean);
    for (const form of ['mau01', 'mau08']) {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(`[data-testid="download-${form}"]`)]);
      const file = join(work, `${form}-${download.suggestedFilename()}`);
      await download.saveAs(file);
      const bytes = readFileSync(file);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    }
    // With LibreOffice on the server, mẫu 01 as PDF too.
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as { pdf?: boolean };
    await expect.poll(() => page.locator('[data-testid="download-mau01-pdf"]').count(), { timeout: 20_000 }).toBe(health.pdf ? 1 : 0);
    if (health.pdf) {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), page.click('[data-testid="download-mau01-pdf"]')]);
      const file = join(work, 'mau01.pdf');
      await download.saveAs(file);
      expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } else console.warn('test/web/browser.test.ts: no LibreOffice (soffice): the PDF of the forms is not tried');
  }, 300_000);

  it('exports the library to XLSX and deletes a plan', async () => {
    await page.goto(`${server.url}/library`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href^="/api/plans.xlsx"]')]);
    const file = join(work, 'thu-vien.xlsx');
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
    const row = page.locator('table.plans tbody tr', { has: page.locator('a', { hasText: '52/KH-CAH' }) });
    await row.locator('button[data-action="delete"]').click(); // the confirmation is accepted
    await expect.poll(() => row.count()).toBe(0);
    await page.reload();
    await expect.poll(() => page.locator('table.plans tbody tr').count(), { timeout: 20_000 }).toBe(3);
  });

  it('switches to English and back', async () => {
    await page.goto(`${server.url}/library`);
    await page.click('#lang');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Plan library');
    await page.click('#lang');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Thư viện kế hoạch');
    expect(pageErrors).toEqual([]);
  });
});
