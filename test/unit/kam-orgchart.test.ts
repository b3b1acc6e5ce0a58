import { describe, expect, it } from 'vitest';
import { layoutOrgChart } from '../../lib/kam/orgchart';

const p = (id: string, reportsTo?: string, influence: 'high' | 'medium' | 'low' = 'medium') => ({ id, name: id, reportsTo, influence });

describe('org chart layout', () => {
  it('lays out a tree with parents centred over their reports', () => {
    const l = layoutOrgChart([p('ceo', undefined, 'high'), p('cfo', 'ceo', 'high'), p('cio', 'ceo'), p('buyer', 'cfo'), p('dev', 'cio')]);
    const at = Object.fromEntries(l.nodes.map((n) => [n.id, n]));
    expect(l.depth).toBe(3);
    expect(l.width).toBe(2);
    expect(at.ceo).toMatchObject({ depth: 0, col: 0.5 });
    expect(at.cfo).toMatchObject({ depth: 1, col: 0, parentId: 'ceo' });
    expect(at.dev).toMatchObject({ depth: 2, col: 1, parentId: 'cio' });
  });
  it('survives unknown managers and reporting cycles', () => {
    const l = layoutOrgChart([p('a', 'b'), p('b', 'a'), p('c', 'ghost'), p('d', 'd')]);
    expect(l.nodes).toHaveLength(4);
    expect(l.nodes.every((n) => n.parentId === undefined)).toBe(true);
    expect(new Set(l.nodes.map((n) => n.col)).size).toBe(4);
    expect(layoutOrgChart([])).toEqual({ nodes: [], depth: 0, width: 0 });
  });
});
