import type { ResidentLink } from '@quartiersatlas/domain';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Pictogram } from '../icons/pictograms.tsx';
import { Poster } from './poster.tsx';
import './poster.css';

/**
 * The poster as a sheet of paper under a toolbar. Printing (or "save as PDF") leaves only the
 * sheet: one A4 page, portrait, whatever else the app shows around it.
 */
export function PosterPrint({
  link,
  quarterName,
  onClose,
}: {
  link: ResidentLink;
  quarterName: string;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="poster-print">
      <div className="poster-print__toolbar" role="toolbar" aria-label={t('poster.toolbar')}>
        <button type="button" className="button button--secondary" onClick={onClose}>
          <Pictogram name="undo" size={20} />
          <span>{t('poster.back')}</span>
        </button>
        <h1 className="poster-print__title" ref={heading} tabIndex={-1}>
          {t('poster.heading', { title: link.title })}
        </h1>
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          <Pictogram name="download" size={20} />
          <span>{t('poster.print')}</span>
        </button>
        <p className="poster-print__hint">{t('poster.hint')}</p>
      </div>
      <Poster link={link} quarterName={quarterName} />
    </div>
  );
}
