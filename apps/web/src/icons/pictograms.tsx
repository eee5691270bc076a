import { useId } from 'react';
import { PICTOGRAM_PATHS } from './pictogram-paths.ts';

/**
 * Pictograms for taxonomy fields and categories (by the `icon` names in data/taxonomy.json), the
 * four record kinds and the map controls. Many residents read little: the pictogram carries the
 * meaning, the label confirms it.
 */
export const PICTOGRAM_NAMES: readonly string[] = Object.freeze(Object.keys(PICTOGRAM_PATHS));

/** The SVG path data (24 × 24, to be stroked 2 px wide with round caps), or undefined for an unknown name. */
export function pictogramPath(name: string): string | undefined {
  return Object.hasOwn(PICTOGRAM_PATHS, name) ? PICTOGRAM_PATHS[name] : undefined;
}

/** Unknown names get a neutral dot, so a category added to the taxonomy without a drawing still shows. */
const FALLBACK_PATH = 'M12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8z';

const SVG_PROPS = {
  className: 'pictogram',
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  focusable: 'false',
} as const;

/**
 * A pictogram in the current text colour. Without `title` it is decoration (hidden from screen
 * readers, the visible label speaks); with `title` it is an image with that accessible name.
 */
export function Pictogram({ name, size = 24, title }: { name: string; size?: number; title?: string }) {
  const titleId = useId();
  const path = <path d={pictogramPath(name) ?? FALLBACK_PATH} />;
  if (title) {
    return (
      <svg {...SVG_PROPS} width={size} height={size} role="img" aria-labelledby={titleId}>
        <title id={titleId}>{title}</title>
        {path}
      </svg>
    );
  }
  return (
    <svg {...SVG_PROPS} width={size} height={size} aria-hidden="true">
      {path}
    </svg>
  );
}
