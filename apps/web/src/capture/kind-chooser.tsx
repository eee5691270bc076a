import { RECORD_KINDS, type RecordKind } from '@quartiersatlas/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Pictogram } from '../icons/pictograms.tsx';
import './kind-chooser.css';

export interface KindChooserProps {
  onChoose(kind: RecordKind): void;
  /** Residents add only needs; field teams all four. */
  kinds?: readonly RecordKind[];
}

/** Four large buttons to start a capture: the kind's pictogram, its name and what it is for. */
export function KindChooser({ onChoose, kinds = RECORD_KINDS }: KindChooserProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="kind-chooser" aria-labelledby={headingId}>
      <h2 id={headingId} className="kind-chooser__title">
        {t('capture.chooser.heading')}
      </h2>
      <ul className="kind-chooser__list">
        {kinds.map((kind) => (
          <li key={kind}>
            <button type="button" className={`kind-button kind-button--${kind}`} onClick={() => onChoose(kind)}>
              <span className="kind-button__icon">
                <Pictogram name={kind} size={36} />
              </span>
              <span className="kind-button__text">
                <span className="kind-button__label">{t(`kind.${kind}`, { count: 1 })}</span>
                <span className="kind-button__hint">{t(`capture.kindHint.${kind}`)}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
