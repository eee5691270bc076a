import type { StyleSpecification } from 'maplibre-gl';

/** Keep in step with --color-bg in styles/base.css. */
const BACKGROUND = '#eef0ea';

/**
 * The style used when no basemap is configured or it cannot be loaded: a plain background on which
 * our own layers (quarter outlines, records) are drawn. It needs no network at all: no tiles, no
 * sprite and no glyphs (our symbols are images we draw ourselves, see map-images.ts).
 */
export function offlineStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'qa-background', type: 'background', paint: { 'background-color': BACKGROUND } }],
  };
}
