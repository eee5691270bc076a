/** The photo and voice-note formats phones and browsers record, and the most bytes we keep of each. */
const IMAGE_MAX_BYTES = 15 * 1024 * 1024;
const AUDIO_MAX_BYTES = 25 * 1024 * 1024;

export const MEDIA_TYPES = {
  'image/jpeg': IMAGE_MAX_BYTES,
  'image/png': IMAGE_MAX_BYTES,
  'image/webp': IMAGE_MAX_BYTES,
  'audio/webm': AUDIO_MAX_BYTES,
  'audio/ogg': AUDIO_MAX_BYTES,
  'audio/mp4': AUDIO_MAX_BYTES,
  'audio/mpeg': AUDIO_MAX_BYTES,
  'audio/wav': AUDIO_MAX_BYTES,
} as const satisfies Record<string, number>;

export type MediaType = keyof typeof MEDIA_TYPES;

export const MEDIA_TYPE_NAMES = Object.keys(MEDIA_TYPES) as MediaType[];

function isMediaType(value: string): value is MediaType {
  return Object.hasOwn(MEDIA_TYPES, value);
}

/**
 * The bare type of a Content-Type header (`audio/webm;codecs=opus` → `audio/webm`), or null when it
 * is missing or not one we keep. Parameters are dropped: sniffing proves the container, not the codec,
 * and browsers play these containers without them.
 */
export function parseMediaType(header: string | undefined): MediaType | null {
  const essence = header?.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return isMediaType(essence) ? essence : null;
}

export function maxBytes(type: MediaType): number {
  return MEDIA_TYPES[type];
}
