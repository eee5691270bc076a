import { describe, expect, it } from 'vitest';
import { baseMime, formatDuration, pickAudioMime, recorderProblem } from './audio.ts';

describe('pickAudioMime', () => {
  it('prefers Opus in WebM, takes MP4 on Safari, and leaves the choice to the browser otherwise', () => {
    expect(pickAudioMime(() => true)).toBe('audio/webm;codecs=opus');
    expect(pickAudioMime((type) => type === 'audio/mp4')).toBe('audio/mp4');
    expect(pickAudioMime((type) => type.startsWith('audio/ogg'))).toBe('audio/ogg;codecs=opus');
    expect(pickAudioMime(() => false)).toBe('');
  });

  it('stores the type without codec parameters', () => {
    expect(baseMime('audio/webm;codecs=opus')).toBe('audio/webm');
    expect(baseMime('audio/mp4')).toBe('audio/mp4');
    expect(baseMime('', 'audio/ogg')).toBe('audio/ogg');
  });
});

describe('recorderProblem', () => {
  it('explains a refused permission, a missing microphone and anything else', () => {
    expect(recorderProblem(new DOMException('no', 'NotAllowedError'))).toBe('denied');
    expect(recorderProblem(new DOMException('no', 'NotFoundError'))).toBe('noMicrophone');
    expect(recorderProblem(new DOMException('no', 'NotSupportedError'))).toBe('unsupported');
    expect(recorderProblem(new Error('boom'))).toBe('failed');
    expect(recorderProblem(null)).toBe('failed');
  });
});

describe('formatDuration', () => {
  it('shows minutes and padded seconds in the reader’s digits', () => {
    expect(formatDuration(125_400, 'de')).toBe('2:05');
    expect(formatDuration(180_000, 'en')).toBe('3:00');
    expect(formatDuration(65_000, 'ar-EG')).toBe('١:٠٥');
  });
});
