import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.ts';
import { Pictogram } from '../icons/pictograms.tsx';
import { MAP_KINDS } from './kind-style.ts';
import type { LayerVisibility } from './map-layers.ts';
import { MapPanel } from './map-panel.tsx';
import type { MapRecordKind } from './types.ts';

/** The legend doubles as the layer switcher: each kind with its pictogram, count and a checkbox. */
export function MapLegend({
  counts,
  visibility,
  onChange,
}: {
  counts: Record<MapRecordKind, number>;
  visibility: LayerVisibility;
  onChange(visibility: LayerVisibility): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();

  return (
    <MapPanel openLabel={t('map.legend.open')} closeLabel={t('map.legend.close')} title={t('map.legend.title')}>
      <ul className="qa-legend__list">
        {MAP_KINDS.map((kind) => (
          <li key={kind}>
            <label className="qa-legend__toggle">
              <input
                type="checkbox"
                checked={visibility.kinds[kind]}
                onChange={(event) =>
                  onChange({ ...visibility, kinds: { ...visibility.kinds, [kind]: event.target.checked } })
                }
              />
              <span className={`qa-legend__swatch qa-legend__swatch--${kind}`}>
                <Pictogram name={kind} size={20} />
              </span>
              <span className="qa-legend__label">{t(`map.legend.${kind}`)}</span>
              <span className="qa-legend__count">{format.number(counts[kind])}</span>
            </label>
          </li>
        ))}
        <li>
          <label className="qa-legend__toggle">
            <input
              type="checkbox"
              checked={visibility.quarters}
              onChange={(event) => onChange({ ...visibility, quarters: event.target.checked })}
            />
            <span className="qa-legend__swatch qa-legend__swatch--quarter">
              <Pictogram name="outline" size={20} />
            </span>
            <span className="qa-legend__label">{t('map.legend.quarters')}</span>
          </label>
        </li>
      </ul>
      <ul className="qa-legend__keys">
        <li>
          <span className="qa-legend__badge">
            <Pictogram name="pending" size={16} />
          </span>
          {t('map.legend.pending')}
        </li>
        <li>
          <span className="qa-legend__cluster">{format.number(12)}</span>
          {t('map.legend.cluster')}
        </li>
      </ul>
    </MapPanel>
  );
}
