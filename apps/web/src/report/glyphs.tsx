import type { ReactNode } from 'react';

/** Line icons the shared icon set lacks, drawn on its 24 × 24 grid with its stroke. */
function Glyph({ children }: { children: ReactNode }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export function PrinterGlyph() {
  return (
    <Glyph>
      <path d="M7 9V3.5h10V9" />
      <rect x="3.5" y="9" width="17" height="8" rx="1.5" />
      <path d="M7 14h10v6.5H7z" />
    </Glyph>
  );
}

export function BackGlyph() {
  // Points along the reading direction back to the start, so it turns round in right-to-left pages.
  return (
    <Glyph>
      <path className="glyph-mirror" d="M10 6 4 12l6 6M4.5 12H20" />
    </Glyph>
  );
}

export function UploadGlyph() {
  return (
    <Glyph>
      <path d="M12 15.5V4M7.5 8.5 12 4l4.5 4.5" />
      <path d="M4.5 15v4.5h15V15" />
    </Glyph>
  );
}

export function CopyGlyph() {
  return (
    <Glyph>
      <rect x="8.5" y="8.5" width="11" height="11" rx="1.5" />
      <path d="M15.5 8.5V5a1.5 1.5 0 0 0-1.5-1.5H5A1.5 1.5 0 0 0 3.5 5v9A1.5 1.5 0 0 0 5 15.5h3.5" />
    </Glyph>
  );
}
