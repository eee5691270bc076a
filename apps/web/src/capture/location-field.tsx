import { areaM2, type RecordKind } from '@quartiersatlas/domain';
import { useId } from 'react';
import { useController } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.ts';
import { Pictogram } from '../icons/pictograms.tsx';
import type { RecordFormValues } from './form-values.ts';
import { FieldIssue } from './issue-text.tsx';

/**
 * Where the record is: what the map holds for it and the buttons that put the map into place or draw
 * mode. The geometry itself comes from the map through the form's `geometry` prop.
 */
export function LocationField({
  kind,
  onRequestGeometry,
}: {
  kind: RecordKind;
  onRequestGeometry(mode: 'point' | 'polygon'): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const errorId = useId();
  const { field, fieldState } = useController<RecordFormValues, 'geometry'>({ name: 'geometry' });
  const geometry = field.value;
  const isPolygon = geometry?.type === 'Polygon' || geometry?.type === 'MultiPolygon';
  const describedBy = fieldState.error ? errorId : undefined;

  // Brownfields are outlines (a point only while drafting); a vacancy leads with what it has now.
  const outlineFirst = kind === 'brownfield' || (kind === 'vacancy' && isPolygon);
  const pointLabel =
    kind === 'brownfield'
      ? t('capture.location.pointInstead')
      : geometry?.type === 'Point'
        ? t('capture.location.movePoint')
        : t('capture.location.placePoint');
  const pointButton = (
    <button
      key="point"
      ref={outlineFirst ? undefined : field.ref}
      type="button"
      className={outlineFirst ? 'button button--secondary' : 'button button--primary'}
      onClick={() => onRequestGeometry('point')}
      aria-describedby={describedBy}
    >
      <Pictogram name="pin" size={20} />
      {pointLabel}
    </button>
  );
  const outlineButton = (
    <button
      key="outline"
      ref={outlineFirst ? field.ref : undefined}
      type="button"
      className={outlineFirst ? 'button button--primary' : 'button button--secondary'}
      onClick={() => onRequestGeometry('polygon')}
      aria-describedby={describedBy}
    >
      <Pictogram name="draw" size={20} />
      {isPolygon ? t('capture.location.redrawOutline') : t('capture.location.drawOutline')}
    </button>
  );
  const buttons =
    kind === 'brownfield'
      ? [outlineButton, !isPolygon && pointButton]
      : kind === 'vacancy'
        ? outlineFirst
          ? [outlineButton, pointButton]
          : [pointButton, outlineButton]
        : [pointButton];

  return (
    <section className="capture-section location-field" aria-labelledby={headingId}>
      <h3 id={headingId} className="capture-section__title">
        {t('capture.location.heading')}
      </h3>
      <p className={geometry ? 'location-field__status location-field__status--set' : 'location-field__status'}>
        <Pictogram name={geometry ? 'check' : 'pin'} size={20} />
        <span>
          {geometry === null
            ? t('capture.location.none')
            : isPolygon
              ? t('capture.location.outline')
              : t('capture.location.point')}
        </span>
      </p>
      {geometry && isPolygon && (
        <p className="location-field__area">
          {t('capture.location.area', { area: `${format.number(Math.round(areaM2(geometry)))} m²` })}
        </p>
      )}
      {kind === 'brownfield' && geometry?.type === 'Point' && (
        <p className="capture-hint">{t('capture.location.pointDraft')}</p>
      )}
      <div className="capture-media-buttons">{buttons}</div>
      <FieldIssue id={errorId} kind={kind} field="geometry" error={fieldState.error} />
    </section>
  );
}
