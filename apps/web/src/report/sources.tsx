import { findCategory, type Taxonomy } from '@quartiersatlas/domain';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuarterCollection } from '../api/endpoints.ts';
import { Loading } from '../components/status.tsx';
import { type ImportSummary, isImportFormat } from '../exchange/imports-api.ts';
import type { Resource } from '../hooks/use-resource.ts';
import type { CoverageFigures, DemandLayer } from './report-api.ts';
import type { Labels } from './use-labels.ts';

/** basemap.de Web Vektor's style lives on this host; its terms ask for this attribution. */
const BASEMAP_DE_HOST = 'sgx.geodatenzentrum.de';

/** Imports whose rows come from OpenStreetMap: Overpass answers, and files named after it. */
export function fromOpenStreetMap(item: ImportSummary): boolean {
  return item.format === 'overpass' || /\bosm\b|openstreetmap|overpass/i.test(item.fileName.replace(/[_.-]/g, ' '));
}

function Source({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="report-source" aria-labelledby={headingId}>
      <h3 id={headingId} className="report-source__title">
        {title}
      </h3>
      {children}
    </section>
  );
}

function basemapHost(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/**
 * Where every figure and shape in the report comes from and under which licence, taken from what
 * is actually loaded: the quarters' source notes, the population layers, the imported files and
 * the taxonomy defaults of the analysed categories.
 */
export function Sources({
  quarters,
  taxonomy,
  coverage,
  layers,
  imports,
  basemapStyleUrl,
  year,
  labels,
}: {
  quarters: QuarterCollection;
  taxonomy: Taxonomy;
  coverage: CoverageFigures[];
  layers: Resource<DemandLayer[]>;
  imports: Resource<ImportSummary[]>;
  basemapStyleUrl: string | null;
  year: number;
  labels: Labels;
}) {
  const { t } = useTranslation();
  const demo = quarters.features.some((quarter) => quarter.properties.demo);
  const done = imports.status === 'ready' ? imports.data.filter((item) => item.status === 'done') : [];
  const zensus = layers.status === 'ready' && layers.data.some((layer) => !layer.demo);
  const host = basemapStyleUrl ? basemapHost(basemapStyleUrl) : null;
  const analysed = coverage.flatMap((row) => {
    const category = findCategory(taxonomy, row.category);
    return category ? [category] : [];
  });

  return (
    <div className="report-sources">
      <Source title={t('report.sources.records')}>
        <p>{t('report.sources.recordsText')}</p>
        {demo && <p className="report-sources__demo">{t('demo.banner')}</p>}
      </Source>
      <Source title={t('report.sources.quarters')}>
        <ul className="report-sources__list">
          {quarters.features.map((quarter) => (
            <li key={quarter.id}>
              <strong>{quarter.properties.name}</strong>
              {': '}
              {quarter.properties.sourceNote}
              {quarter.properties.approximate && ` (${t('report.sources.approximate')})`}
            </li>
          ))}
        </ul>
      </Source>
      <Source title={t('report.sources.population')}>
        {layers.status === 'loading' && <Loading />}
        {layers.status === 'error' && <p>{t('report.sources.unavailable')}</p>}
        {layers.status === 'ready' &&
          (layers.data.length === 0 ? (
            <p>{t('report.sources.noPopulation')}</p>
          ) : (
            <ul className="report-sources__list">
              {layers.data.map((layer) => (
                <li key={layer.id}>
                  <strong>{layer.name}</strong>
                  {': '}
                  {t('report.sources.layerFigures', {
                    population: labels.number(layer.population),
                    cells: labels.number(layer.cellCount),
                    date: labels.date(layer.createdAt),
                  })}{' '}
                  {layer.sourceNote}
                </li>
              ))}
            </ul>
          ))}
        {zensus && <p className="report-sources__licence">{t('report.sources.zensusLicence')}</p>}
      </Source>
      <Source title={t('report.sources.imports')}>
        {imports.status === 'loading' && <Loading />}
        {imports.status === 'error' && <p>{t('report.sources.unavailable')}</p>}
        {imports.status === 'ready' &&
          (done.length === 0 ? (
            <p>{t('report.sources.noImports')}</p>
          ) : (
            <ul className="report-sources__list">
              {done.map((item) => (
                <li key={item.id}>
                  <strong>{item.fileName}</strong>
                  {': '}
                  {t('report.sources.importLine', {
                    format: isImportFormat(item.format) ? t(`exchange.format.${item.format}.name`) : item.format,
                    rows: labels.number(item.rowsImported),
                    date: labels.date(item.createdAt),
                  })}
                </li>
              ))}
            </ul>
          ))}
        {done.some(fromOpenStreetMap) && <p className="report-sources__licence">{t('report.sources.osmLicence')}</p>}
      </Source>
      {analysed.length > 0 && (
        <Source title={t('report.sources.defaults')}>
          <ul className="report-sources__list">
            {analysed.map((category) => (
              <li key={category.id}>
                <strong>{labels.category(category.id)}</strong>
                {': '}
                {t('report.sources.catchment', { distance: labels.number(category.catchmentM) })}{' '}
                <span className="report-sources__note">{category.catchmentSource}</span>
                {' · '}
                {t('report.sources.target', { target: labels.decimal(category.targetPer1000) })}{' '}
                <span className="report-sources__note">{category.targetSource}</span>
              </li>
            ))}
          </ul>
        </Source>
      )}
      <Source title={t('report.sources.maps')}>
        <p>{t('report.sources.reportMap')}</p>
        <p>
          {host === BASEMAP_DE_HOST
            ? t('report.sources.basemapDe', { year })
            : host
              ? t('report.sources.basemapOther', { host })
              : t('report.sources.noBasemap')}
        </p>
      </Source>
    </div>
  );
}
