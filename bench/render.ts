// `npm run bench:render`: renders 1,000 mẫu 08 reports (one per nominee) from the gold plan 001
// with the built-in template prepared once, and a 1,000-nominee mẫu 01; prints the figures.
// Target (issue 5): 1,000 mẫu 08 reports in < 10 s.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkDossier } from '../pipeline/forms/checks.js';
import { parseIsoDate } from '../pipeline/forms/dates.js';
import { renderMau01, renderMau08, type DossierInput } from '../pipeline/forms/dossier.js';
import { parseSubmittingBody } from '../pipeline/forms/body.js';
import { nomineesFromJson } from '../pipeline/forms/nominees.js';
import { planFromJson } from '../pipeline/forms/plan.js';
import { builtInTemplate } from '../pipeline/forms/render.js';

const root = process.cwd();
const planPath = join(root, 'corpus', 'gold', '000_499ce2f91f22c4b0.json');
const plan = { record: planFromJson(JSON.parse(readFileSync(planPath, 'utf8')), planPath), text: null, path: planPath };
const body = parseSubmittingBody(
  {
    name: 'Phòng Nội vụ huyện Châu Thành',
    parent: 'Ủy ban nhân dân huyện Châu Thành',
    symbol: 'PNV',
    place: 'Châu Thành',
    addressee: 'Chủ tịch Ủy ban nhân dân huyện Châu Thành',
    signer: { authority: 'KT. Trưởng phòng', position: 'Phó Trưởng phòng', name: 'Nguyễn Văn A' },
  },
  null,
);
const count = Number(process.argv[2] ?? 1000);
const { nominees } = nomineesFromJson(
  Array.from({ length: count }, (_, i) => ({
    recipient: i % 3 === 0 ? 'collective' : 'individual',
    name: `${i % 3 === 0 ? 'Đội Cảnh sát' : 'Trần Văn'} số ${i + 1}`,
    position: i % 3 === 0 ? '' : 'Cán bộ',
    unit: `Công an xã ${i % 17}`,
    achievements: 'Hoàn thành xuất sắc nhiệm vụ cải cách hành chính.\nCó sáng kiến trong giải quyết thủ tục hành chính.',
  })),
  null,
);
const date = parseIsoDate('2022-12-01')!;
const dossier: DossierInput = { plan, body, nominees, occasion: 'annual', date, problems: [], inputWarnings: [] };

let t = performance.now();
dossier.problems = checkDossier({ plan, nominees, occasion: 'annual', date, body });
const checkMs = performance.now() - t;

t = performance.now();
const template08 = builtInTemplate('mau08');
const template01 = builtInTemplate('mau01');
const prepareMs = performance.now() - t;

t = performance.now();
const cpu = process.cpuUsage();
const reports = renderMau08(dossier, template08, false);
const mau08Ms = performance.now() - t;
const mau08Cpu = process.cpuUsage(cpu);
const bytes = reports.reduce((n, r) => n + r.bytes.length, 0);

t = performance.now();
const tt = renderMau01(dossier, template01, false);
const mau01Ms = performance.now() - t;

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
process.stdout.write(
  [
    `checks, ${count} nominees:          ${s(checkMs)}`,
    `prepare both templates (once):  ${s(prepareMs)}`,
    `mẫu 08, ${reports.length} reports:         ${s(mau08Ms)} wall, ${s((mau08Cpu.user + mau08Cpu.system) / 1000)} CPU (${(mau08Ms / reports.length).toFixed(2)} ms each, ${(bytes / 1024 / 1024).toFixed(1)} MB)`,
    `mẫu 01, ${count}-nominee Tờ trình:  ${s(mau01Ms)} (${(tt.length / 1024).toFixed(0)} KB)`,
    `target: 1,000 mẫu 08 reports < 10 s: ${mau08Ms < 10_000 ? 'met' : 'NOT met'}`,
  ].join('\n') + '\n',
);
