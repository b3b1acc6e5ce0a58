// Org-chart layout for the power map picture: a tidy top-down tree from "reports to" lines.
// Pure: people whose manager is unknown (or who sit in a reporting cycle) become roots.
import type { Stakeholder } from '../db/model';

export interface OrgNode {
  id: string;
  depth: number;
  /** column (0-based, fractional for parents centred over their reports) */
  col: number;
  parentId?: string;
}
export interface OrgLayout {
  nodes: OrgNode[];
  depth: number;
  width: number;
}

const RANK = { high: 0, medium: 1, low: 2 } as const;

export function layoutOrgChart(people: Pick<Stakeholder, 'id' | 'name' | 'reportsTo' | 'influence'>[]): OrgLayout {
  const byId = new Map(people.map((p) => [p.id, p]));
  // parent only if it exists and following the chain does not loop back
  const parentOf = new Map<string, string>();
  for (const p of people) {
    if (!p.reportsTo || !byId.has(p.reportsTo) || p.reportsTo === p.id) continue;
    let cur: string | undefined = p.reportsTo;
    const seen = new Set([p.id]);
    let loops = false;
    while (cur) {
      if (seen.has(cur)) {
        loops = true;
        break;
      }
      seen.add(cur);
      cur = byId.get(cur)?.reportsTo;
      if (cur && !byId.has(cur)) break;
    }
    if (!loops) parentOf.set(p.id, p.reportsTo);
  }
  const children = new Map<string, string[]>();
  const order = [...people].sort((a, b) => RANK[a.influence] - RANK[b.influence] || a.name.localeCompare(b.name));
  for (const p of order) {
    const parent = parentOf.get(p.id);
    if (parent) (children.get(parent) ?? children.set(parent, []).get(parent)!).push(p.id);
  }
  const roots = order.filter((p) => !parentOf.has(p.id)).map((p) => p.id);
  const nodes: OrgNode[] = [];
  let next = 0;
  let maxDepth = 0;
  const place = (id: string, depth: number): number => {
    maxDepth = Math.max(maxDepth, depth);
    const kids = children.get(id) ?? [];
    const node: OrgNode = { id, depth, col: 0, parentId: parentOf.get(id) };
    nodes.push(node);
    if (!kids.length) node.col = next++;
    else {
      const cols = kids.map((k) => place(k, depth + 1));
      node.col = (cols[0] + cols[cols.length - 1]) / 2;
    }
    return node.col;
  };
  for (const r of roots) place(r, 0);
  return { nodes, depth: people.length ? maxDepth + 1 : 0, width: next };
}
