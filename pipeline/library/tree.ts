// The hierarchy of the library's plans: each plan under the plan it implements (province →
// district → commune), in two lines of government, the people's committees (UBND) and the
// police (Công an), plus any other issuers. A parent that is cited but not in the library
// appears as a "missing" node so its children still group under it. Pure: built from the
// plans and links the library returns.
import { issuerParts, numberKey } from '../compare/reference.js';
import type { BasisLink, PlanSummary } from './library.js';
import { CATALOGUE, t } from '../messages/index.js';

export interface TreeNode {
  /** A library plan, or null for a cited plan missing from the library. */
  plan: PlanSummary | null;
  /** For a missing plan: how it is cited. */
  missing: { number: string | null; date: string | null; issuer: string | null } | null;
  children: TreeNode[];
}

export interface TreeLine {
  line: 'people_committee' | 'police' | 'party' | 'other';
  label: string;
  roots: TreeNode[];
}

const LINE_LABEL: Record<TreeLine['line'], string> = {
  people_committee: 'People’s committees (UBND)',
  police: 'Police (Công an)',
  party: 'Party committees (Đảng ủy)',
  other: 'Other issuers',
};
const LEVEL_RANK: Record<string, number> = { province: 0, district: 1, commune: 2 };

type Link = BasisLink & { planId: number };

/** Builds the hierarchy: each plan hangs under one parent (an implemented plan first, then a higher level). */
export function buildTree(plans: PlanSummary[], links: Link[]): TreeLine[] {
  const byId = new Map(plans.map((p) => [p.id, p]));
  const nodes = new Map<number, TreeNode>(plans.map((p) => [p.id, { plan: p, missing: null, children: [] }]));
  const missingNodes = new Map<string, TreeNode>();
  const linksOf = new Map<number, Link[]>();
  for (const l of links) {
    if (!linksOf.has(l.planId)) linksOf.set(l.planId, []);
    linksOf.get(l.planId)!.push(l);
  }
  const parentOf = new Map<number, number>();
  const attachedToMissing = new Set<number>();
  for (const p of plans) {
    const own = linksOf.get(p.id) ?? [];
    const resolved = own
      .filter((l) => l.parentId !== null && l.parentId !== p.id && byId.has(l.parentId))
      .sort((x, y) => preference(x, byId.get(x.parentId!)!, p) - preference(y, byId.get(y.parentId!)!, p));
    const chosen = resolved.find((l) => !createsCycle(parentOf, p.id, l.parentId!));
    if (chosen) {
      parentOf.set(p.id, chosen.parentId!);
      continue;
    }
    // No parent in the library: hang it under the plan it implements, shown as missing.
    // Among cited plans, prefer one of the plan's own line (a police plan under the police plan it implements).
    const citable = own.filter((l) => l.parentId === null && (l.relation === 'implements' || /ke hoach|kế hoạch/i.test(l.type ?? '')));
    const ownLine = (l: Link) => (l.issuer && issuerParts(l.issuer).kind === p.kind ? 0 : 1);
    const cited = citable.sort((x, y) => ownLine(x) - ownLine(y) || (x.relation === 'implements' ? 0 : 1) - (y.relation === 'implements' ? 0 : 1) || x.n - y.n)[0];
    if (cited) {
      const key = `${numberKey(cited.number) ?? '?'}|${cited.date ?? '?'}|${cited.issuer ?? '?'}`;
      let node = missingNodes.get(key);
      if (!node) missingNodes.set(key, (node = { plan: null, missing: { number: cited.number, date: cited.date, issuer: cited.issuer }, children: [] }));
      node.children.push(nodes.get(p.id)!);
      attachedToMissing.add(p.id);
    }
  }
  for (const [child, parent] of parentOf) nodes.get(parent)!.children.push(nodes.get(child)!);
  const roots: TreeNode[] = [
    ...plans.filter((p) => !parentOf.has(p.id) && !attachedToMissing.has(p.id)).map((p) => nodes.get(p.id)!),
    ...missingNodes.values(),
  ];
  const sortNodes = (list: TreeNode[]) => {
    list.sort((a, b) => levelRank(a) - levelRank(b) || (dateOf(a) ?? '').localeCompare(dateOf(b) ?? '') || (a.plan?.id ?? 0) - (b.plan?.id ?? 0));
    for (const n of list) sortNodes(n.children);
  };
  const lines = new Map<TreeLine['line'], TreeNode[]>();
  for (const r of roots) {
    const line = lineOf(r);
    if (!lines.has(line)) lines.set(line, []);
    lines.get(line)!.push(r);
  }
  const order: TreeLine['line'][] = ['people_committee', 'police', 'party', 'other'];
  return order.filter((l) => lines.has(l)).map((line) => {
    const list = lines.get(line)!;
    sortNodes(list);
    return { line, label: LINE_LABEL[line], roots: list };
  });
}

function preference(l: Link, parent: PlanSummary, child: PlanSummary): number {
  let score = l.relation === 'implements' ? 0 : 10;
  if (parent.kind && child.kind && parent.kind !== child.kind) score += 2;
  if ((LEVEL_RANK[parent.level ?? ''] ?? 3) > (LEVEL_RANK[child.level ?? ''] ?? 3)) score += 5;
  return score + l.n / 100;
}

function createsCycle(parentOf: Map<number, number>, child: number, parent: number): boolean {
  for (let p: number | undefined = parent, steps = 0; p !== undefined && steps < 10_000; p = parentOf.get(p), steps++) {
    if (p === child) return true;
  }
  return false;
}

function levelRank(n: TreeNode): number {
  const level = n.plan ? n.plan.level : n.missing?.issuer ? issuerParts(n.missing.issuer).level : null;
  return LEVEL_RANK[level ?? ''] ?? 3;
}

function dateOf(n: TreeNode): string | null {
  return n.plan ? n.plan.date : (n.missing?.date ?? null);
}

function lineOf(n: TreeNode): TreeLine['line'] {
  const kind = n.plan ? n.plan.kind : n.missing?.issuer ? issuerParts(n.missing.issuer).kind : null;
  return kind === 'people_committee' || kind === 'police' || kind === 'party' ? kind : 'other';
}

/** One line per node, drawn with box characters. */
export function renderTree(lines: TreeLine[]): string {
  const out: string[] = [];
  const label = (n: TreeNode) => {
    if (n.plan) {
      const p = n.plan;
      const level = p.level ? (CATALOGUE[`compare.level.${p.level}`] ? t(`compare.level.${p.level}`) : p.level) : '?';
      return `#${p.id} ${p.number ?? t('library.no-number')} ${p.date ?? ''} · ${level} · ${p.issuer ?? t('library.issuer-unknown')}${p.title ? ' — ' + truncate(p.title, 70) : ''}`;
    }
    const m = n.missing!;
    return `${t('library.tree.missing')} ${m.number ?? t('library.no-number')} ${m.date ?? ''} · ${m.issuer ?? t('library.issuer-unknown')}`;
  };
  const walk = (n: TreeNode, prefix: string, last: boolean) => {
    out.push(`${prefix}${last ? '└─ ' : '├─ '}${label(n)}`);
    n.children.forEach((c, i) => walk(c, prefix + (last ? '   ' : '│  '), i === n.children.length - 1));
  };
  for (const line of lines) {
    out.push(t(`library.tree.line.${line.line}`));
    line.roots.forEach((r, i) => walk(r, '', i === line.roots.length - 1));
    out.push('');
  }
  return out.join('\n');
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : s.slice(0, n - 1) + '…';
}
