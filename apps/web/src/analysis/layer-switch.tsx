import './heat-legend.css';
import { useTranslation } from 'react-i18next';
import { Pictogram } from '../icons/pictograms.tsx';
import type { LayerVisibility } from '../map/map-layers.ts';
import { MapPanel } from '../map/map-panel.tsx';
import { useFigures } from './figures.ts';

export const LAYER_IDS = ['heat', 'supply', 'demand', 'needs', 'vacancies', 'brownfields', 'quarters'] as const;
export type LayerId = (typeof LAYER_IDS)[number];
export type AnalysisLayers = Record<LayerId, boolean>;

export const DEFAULT_LAYERS: AnalysisLayers = {
  heat: true,
  supply: true,
  demand: false,
  needs: true,
  vacancies: true,
  brownfields: true,
  quarters: true,
};

/** The map module's record layers for the analysis' switches. */
export function recordVisibility(layers: AnalysisLayers): LayerVisibility {
  return {
    kinds: { service: layers.supply, need: layers.needs, vacancy: layers.vacancies, brownfield: layers.brownfields },
    quarters: layers.quarters,
  };
}

const SWATCH: Record<LayerId, { icon: string; className: string }> = {
  heat: { icon: 'draw', className: 'heat' },
  supply: { icon: 'service', className: 'service' },
  demand: { icon: 'pin', className: 'demand' },
  needs: { icon: 'need', className: 'need' },
  vacancies: { icon: 'vacancy', className: 'vacancy' },
  brownfields: { icon: 'brownfield', className: 'brownfield' },
  quarters: { icon: 'outline', className: 'quarter' },
};

/** A map button that opens the layer switches: heatmap, supply, demand, needs and candidate sites. */
export function LayerSwitch({
  layers,
  onChange,
  counts,
  categoryLabel,
}: {
  layers: AnalysisLayers;
  onChange(layers: AnalysisLayers): void;
  /** How many of each are on the map; demand counts people. */
  counts: Partial<Record<LayerId, number>>;
  categoryLabel: string;
}) {
  const { t } = useTranslation();
  const figures = useFigures();
  return (
    <MapPanel
      openLabel={t('analysis.layers.open')}
      closeLabel={t('analysis.layers.close')}
      title={t('analysis.layers.title')}
    >
      <ul className="qa-legend__list">
        {LAYER_IDS.map((id) => (
          <li key={id}>
            <label className="qa-legend__toggle">
              <input
                type="checkbox"
                checked={layers[id]}
                onChange={(event) => onChange({ ...layers, [id]: event.target.checked })}
              />
              <span className={`qa-legend__swatch analysis-layer--${SWATCH[id].className}`}>
                <Pictogram name={SWATCH[id].icon} size={20} />
              </span>
              <span className="qa-legend__label">{t(`analysis.layers.${id}`, { category: categoryLabel })}</span>
              {counts[id] !== undefined && <span className="qa-legend__count">{figures.people(counts[id] ?? 0)}</span>}
            </label>
          </li>
        ))}
      </ul>
    </MapPanel>
  );
}
