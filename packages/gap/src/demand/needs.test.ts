import { describe, expect, it } from 'vitest';
import { type NeedFeature, needsLayer } from './needs.ts';

const need = (id: string, properties: NeedFeature['properties']): NeedFeature => ({
  id,
  geometry: { type: 'Point', coordinates: [7.45, 51.53] },
  properties,
});

describe('needsLayer', () => {
  it('weighs each published need of the category by 1 + supporters', () => {
    const layer = needsLayer(
      [
        need('a', { kind: 'need', category: 'playground', supporters: 4, status: 'published' }),
        need('b', { kind: 'need', category: 'playground' }),
        need('c', { kind: 'need', category: 'bakery', supporters: 9 }),
        need('d', { kind: 'need', category: 'playground', status: 'pending', supporters: 2 }),
        need('e', { kind: 'need', category: 'playground', deleted: true }),
        need('f', { kind: 'service', category: 'playground' }),
      ],
      'playground',
    );
    expect(layer.ids).toEqual(['a', 'b']);
    expect(Array.from(layer.weight)).toEqual([5, 1]);
    expect(layer.crs).toBe('wgs84');
  });
});
