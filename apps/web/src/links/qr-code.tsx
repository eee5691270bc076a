import { create } from 'qrcode';
import { useMemo } from 'react';

/** Scanners need a light border of four modules around the code. */
const QUIET_ZONE = 4;

/**
 * The dark modules of the QR code for `text` as one SVG path, one unit per module. Error correction
 * level M survives a poster that is a little creased, scuffed or photographed at an angle.
 */
export function qrPath(text: string): { size: number; path: string } {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  let path = '';
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) path += `M${col} ${row}h1v1h-1z`;
    }
  }
  return { size: modules.size, path };
}

/**
 * A QR code drawn as SVG elements (no markup strings, no data address), so it scales sharply on
 * screen and on paper. `label` is what a screen reader says instead.
 */
export function QrCode({ text, label, className }: { text: string; label: string; className?: string }) {
  const { size, path } = useMemo(() => qrPath(text), [text]);
  const side = size + 2 * QUIET_ZONE;
  return (
    <svg
      className={className ? `qr-code ${className}` : 'qr-code'}
      viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${side} ${side}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
      data-modules={size}
    >
      <rect x={-QUIET_ZONE} y={-QUIET_ZONE} width={side} height={side} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
