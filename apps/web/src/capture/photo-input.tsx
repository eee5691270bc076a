import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resizePhoto } from '../data/index.ts';
import { Pictogram } from '../icons/pictograms.tsx';
import { formatBytes } from '../shell/bytes.ts';
import type { DraftMedia } from './media-draft.ts';
import { MediaIcon } from './media-icons.tsx';
import { useObjectUrl } from './object-url.ts';
import './capture.css';
import './media.css';

export interface PhotoInputProps {
  /** The record's photos, stored and waiting. */
  items: DraftMedia[];
  onAdd(blob: Blob, mime: string): void;
  onRemove(item: DraftMedia): void;
}

function Thumbnail({ item, number, onRemove }: { item: DraftMedia; number: number; onRemove(): void }) {
  const { t, i18n } = useTranslation();
  const url = useObjectUrl(item.blob);
  const [broken, setBroken] = useState(false);
  const label = t('capture.photo.label', { number });
  return (
    <li className="photo-thumb">
      {url && !broken ? (
        <img className="photo-thumb__image" src={url} alt={label} onError={() => setBroken(true)} />
      ) : (
        <span className="photo-thumb__image photo-thumb__image--placeholder" role="img" aria-label={label}>
          <MediaIcon name="image" size={32} />
        </span>
      )}
      <span className="photo-thumb__size">{formatBytes(item.size, i18n.resolvedLanguage ?? i18n.language)}</span>
      <button
        type="button"
        className="photo-thumb__remove"
        onClick={onRemove}
        aria-label={t('capture.photo.remove', { number })}
        title={t('capture.photo.remove', { number })}
      >
        <Pictogram name="trash" size={20} />
      </button>
    </li>
  );
}

/**
 * "Take photo" opens the rear camera on phones, "Choose picture" the gallery or files. Photos are
 * scaled down on the device before they are kept, so a dozen fit comfortably in the phone's quota.
 */
export function PhotoInput({ items, onAdd, onRemove }: PhotoInputProps) {
  const { t } = useTranslation();
  const cameraRef = useRef<HTMLInputElement>(null);
  const filesRef = useRef<HTMLInputElement>(null);
  const [preparing, setPreparing] = useState(0);
  const [failed, setFailed] = useState(false);
  const headingId = useId();

  async function accept(input: HTMLInputElement) {
    const files = Array.from(input.files ?? []);
    // Cleared at once, so choosing the same picture again still fires `change`.
    input.value = '';
    setFailed(false);
    setPreparing((n) => n + files.length);
    for (const file of files) {
      try {
        if (!file.type.startsWith('image/')) throw new Error(`not an image: ${file.type}`);
        const blob = await resizePhoto(file);
        onAdd(blob, blob.type || file.type);
      } catch (error) {
        console.warn('photo not added', error);
        setFailed(true);
      } finally {
        setPreparing((n) => n - 1);
      }
    }
  }

  return (
    <section className="capture-section photo-input" aria-labelledby={headingId}>
      <h3 id={headingId} className="capture-section__title">
        {t('capture.photo.heading')}
      </h3>
      <div className="capture-media-buttons">
        <button type="button" className="button button--secondary" onClick={() => cameraRef.current?.click()}>
          <MediaIcon name="camera" />
          {t('capture.photo.take')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => filesRef.current?.click()}>
          <MediaIcon name="image" />
          {t('capture.photo.choose')}
        </button>
        <input
          ref={cameraRef}
          type="file"
          accept="image/*"
          capture="environment"
          hidden
          onChange={(event) => void accept(event.currentTarget)}
        />
        <input
          ref={filesRef}
          type="file"
          accept="image/*"
          multiple
          hidden
          onChange={(event) => void accept(event.currentTarget)}
        />
      </div>
      <div aria-live="polite">
        {preparing > 0 && <p className="capture-hint">{t('capture.photo.preparing')}</p>}
        {failed && <p className="capture-issue">{t('capture.photo.failed')}</p>}
      </div>
      {items.length > 0 && (
        <ul className="photo-thumbs">
          {items.map((item, index) => (
            <Thumbnail key={item.key} item={item} number={index + 1} onRemove={() => onRemove(item)} />
          ))}
        </ul>
      )}
    </section>
  );
}
