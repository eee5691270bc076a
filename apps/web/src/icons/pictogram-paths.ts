/**
 * Path data of the pictograms: one `d` string each on a 24 × 24 grid, drawn as 2 px round strokes
 * with no fill (the style of components/icon.tsx). A single string per pictogram lets the same
 * drawing go into an SVG and, through `Path2D`, onto the map's canvas without loading any image.
 * Dots are zero-length segments (`h.01`) that the round cap turns into a point.
 */

/** A circle as two arcs, because a single `d` string cannot hold `<circle>`. */
function circle(cx: number, cy: number, r: number): string {
  return `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
}

/** The six fields of the taxonomy (the same drawings as in components/icon.tsx). */
const FIELDS = {
  basket: 'M3.5 10h17l-1.8 9.2a1 1 0 0 1-1 .8H6.3a1 1 0 0 1-1-.8zM8 10l3-6M16 10l-3-6M9 14v2.5M15 14v2.5M12 14v2.5',
  bus: 'M7.5 3h9A2.5 2.5 0 0 1 19 5.5v10a2.5 2.5 0 0 1-2.5 2.5h-9A2.5 2.5 0 0 1 5 15.5v-10A2.5 2.5 0 0 1 7.5 3zM5 11h14M8 18v2.5M16 18v2.5M9 6.5h6M8.5 14.5h.01M15.5 14.5h.01',
  'home-service': 'M3.5 11 12 4l8.5 7M6 9.5V20h12V9.5M10 20v-5h4v5',
  care: 'M12 19.5s-7.5-4.6-7.5-10a4.2 4.2 0 0 1 7.5-2.6 4.2 4.2 0 0 1 7.5 2.6c0 5.4-7.5 10-7.5 10zM9 11.5h6M12 8.5v6',
  stethoscope: `M6 3.5H5v5a4 4 0 0 0 8 0v-5h-1M9 12.5v1.5a5 5 0 0 0 10 0v-2${circle(19, 10, 2)}`,
  meeting: `${circle(8, 8, 3)}${circle(16.5, 9, 2.5)}M2.5 19.5a5.5 5.5 0 0 1 11 0M13.5 14.6a4.5 4.5 0 0 1 8 3.4`,
} as const;

/** The categories of the taxonomy. */
const CATEGORIES = {
  'shopping-cart': `M2.5 4H5l2.2 10.5h10.3l2-7.5H5.8${circle(9, 19, 1.5)}${circle(16.5, 19, 1.5)}`,
  bread:
    'M3 16.5a9 8 0 0 1 18 0v1a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 17.5zM8 10.5l1.5 3M12 9.5v3.5M16 10.5l-1.5 3',
  pharmacy: 'M9 3.5h6V9h5.5v6H15v5.5H9V15H3.5V9H9z',
  mail: 'M4.5 5.5h15a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1h-15a1 1 0 0 1-1-1v-11a1 1 0 0 1 1-1zM3.5 7l8.5 6.5L20.5 7',
  cash: `M3.5 6h17a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1h-17a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1z${circle(12, 12, 2.8)}M6 9.5h.01M18 14.5h.01`,
  market:
    'M2.5 9.5 4 4h16l1.5 5.5M2.5 9.5a2.4 2.4 0 0 0 4.75 0 2.4 2.4 0 0 0 4.75 0 2.4 2.4 0 0 0 4.75 0 2.4 2.4 0 0 0 4.75 0M4.5 13v7.5M19.5 13v7.5M4.5 16h15',
  'bus-stop': `${circle(12, 8, 5.5)}M12 13.5v8M9 21.5h6M10 5.5v5M14 5.5v5M10 8h4`,
  bike: `${circle(5.5, 16.5, 3.5)}${circle(18.5, 16.5, 3.5)}M5.5 16.5 9 9.5h7l2.5 7M9 9.5l2.5 7h-6M16 9.5 15 6.5h2.5M7.5 7.5h3M10 7.5l-1 2`,
  car: 'M5 11l1.6-4.6A2 2 0 0 1 8.5 5h7a2 2 0 0 1 1.9 1.4L19 11M4.5 11h15a1 1 0 0 1 1 1v5.5h-17V12a1 1 0 0 1 1-1zM6 17.5v2M18 17.5v2M7 14.2h.01M17 14.2h.01',
  wrench:
    'M13.43 12.83 7.79 18.47a1.6 1.6 0 0 1-2.26-2.26l5.64-5.64a4.8 4.8 0 0 1 6.49-6.35l-2.51 2.51 2.12 2.12 2.51-2.51a4.8 4.8 0 0 1-6.35 6.49z',
  'washing-machine': `M6 2.5h12a2 2 0 0 1 2 2v15a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2v-15a2 2 0 0 1 2-2zM4 7h16M7.5 4.75h.01M10.5 4.75h.01${circle(12, 14, 4.5)}M9.5 14.5c.8-.7 1.7-.7 2.5 0s1.7.7 2.5 0`,
  scissors: `${circle(6, 6.5, 2.5)}${circle(6, 17.5, 2.5)}M8.2 7.8 20 17M8.2 16.2 20 7`,
  'home-heart':
    'M3.5 11 12 4l8.5 7M6 9.5V20h12V9.5M12 18s-3.2-1.9-3.2-4.1a1.6 1.6 0 0 1 3.2-.7 1.6 1.6 0 0 1 3.2.7c0 2.2-3.2 4.1-3.2 4.1z',
  truck: `M2.5 6h11v11h-11zM13.5 9.5h4l3 3.5v4h-7${circle(6.5, 18, 1.8)}${circle(17, 18, 1.8)}`,
  kita: 'M3.5 13.5h8v7h-8zM12.5 13.5h8v7h-8zM8 5.5h8v8H8zM12 8v3M6.5 16v2M17.5 16v2',
  senior: `${circle(10.5, 4.5, 1.8)}M10.5 8 9.5 13.5l2.5 3 .8 4.5M9.5 13.5 8 21M10.5 8.5l4 4M14.5 13a1 1 0 0 1 2 0v8`,
  nursing: `M3 19V6M3 14h18v5M21 14v-2.5A2.5 2.5 0 0 0 18.5 9H10v5${circle(6.5, 11, 1.8)}`,
  family: `${circle(7, 5.5, 2)}${circle(17, 5.5, 2)}${circle(12, 11.5, 1.6)}M3.5 20v-6a3.5 3.5 0 0 1 5.5-2.9M20.5 20v-6a3.5 3.5 0 0 0-5.5-2.9M9.5 20v-2.5a2.5 2.5 0 0 1 5 0V20`,
  youth: `${circle(9, 4.8, 2)}M9 9v6l-2.5 5.5M9 15l2.5 5.5M4.5 12 9 9.5l3.5-2.5${circle(17, 6.5, 2.7)}`,
  chat: 'M4 5h10a1.5 1.5 0 0 1 1.5 1.5v5.5a1.5 1.5 0 0 1-1.5 1.5H8.5l-3.5 3v-3H4A1.5 1.5 0 0 1 2.5 12V6.5A1.5 1.5 0 0 1 4 5zM15.5 9.5H20a1.5 1.5 0 0 1 1.5 1.5v5.5A1.5 1.5 0 0 1 20 18h-1v3l-3.5-3H11a1.5 1.5 0 0 1-1.5-1.5v-3',
  counselling: `${circle(7, 10, 2.5)}M2.5 20.5a4.5 4.5 0 0 1 9 0M13 3h8a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1h-3.5L15 14.5V12h-2a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zM15.5 6a1.5 1.5 0 1 1 2 1.4c-.5.2-.75.5-.75 1v.3M16.75 10.2h.01`,
  paediatrics: `${circle(11, 13.5, 7)}M11 6.5c0-1.6 1.3-2.5 2.6-1.8M8.5 12.5h.01M13.5 12.5h.01M8.8 16a3 3 0 0 0 4.4 0M19.5 2.5v5M17 5h5`,
  book: 'M12 6.5C10.2 5.1 7.5 4.5 3.5 4.5V18c4 0 6.7.6 8.5 2 1.8-1.4 4.5-2 8.5-2V4.5c-4 0-6.7.6-8.5 2zM12 6.5V20',
  community: `${circle(5.5, 9, 2)}${circle(12, 7, 2.3)}${circle(18.5, 9, 2)}M2 19v-2.5a3.5 3.5 0 0 1 5.3-3M22 19v-2.5a3.5 3.5 0 0 0-5.3-3M7.5 20v-3a4.5 4.5 0 0 1 9 0v3`,
} as const;

/** The four record kinds. */
const KINDS = {
  service:
    'M3 9.5 4.5 4h15L21 9.5M3 9.5a2.25 2.25 0 0 0 4.5 0 2.25 2.25 0 0 0 4.5 0 2.25 2.25 0 0 0 4.5 0 2.25 2.25 0 0 0 4.5 0M4.5 12v8.5h15V12M10 20.5v-5h4v5',
  vacancy: 'M3 9.5 5 4h14l2 5.5zM4.5 9.5v11h15v-11M7 12.5h10v5H7zM7 17.5l10-5',
  brownfield:
    'M2.5 20.5h19M5 20.5v-10l1.5-1.5 1.5 1.5v10M16 20.5v-10l1.5-1.5 1.5 1.5v10M5 13h3M16 13h3M12 20.5v-4M12 16.5c0-1.6 1.1-2.7 2.7-2.7M12 17.5c0-1.4-1-2.4-2.4-2.4',
  need: 'M5 3.5h14A1.5 1.5 0 0 1 20.5 5v10a1.5 1.5 0 0 1-1.5 1.5h-7l-4.5 4v-4H5A1.5 1.5 0 0 1 3.5 15V5A1.5 1.5 0 0 1 5 3.5zM12 7v4.5M12 14h.01',
} as const;

/** Map and form controls. */
const UI = {
  locate: `${circle(12, 12, 6.5)}M12 2.5v3M12 18.5v3M2.5 12h3M18.5 12h3${circle(12, 12, 1.5)}`,
  layers: 'M12 3.5 21 8l-9 4.5L3 8zM3 12l9 4.5 9-4.5M3 16l9 4.5 9-4.5',
  draw: `M5 18.5 7 6l11 3 1.5 8.5z${circle(5, 18.5, 1.8)}${circle(7, 6, 1.8)}${circle(18, 9, 1.8)}${circle(19.5, 17.5, 1.8)}`,
  close: 'M6 6l12 12M18 6 6 18',
  undo: 'M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11',
  check: 'M4.5 12.5l5 5 10-11',
  download: 'M12 3.5v12M7 10.5l5 5 5-5M4.5 20.5h15',
  trash: 'M4 6.5h16M9.5 6.5V4h5v2.5M6 6.5l1 14h10l1-14M10 10.5v6M14 10.5v6',
  pin: `M12 21.5s-6.5-6-6.5-11.5a6.5 6.5 0 0 1 13 0c0 5.5-6.5 11.5-6.5 11.5z${circle(12, 10, 2.5)}`,
  pending: `${circle(12, 12, 8.5)}M12 7.5V12l3 2`,
  alert: 'M10.3 4.1 2.6 17.5A2 2 0 0 0 4.3 20.5h15.4a2 2 0 0 0 1.7-3L13.7 4.1a2 2 0 0 0-3.4 0zM12 9.5v4M12 17h.01',
  outline: 'M5 7.5 9.5 4l8 2.5 2 7-4.5 6.5L7 18.5 4 12.5z',
  plus: 'M12 5v14M5 12h14',
  minus: 'M5 12h14',
} as const;

/** Who a need is for (the domain's target groups) and the steps and receipt of the resident flow. */
const RESIDENT = {
  child: `${circle(12, 6, 2.5)}M12 9.5V15M12 15l-2.5 5M12 15l2.5 5M7.5 11.5 12 10l4.5 1.5`,
  wheelchair: `${circle(9.5, 4, 1.8)}M9.5 7v6.5H15l2.5 5.5h2M9.5 10h5M6.5 11.8a5 5 0 1 0 7.6 6.2`,
  newcomer:
    'M4 8h16a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1zM9 8V5.5A1.5 1.5 0 0 1 10.5 4h3A1.5 1.5 0 0 1 15 5.5V8M8 8v12M16 8v12',
  copy: 'M8 8h11a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H8a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1zM4 16V4a1 1 0 0 1 1-1h11',
  print:
    'M6.5 9V3.5h11V9M6.5 17.5h-2a1 1 0 0 1-1-1V10a1 1 0 0 1 1-1h15a1 1 0 0 1 1 1v6.5a1 1 0 0 1-1 1h-2M6.5 14h11v6.5h-11z',
  /** Points to the start of the line: mirror it in right-to-left pages. */
  back: 'M15 4.5 7.5 12l7.5 7.5',
} as const;

export const PICTOGRAM_PATHS: Readonly<Record<string, string>> = {
  ...FIELDS,
  ...CATEGORIES,
  ...KINDS,
  ...UI,
  ...RESIDENT,
};
