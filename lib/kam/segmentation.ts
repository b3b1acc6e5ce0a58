// Portfolio segmentation (KAM-DOMAIN.md "Choosing the key accounts"): each account is placed by
// attractiveness (quantitative: revenue, potential, growth) against our position (qualitative:
// strategic fit, relationship, access). Scores are 0–5; both axes are their mean, 0–5.
import type { Scores, Tier } from '../db/model';

export interface SegmentPoint {
  attractiveness: number;
  position: number;
}

export type Quadrant = 'strategic' | 'develop' | 'maintain' | 'opportunistic';

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const clamp = (n: number) => Math.min(5, Math.max(0, Number.isFinite(n) ? n : 0));
const round2 = (n: number) => Math.round(n * 100) / 100;

export function attractiveness(s: Scores): number {
  return round2(clamp(mean([s.revenue, s.potential, s.growth].map(clamp))));
}
export function position(s: Scores): number {
  return round2(clamp(mean([s.strategicFit, s.relationship, s.access].map(clamp))));
}
export function segmentPoint(s: Scores): SegmentPoint {
  return { attractiveness: attractiveness(s), position: position(s) };
}

/** The 2×2 grid, split at the middle of the scale (2.5). */
export const MIDPOINT = 2.5;
export function quadrant(p: SegmentPoint, mid = MIDPOINT): Quadrant {
  const hiA = p.attractiveness >= mid;
  const hiP = p.position >= mid;
  if (hiA && hiP) return 'strategic';
  if (hiA) return 'develop';
  if (hiP) return 'maintain';
  return 'opportunistic';
}

/** A tier suggestion from the quadrant: strategic → A, develop → B, maintain → B, else C. */
export function suggestedTier(p: SegmentPoint): Exclude<Tier, 'untiered'> {
  const q = quadrant(p);
  return q === 'strategic' ? 'A' : q === 'opportunistic' ? 'C' : 'B';
}

/** Maps a point to SVG coordinates in a square plot (x = position, y = attractiveness, up is high). */
export function toPlot(p: SegmentPoint, size: number, pad: number): { x: number; y: number } {
  const inner = size - 2 * pad;
  return { x: pad + (clamp(p.position) / 5) * inner, y: pad + (1 - clamp(p.attractiveness) / 5) * inner };
}

/**
 * Spreads points that share the same spot so every account stays clickable: the n-th duplicate
 * is placed on a small circle around the spot. Pure and deterministic (input order).
 */
export function spread<T extends { x: number; y: number }>(points: T[], radius = 9): T[] {
  const seen = new Map<string, number>();
  return points.map((p) => {
    const key = `${Math.round(p.x)}:${Math.round(p.y)}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    if (n === 0) return p;
    const ring = Math.ceil(n / 6);
    const angle = ((n - 1) % 6) * (Math.PI / 3) + ring * 0.5;
    return { ...p, x: p.x + Math.cos(angle) * radius * ring, y: p.y + Math.sin(angle) * radius * ring };
  });
}

export interface QuadrantSummary {
  quadrant: Quadrant;
  count: number;
  currentRevenue: number;
  potentialRevenue: number;
}
export function summarise(accounts: { scores: Scores; currentRevenue: number; potentialRevenue: number }[]): QuadrantSummary[] {
  const order: Quadrant[] = ['strategic', 'develop', 'maintain', 'opportunistic'];
  const out = new Map(order.map((q) => [q, { quadrant: q, count: 0, currentRevenue: 0, potentialRevenue: 0 }]));
  for (const a of accounts) {
    const s = out.get(quadrant(segmentPoint(a.scores)))!;
    s.count++;
    s.currentRevenue += a.currentRevenue;
    s.potentialRevenue += a.potentialRevenue;
  }
  return order.map((q) => out.get(q)!);
}
