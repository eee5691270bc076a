import { describe, expect, it } from 'vitest';
import { parseImageId, pinImageId } from './map-images.ts';
import { labelPoint, recordFeatures, visiblePoints } from './record-features.ts';
import type { MapRecord } from './types.ts';

const records: MapRecord[] = [
  {
    id: 'a',
    kind: 'service',
    icon: 'bread',
    label: 'Bäckerei',
    geometry: { type: 'Point', coordinates: [7.46, 51.55] },
    pending: false,
  },
  {
    id: 'b',
    kind: 'brownfield',
    icon: 'brownfield',
    label: 'Zeche',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [7.0, 51.0],
          [7.2, 51.0],
          [7.2, 51.2],
          [7.0, 51.2],
          [7.0, 51.0],
        ],
      ],
    },
    pending: true,
  },
  {
    id: 'c',
    kind: 'need',
    icon: 'kita',
    label: 'Kita',
    geometry: { type: 'Point', coordinates: [7.47, 51.56] },
    pending: true,
  },
];

describe('recordFeatures', () => {
  it('splits records by kind, gives polygons a pin and counts them', () => {
    const features = recordFeatures(records);
    expect(features.counts).toEqual({ service: 1, vacancy: 0, brownfield: 1, need: 1 });
    expect(features.points.features[0]?.properties).toEqual({
      id: 'a',
      kind: 'service',
      pending: false,
      img: 'qa-pin/service/bread/s',
    });
    expect(features.polygons.features.map((f) => f.properties.id)).toEqual(['b']);
    const pin = features.points.features[1];
    expect(pin?.geometry.coordinates[0]).toBeCloseTo(7.1);
    expect(pin?.geometry.coordinates[1]).toBeCloseTo(51.1);
    expect(pin?.properties.img).toBe('qa-pin/brownfield/brownfield/p');
  });

  it('leaves hidden kinds out before clustering, so cluster counts match what is shown', () => {
    const { points } = recordFeatures(records);
    const all = { service: true, vacancy: true, brownfield: true, need: true };
    expect(visiblePoints(points, all)).toBe(points);
    const noNeeds = visiblePoints(points, { ...all, need: false });
    expect(noNeeds.features.map((f) => f.properties.id)).toEqual(['a', 'b']);
  });
});

describe('labelPoint', () => {
  it('takes the area centroid, not the mean of the corners', () => {
    // Many corners crowd one side of this triangle; the centroid must not follow them.
    const ring = [
      [0, 0],
      [4, 0],
      [3.99, 0.01],
      [3.98, 0.02],
      [0, 3],
      [0, 0],
    ];
    const [x, y] = labelPoint(ring);
    expect(x).toBeCloseTo(4 / 3, 1);
    expect(y).toBeCloseTo(1, 1);
  });
});

describe('map image ids', () => {
  it('round-trips pin ids and rejects foreign ones', () => {
    expect(parseImageId(pinImageId('need', 'kita', true))).toEqual({
      type: 'pin',
      kind: 'need',
      icon: 'kita',
      pending: true,
    });
    expect(parseImageId('qa-count/1.2k')).toEqual({ type: 'count', text: '1.2k' });
    expect(parseImageId('qa-count/<script>')).toBeUndefined();
    expect(parseImageId('qa-pin/park/kita/s')).toBeUndefined();
    expect(parseImageId('basemap-poi-icon')).toBeUndefined();
  });
});
