import { describe, expect, it } from 'vitest';
import { attractiveness, position, quadrant, segmentPoint, spread, suggestedTier, summarise, toPlot } from '../../lib/kam/segmentation';
import type { Scores } from '../../lib/db/model';

const S = (r: number, p: number, g: number, f: number, rel: number, acc: number): Scores => ({ revenue: r, potential: p, growth: g, strategicFit: f, relationship: rel, access: acc });

describe('segmentation', () => {
  it('averages quantitative and qualitative scores', () => {
    const s = S(3, 5, 4, 5, 4, 3);
    expect(attractiveness(s)).toBe(4);
    expect(position(s)).toBe(4);
    expect(segmentPoint(S(0, 0, 1, 0, 0, 0))).toEqual({ attractiveness: 0.33, position: 0 });
  });
  it('clamps out-of-range and NaN scores', () => {
    expect(attractiveness(S(9, 9, 9, 0, 0, 0))).toBe(5);
    expect(position(S(0, 0, 0, NaN, -3, 3))).toBe(1);
  });
  it('places points in the 2×2 grid and suggests tiers', () => {
    expect(quadrant({ attractiveness: 4, position: 4 })).toBe('strategic');
    expect(quadrant({ attractiveness: 4, position: 1 })).toBe('develop');
    expect(quadrant({ attractiveness: 1, position: 4 })).toBe('maintain');
    expect(quadrant({ attractiveness: 1, position: 1 })).toBe('opportunistic');
    expect(quadrant({ attractiveness: 2.5, position: 2.5 })).toBe('strategic');
    expect(suggestedTier({ attractiveness: 5, position: 5 })).toBe('A');
    expect(suggestedTier({ attractiveness: 5, position: 0 })).toBe('B');
    expect(suggestedTier({ attractiveness: 0, position: 0 })).toBe('C');
  });
  it('maps to plot coordinates with high attractiveness at the top', () => {
    expect(toPlot({ attractiveness: 5, position: 0 }, 120, 10)).toEqual({ x: 10, y: 10 });
    expect(toPlot({ attractiveness: 0, position: 5 }, 120, 10)).toEqual({ x: 110, y: 110 });
  });
  it('spreads points that share a spot, deterministically', () => {
    const pts = [{ x: 50, y: 50 }, { x: 50, y: 50 }, { x: 50, y: 50 }, { x: 80, y: 20 }];
    const out = spread(pts);
    expect(out[0]).toEqual({ x: 50, y: 50 });
    expect(out[3]).toEqual({ x: 80, y: 20 });
    const keys = new Set(out.map((p) => `${p.x.toFixed(2)}:${p.y.toFixed(2)}`));
    expect(keys.size).toBe(4);
    expect(spread(pts)).toEqual(out);
  });
  it('summarises revenue per quadrant', () => {
    const sum = summarise([
      { scores: S(5, 5, 5, 5, 5, 5), currentRevenue: 10, potentialRevenue: 100 },
      { scores: S(5, 5, 5, 5, 5, 5), currentRevenue: 5, potentialRevenue: 50 },
      { scores: S(0, 0, 0, 0, 0, 0), currentRevenue: 1, potentialRevenue: 2 },
    ]);
    expect(sum.find((q) => q.quadrant === 'strategic')).toEqual({ quadrant: 'strategic', count: 2, currentRevenue: 15, potentialRevenue: 150 });
    expect(sum.find((q) => q.quadrant === 'opportunistic')!.count).toBe(1);
    expect(sum.map((q) => q.quadrant)).toEqual(['strategic', 'develop', 'maintain', 'opportunistic']);
  });
});
