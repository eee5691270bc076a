import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pictogram } from '../icons/pictograms.tsx';
import { formatBytes } from '../shell/bytes.ts';
import {
  baseMime,
  formatDuration,
  MAX_RECORDING_MS,
  pickAudioMime,
  type RecorderProblem,
  recorderProblem,
  WARN_BEFORE_END_MS,
} from './audio.ts';
import type { DraftMedia } from './media-draft.ts';
import { MediaIcon } from './media-icons.tsx';
import { useObjectUrl } from './object-url.ts';
import './capture.css';
import './media.css';

export interface VoiceRecorderProps {
  /** The record's voice notes, stored and waiting. */
  items: DraftMedia[];
  onAdd(blob: Blob, mime: string, durationMs: number): void;
  onRemove(item: DraftMedia): void;
  maxMs?: number;
}

type Status = 'idle' | 'starting' | 'recording';

// Plenty for speech in Opus, and three minutes stay under 1 MB on the phone and on mobile data.
const SPEECH_BITS_PER_SECOND = 32_000;

function canRecord(): boolean {
  return typeof MediaRecorder !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

function VoiceNote({ item, number, onRemove }: { item: DraftMedia; number: number; onRemove(): void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const url = useObjectUrl(item.blob);
  const label = t('capture.voice.label', { number });
  return (
    <li className="voice-note">
      <span className="voice-note__label">
        {label}
        <span className="voice-note__meta">
          {item.durationMs !== undefined && formatDuration(item.durationMs, language)}
          {item.durationMs !== undefined && ' · '}
          {formatBytes(item.size, language)}
        </span>
      </span>
      {/* biome-ignore lint/a11y/useMediaCaption: a resident's own spoken note has no transcript to caption */}
      {url && <audio className="voice-note__player" controls preload="metadata" src={url} aria-label={label} />}
      <button
        type="button"
        className="voice-note__remove"
        onClick={onRemove}
        aria-label={t('capture.voice.remove', { number })}
        title={t('capture.voice.remove', { number })}
      >
        <Pictogram name="trash" size={20} />
      </button>
    </li>
  );
}

/**
 * Records a voice note with MediaRecorder, for people who would rather speak than write. It stops by
 * itself at `maxMs` (keeping what was said) and warns half a minute before.
 */
export function VoiceRecorder({ items, onAdd, onRemove, maxMs = MAX_RECORDING_MS }: VoiceRecorderProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const headingId = useId();
  const [status, setStatus] = useState<Status>('idle');
  const [elapsed, setElapsed] = useState(0);
  const [problem, setProblem] = useState<RecorderProblem | null>(() => (canRecord() ? null : 'unsupported'));
  const [limitReached, setLimitReached] = useState(false);
  const recorder = useRef<MediaRecorder | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const onAddRef = useRef(onAdd);
  onAddRef.current = onAdd;
  // Set when the form closes mid-recording: the note then belongs to nobody and is dropped.
  const discard = useRef(false);

  function stop() {
    window.clearInterval(timer.current);
    if (recorder.current?.state === 'recording') recorder.current.stop();
  }

  useEffect(() => {
    discard.current = false;
    return () => {
      discard.current = true;
      window.clearInterval(timer.current);
      if (recorder.current?.state === 'recording') recorder.current.stop();
    };
  }, []);

  async function start() {
    setProblem(null);
    setLimitReached(false);
    setStatus('starting');
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true } });
    } catch (error) {
      setProblem(recorderProblem(error));
      setStatus('idle');
      return;
    }
    const mime = pickAudioMime((type) => MediaRecorder.isTypeSupported(type));
    let next: MediaRecorder;
    try {
      next = new MediaRecorder(stream, {
        ...(mime ? { mimeType: mime } : {}),
        audioBitsPerSecond: SPEECH_BITS_PER_SECOND,
      });
    } catch (error) {
      for (const track of stream.getTracks()) track.stop();
      setProblem(recorderProblem(error));
      setStatus('idle');
      return;
    }
    const chunks: Blob[] = [];
    const startedAt = performance.now();
    next.ondataavailable = (event) => {
      if (event.data.size > 0) chunks.push(event.data);
    };
    next.onerror = () => setProblem('failed');
    next.onstop = () => {
      for (const track of stream.getTracks()) track.stop();
      recorder.current = null;
      if (discard.current) return;
      setStatus('idle');
      const type = next.mimeType || mime;
      const blob = new Blob(chunks, type ? { type } : undefined);
      if (blob.size > 0) onAddRef.current(blob, baseMime(type), performance.now() - startedAt);
    };
    recorder.current = next;
    // Chunks every second, so a recording cut short by a crash or a call still has most of its sound.
    next.start(1000);
    setElapsed(0);
    setStatus('recording');
    timer.current = window.setInterval(() => {
      const ms = performance.now() - startedAt;
      setElapsed(ms);
      if (ms >= maxMs) {
        setLimitReached(true);
        stop();
      }
    }, 250);
  }

  const recording = status === 'recording';
  const max = formatDuration(maxMs, language);
  return (
    <section className="capture-section voice-recorder" aria-labelledby={headingId}>
      <h3 id={headingId} className="capture-section__title">
        {t('capture.voice.heading')}
      </h3>
      <p className="capture-hint">{t('capture.voice.hint')}</p>
      {problem !== 'unsupported' && (
        <div className="voice-recorder__controls">
          <button
            type="button"
            className={
              recording ? 'voice-recorder__button voice-recorder__button--recording' : 'voice-recorder__button'
            }
            onClick={() => (recording ? stop() : void start())}
            disabled={status === 'starting'}
          >
            <MediaIcon name={recording ? 'stop' : 'mic'} size={32} />
            <span>{recording ? t('capture.voice.stop') : t('capture.voice.start')}</span>
          </button>
          <p className="voice-recorder__time">
            {recording && (
              <>
                <span className="voice-recorder__dot" aria-hidden="true" />
                <span className="visually-hidden">{t('capture.voice.recording')}</span>
                <span role="timer" aria-live="off">
                  {formatDuration(elapsed, language)}
                </span>
              </>
            )}
            <span className="voice-recorder__max">{t('capture.voice.max', { max })}</span>
          </p>
        </div>
      )}
      <div aria-live="polite">
        {recording && elapsed >= maxMs - WARN_BEFORE_END_MS && (
          <p className="capture-warning">{t('capture.voice.limitSoon', { max })}</p>
        )}
        {limitReached && !recording && <p className="capture-warning">{t('capture.voice.limitReached')}</p>}
      </div>
      <div role="alert">{problem && <p className="capture-issue">{t(`capture.voice.${problem}`)}</p>}</div>
      {items.length > 0 && (
        <ul className="voice-notes">
          {items.map((item, index) => (
            <VoiceNote key={item.key} item={item} number={index + 1} onRemove={() => onRemove(item)} />
          ))}
        </ul>
      )}
    </section>
  );
}
