/** Longest voice note: long enough for a story, short enough to stay well under a phone's quota. */
export const MAX_RECORDING_MS = 3 * 60_000;
/** How long before the end the recorder warns that it will stop. */
export const WARN_BEFORE_END_MS = 30_000;

/**
 * Containers in order of preference: Opus in WebM (Chrome, Firefox, Android) is small and good for
 * speech; Safari records only MP4/AAC; Ogg is the last resort of older Firefox versions.
 */
export const AUDIO_MIME_TYPES = [
  'audio/webm;codecs=opus',
  'audio/webm',
  'audio/mp4',
  'audio/ogg;codecs=opus',
  'audio/ogg',
];

/** The first type the browser records, or '' to let MediaRecorder choose its default. */
export function pickAudioMime(isTypeSupported: (type: string) => boolean): string {
  return AUDIO_MIME_TYPES.find((type) => isTypeSupported(type)) ?? '';
}

/** The stored type without codec parameters (`audio/webm`), as the media store and upload expect. */
export function baseMime(type: string, fallback = 'audio/webm'): string {
  const base = type.split(';')[0]?.trim() ?? '';
  return base === '' ? fallback : base;
}

export type RecorderProblem = 'denied' | 'noMicrophone' | 'unsupported' | 'failed';

/** What went wrong when asking for the microphone, from the DOMException's name. */
export function recorderProblem(error: unknown): RecorderProblem {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'noMicrophone';
    case 'NotSupportedError':
      return 'unsupported';
    default:
      return 'failed';
  }
}

/** `2:05` in the reader's digits; minutes are never padded, seconds always are. */
export function formatDuration(ms: number, language: string): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = new Intl.NumberFormat(language).format(Math.floor(total / 60));
  const seconds = new Intl.NumberFormat(language, { minimumIntegerDigits: 2 }).format(total % 60);
  return `${minutes}:${seconds}`;
}
