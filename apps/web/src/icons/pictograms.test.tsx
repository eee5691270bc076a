import { RECORD_KINDS } from '@quartiersatlas/domain';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import taxonomy from '../../../../data/taxonomy.json' with { type: 'json' };
import { PICTOGRAM_NAMES, Pictogram, pictogramPath } from './pictograms.tsx';

describe('pictograms', () => {
  it('has a drawing for every field and category icon of data/taxonomy.json', () => {
    const icons = [...taxonomy.fields, ...taxonomy.categories].map((entry) => entry.icon);
    expect(icons.length).toBeGreaterThan(30);
    expect(icons.filter((icon) => pictogramPath(icon) === undefined)).toEqual([]);
  });

  it('has a drawing for every record kind and for the map controls', () => {
    for (const name of [...RECORD_KINDS, 'locate', 'layers', 'draw', 'close', 'undo', 'check', 'download', 'pending']) {
      expect(PICTOGRAM_NAMES).toContain(name);
    }
  });

  it('keeps every drawing on the 24 × 24 grid as plain path commands', () => {
    for (const name of PICTOGRAM_NAMES) {
      const d = pictogramPath(name) ?? '';
      expect(d, name).toMatch(/^M[-\d.\sMmLlHhVvAaCcSsQqZz]+$/);
      const numbers = (d.match(/-?\d*\.?\d+/g) ?? []).map(Number);
      expect(Math.max(...numbers), name).toBeLessThanOrEqual(24);
    }
  });

  it('answers undefined for unknown names instead of inheriting from Object', () => {
    expect(pictogramPath('no-such-icon')).toBeUndefined();
    expect(pictogramPath('toString')).toBeUndefined();
  });

  it('hides a decorative pictogram from screen readers and names a titled one', () => {
    const plain = renderToStaticMarkup(<Pictogram name="bread" />);
    expect(plain).toContain('aria-hidden="true"');
    expect(plain).not.toContain('role="img"');
    const titled = renderToStaticMarkup(<Pictogram name="bread" size={32} title="Bäckerei" />);
    expect(titled).toContain('role="img"');
    expect(titled).toMatch(/<title id="([^"]+)">Bäckerei<\/title>/);
    expect(titled).toContain('width="32"');
    expect(titled).not.toContain('aria-hidden');
  });

  it('draws a neutral dot for a name without a drawing', () => {
    expect(renderToStaticMarkup(<Pictogram name="no-such-icon" />)).toContain('<path d="M12 8');
  });
});
