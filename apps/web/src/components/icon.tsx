import type { ReactNode } from 'react';

/**
 * Line pictograms on a 24 × 24 grid. Taxonomy icons are looked up by the names in
 * data/taxonomy.json, so a field or category added there without a drawing gets the neutral dot.
 */
const PATHS: Record<string, ReactNode> = {
  basket: (
    <>
      <path d="M3.5 10h17l-1.8 9.2a1 1 0 0 1-1 .8H6.3a1 1 0 0 1-1-.8z" />
      <path d="M8 10l3-6M16 10l-3-6M9 14v2.5M15 14v2.5M12 14v2.5" />
    </>
  ),
  bus: (
    <>
      <rect x="5" y="3" width="14" height="15" rx="2.5" />
      <path d="M5 11h14M8 18v2.5M16 18v2.5M9 6.5h6" />
      <path d="M8.5 14.5h.01M15.5 14.5h.01" />
    </>
  ),
  'home-service': (
    <>
      <path d="M3.5 11 12 4l8.5 7" />
      <path d="M6 9.5V20h12V9.5" />
      <path d="M10 20v-5h4v5" />
    </>
  ),
  care: (
    <>
      <path d="M12 19.5s-7.5-4.6-7.5-10a4.2 4.2 0 0 1 7.5-2.6 4.2 4.2 0 0 1 7.5 2.6c0 5.4-7.5 10-7.5 10z" />
      <path d="M9 11.5h6M12 8.5v6" />
    </>
  ),
  stethoscope: (
    <>
      <path d="M6 3.5H5v5a4 4 0 0 0 8 0v-5h-1" />
      <path d="M9 12.5v1.5a5 5 0 0 0 10 0v-2" />
      <circle cx="19" cy="10" r="2" />
    </>
  ),
  meeting: (
    <>
      <circle cx="8" cy="8" r="3" />
      <circle cx="16.5" cy="9" r="2.5" />
      <path d="M2.5 19.5a5.5 5.5 0 0 1 11 0M13.5 14.6a4.5 4.5 0 0 1 8 3.4" />
    </>
  ),
  globe: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M3 12h18M12 3c2.5 2.6 3.7 5.6 3.7 9s-1.2 6.4-3.7 9c-2.5-2.6-3.7-5.6-3.7-9S9.5 5.6 12 3z" />
    </>
  ),
  info: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 11v5.5M12 7.5h.01" />
    </>
  ),
  alert: (
    <>
      <path d="M10.3 4.1 2.6 17.5A2 2 0 0 0 4.3 20.5h15.4a2 2 0 0 0 1.7-3L13.7 4.1a2 2 0 0 0-3.4 0z" />
      <path d="M12 9.5v4M12 17h.01" />
    </>
  ),
  walk: (
    <>
      <circle cx="13.5" cy="4.5" r="1.8" />
      <path d="M12.5 8 11 14l-2.5 6.5M11 14l2.5 3 .5 3.5M12.2 9.2 9 11.5M12.2 9.2l2.3 2.6 2 1" />
    </>
  ),
  outline: <path d="M5 7.5 9.5 4l8 2.5 2 7-4.5 6.5L7 18.5 4 12.5z" strokeDasharray="2.2 2.2" />,
  user: (
    <>
      <circle cx="12" cy="8" r="4" />
      <path d="M4.5 20.5a7.5 7.5 0 0 1 15 0" />
    </>
  ),
  menu: <path d="M4 7h16M4 12h16M4 17h16" />,
  close: <path d="M6 6l12 12M18 6 6 18" />,
  'cloud-off': (
    <>
      <path d="M7.5 18.5h9.8a3.7 3.7 0 0 0 1.4-7.1A6 6 0 0 0 8.3 7.6" />
      <path d="M5.6 9.6A4.5 4.5 0 0 0 7.5 18.5M3 3l18 18" />
    </>
  ),
  'cloud-up': (
    <>
      <path d="M7 18.5a4.5 4.5 0 0 1-.6-9 6 6 0 0 1 11.6 1.7 3.7 3.7 0 0 1-.7 7.3" />
      <path d="M12 20.5v-7.5M9 15.5l3-3 3 3" />
    </>
  ),
  check: <path d="M5 12.5l4.5 4.5L19 7.5" />,
  download: (
    <>
      <path d="M12 4v11M7.5 10.5 12 15l4.5-4.5" />
      <path d="M4.5 19.5h15" />
    </>
  ),
  plus: <path d="M12 5v14M5 12h14" />,
  list: <path d="M9 7h11M9 12h11M9 17h11M4.5 7h.01M4.5 12h.01M4.5 17h.01" />,
  map: (
    <>
      <path d="M3.5 6.5 9 4l6 2.5L20.5 4v13.5L15 20l-6-2.5-5.5 2.5z" />
      <path d="M9 4v13.5M15 6.5V20" />
    </>
  ),
  'thumb-up': (
    <>
      <path d="M7.5 10.5v9h-3v-9z" />
      <path d="M7.5 10.5 11 4a2 2 0 0 1 2.6 2.2L13 10h5.2a2 2 0 0 1 2 2.4l-1.3 5.6a2 2 0 0 1-2 1.5H7.5" />
    </>
  ),
  database: (
    <>
      <ellipse cx="12" cy="6" rx="7" ry="2.5" />
      <path d="M5 6v12c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5V6M5 12c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5" />
    </>
  ),
  logout: (
    <>
      <path d="M14 4.5h4a1.5 1.5 0 0 1 1.5 1.5v12a1.5 1.5 0 0 1-1.5 1.5h-4" />
      <path d="M10 8l-4 4 4 4M6 12h9.5" />
    </>
  ),
  refresh: (
    <>
      <path d="M19.5 12a7.5 7.5 0 1 1-2.2-5.3" />
      <path d="M19.5 4.5v4h-4" />
    </>
  ),
  grid: (
    <>
      <rect x="4" y="4" width="6.5" height="6.5" rx="1.2" />
      <rect x="13.5" y="4" width="6.5" height="6.5" rx="1.2" />
      <rect x="4" y="13.5" width="6.5" height="6.5" rx="1.2" />
      <rect x="13.5" y="13.5" width="6.5" height="6.5" rx="1.2" />
    </>
  ),
  book: (
    <>
      <path d="M4.5 5.5A1.5 1.5 0 0 1 6 4h13.5v14H6a1.5 1.5 0 0 0-1.5 1.5z" />
      <path d="M4.5 19.5A1.5 1.5 0 0 0 6 21h13.5v-3" />
    </>
  ),
  hexagons: (
    <>
      <path d="M8 3.5 11.5 5.5v4L8 11.5 4.5 9.5v-4z" />
      <path d="M16 3.5l3.5 2v4l-3.5 2-3.5-2v-4z" />
      <path d="M12 12.5l3.5 2v4l-3.5 2-3.5-2v-4z" />
    </>
  ),
  'shield-check': (
    <>
      <path d="M12 3.5 19 6v5.5c0 4.2-2.9 7.7-7 9-4.1-1.3-7-4.8-7-9V6z" />
      <path d="M8.8 12.2l2.2 2.2 4.3-4.4" />
    </>
  ),
  swap: (
    <>
      <path d="M4.5 8h14M15 4.5 18.5 8 15 11.5" />
      <path d="M19.5 16h-14M9 12.5 5.5 16 9 19.5" />
    </>
  ),
};

const FALLBACK = <circle cx="12" cy="12" r="4" />;

export function Icon({ name, className }: { name: string; className?: string }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name] ?? FALLBACK}
    </svg>
  );
}
