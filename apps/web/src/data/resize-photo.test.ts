import { expect, it } from 'vitest';
import { fitWithin, resizePhoto } from './resize-photo.ts';

it('scales photos to the longer edge and keeps small ones', () => {
  expect(fitWithin(4000, 3000, 1600)).toEqual({ width: 1600, height: 1200 });
  expect(fitWithin(3000, 4000, 1600)).toEqual({ width: 1200, height: 1600 });
  expect(fitWithin(1600, 900, 1600)).toBeNull();
});

it('keeps the original where the browser cannot decode images', async () => {
  const file = new Blob(['not an image'], { type: 'image/heic' });
  expect(await resizePhoto(file)).toBe(file);
});
