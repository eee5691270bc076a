import type { Map as MapLibreMap } from 'maplibre-gl';
import { pictogramPath } from '../icons/pictograms.tsx';
import { KIND_COLORS, PENDING_FILL, PENDING_STROKE } from './kind-style.ts';
import type { MapRecordKind } from './types.ts';

/**
 * Symbol images are drawn on demand on a canvas, so the map needs no sprite sheet and no glyph
 * server: layers ask for an image id, MapLibre's missing-image resolver calls `drawImage`.
 *   qa-pin/<kind>/<pictogram>/<s|p>  a round pin in the kind's colour; p = pending (not yet synced)
 *   qa-count/<text>                  the number on a cluster circle
 */
const PIN_PREFIX = 'qa-pin/';
const COUNT_PREFIX = 'qa-count/';

export type MapImage =
  | { type: 'pin'; kind: MapRecordKind; icon: string; pending: boolean }
  | { type: 'count'; text: string };

export function pinImageId(kind: MapRecordKind, icon: string, pending: boolean): string {
  return `${PIN_PREFIX}${kind}/${icon}/${pending ? 'p' : 's'}`;
}

export function parseImageId(id: string): MapImage | undefined {
  if (id.startsWith(COUNT_PREFIX)) {
    const text = id.slice(COUNT_PREFIX.length);
    return /^[\d.,]+k?$/.test(text) ? { type: 'count', text } : undefined;
  }
  if (!id.startsWith(PIN_PREFIX)) return undefined;
  const [kind, icon, state, ...rest] = id.slice(PIN_PREFIX.length).split('/');
  if (rest.length > 0 || !icon || (state !== 's' && state !== 'p')) return undefined;
  if (kind !== 'service' && kind !== 'vacancy' && kind !== 'brownfield' && kind !== 'need') return undefined;
  return { type: 'pin', kind, icon, pending: state === 'p' };
}

type Context = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

function context(width: number, height: number): Context {
  const canvas =
    typeof OffscreenCanvas === 'undefined'
      ? Object.assign(document.createElement('canvas'), { width, height })
      : new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d') as Context | null;
  if (!ctx) throw new Error('2D canvas is not available');
  return ctx;
}

function strokePictogram(ctx: Context, name: string, x: number, y: number, size: number, color: string): void {
  const d = pictogramPath(name) ?? pictogramPath('pin');
  if (!d) return;
  ctx.save();
  ctx.translate(x, y);
  ctx.scale(size / 24, size / 24);
  ctx.strokeStyle = color;
  ctx.lineWidth = 2.3;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.stroke(new Path2D(d));
  ctx.restore();
}

/** Pin size in CSS pixels: a 34 px disc (with its border) plus room for the pending badge. */
const PIN_BOX = 46;

function drawPin(image: Extract<MapImage, { type: 'pin' }>, ratio: number): ImageData {
  const ctx = context(PIN_BOX * ratio, PIN_BOX * ratio);
  ctx.scale(ratio, ratio);
  const c = PIN_BOX / 2;
  ctx.beginPath();
  ctx.arc(c, c, 16, 0, 2 * Math.PI);
  ctx.fillStyle = KIND_COLORS[image.kind];
  ctx.fill();
  ctx.lineWidth = 2.5;
  ctx.strokeStyle = '#ffffff';
  if (image.pending) ctx.setLineDash([4, 3]);
  ctx.stroke();
  ctx.setLineDash([]);
  strokePictogram(ctx, image.icon, c - 10, c - 10, 20, '#ffffff');
  if (image.pending) {
    // A clock badge at the upper corner: "waiting to be sent", readable without words.
    ctx.beginPath();
    ctx.arc(c + 13, c - 13, 8, 0, 2 * Math.PI);
    ctx.fillStyle = PENDING_FILL;
    ctx.fill();
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = PENDING_STROKE;
    ctx.stroke();
    strokePictogram(ctx, 'pending', c + 13 - 6.5, c - 13 - 6.5, 13, PENDING_STROKE);
  }
  return ctx.getImageData(0, 0, PIN_BOX * ratio, PIN_BOX * ratio);
}

function drawCount(text: string, ratio: number): ImageData {
  const font = '700 13px system-ui, sans-serif';
  const measure = context(1, 1);
  measure.font = font;
  const width = Math.ceil(measure.measureText(text).width) + 4;
  const height = 18;
  const ctx = context(width * ratio, height * ratio);
  ctx.scale(ratio, ratio);
  ctx.font = font;
  ctx.fillStyle = '#ffffff';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, width / 2, height / 2 + 0.5);
  return ctx.getImageData(0, 0, width * ratio, height * ratio);
}

export function pixelRatio(): number {
  return Math.min(3, Math.max(1, Math.ceil(globalThis.devicePixelRatio || 1)));
}

/** Registers the on-demand drawing of our images; survives style changes because it is per map. */
export function installImageResolver(map: MapLibreMap): void {
  const ratio = pixelRatio();
  map.setMissingStyleImageResolver((id) => {
    const image = parseImageId(id);
    if (!image || map.hasImage(id)) return;
    const data = image.type === 'pin' ? drawPin(image, ratio) : drawCount(image.text, ratio);
    map.addImage(id, data, { pixelRatio: ratio });
  });
}
