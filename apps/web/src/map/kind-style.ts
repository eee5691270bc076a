import type { MapRecordKind } from './types.ts';

export const MAP_KINDS: readonly MapRecordKind[] = ['service', 'vacancy', 'brownfield', 'need'];

/** Keep in step with --color-kind-* in styles/base.css (the canvas cannot read CSS variables cheaply). */
export const KIND_COLORS: Record<MapRecordKind, string> = {
  service: '#0f766e',
  vacancy: '#b45309',
  brownfield: '#7a5a2e',
  need: '#8b3fa8',
};

export const QUARTER_COLOR = '#0e5754';
/** Clusters mix kinds, so they take a neutral dark colour that is none of the kinds'. */
export const CLUSTER_COLOR = '#34444a';
export const SELECTED_COLOR = '#1d5fd1';
export const LOCATION_COLOR = '#1d5fd1';
/** Unsynced records carry a badge in these colours (--color-warning-bg / --color-warning-text). */
export const PENDING_FILL = '#fff2c7';
export const PENDING_STROKE = '#463200';
