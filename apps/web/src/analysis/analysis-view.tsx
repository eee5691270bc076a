import { findCategory } from '@quartiersatlas/domain';
import type { HexProperties, PotentialSite } from '@quartiersatlas/gap';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MapErrorBoundary } from '../shell/map-error-boundary.tsx';
import { mapQuarters } from '../shell/map-records.ts';
import type { WorkspaceProps } from '../workspace-props.ts';
import { AnalysisForm } from './analysis-form.tsx';
import { useTaxonomyLabel } from './category-select.tsx';
import { CellPanel } from './cell-panel.tsx';
import { HeatLegend } from './heat-legend.tsx';
import { JobProgress } from './job-progress.tsx';
import { DEFAULT_LAYERS, LayerSwitch, recordVisibility } from './layer-switch.tsx';
import { cellCentre } from './map-data.ts';
import { type MeasureId, measureStyle } from './measures.ts';
import { orderPotentials, PotentialsPanel } from './potentials-panel.tsx';
import { RecentAnalyses } from './recent-analyses.tsx';
import { ResultSummary } from './result-summary.tsx';
import { panelId, type Tab, Tabs, tabId } from './tabs.tsx';
import { useAnalysisRecords } from './use-analysis-records.ts';
import { rerunRequest, useAnalysisSession } from './use-analysis-session.ts';
import { useWhatIf } from './use-what-if.ts';
import { WeightsEditor } from './weights-editor.tsx';
import { type MapShows, WhatIfPanel } from './what-if-panel.tsx';
import './analysis.css';

const AnalysisMap = lazy(() => import('./analysis-map.tsx'));

declare global {
  interface Window {
    /** The analysis map, for the browser tests only (set when window.__QA_TEST__ is true). */
    __QA_ANALYSIS_MAP__?: MapLibreMap;
  }
}

function exposeForTests(map: MapLibreMap): void {
  if (window.__QA_TEST__) window.__QA_ANALYSIS_MAP__ = map;
}

/**
 * The planner's gap analysis: the heatmap of H3 cells with its legend and layer switches on the
 * map; beside it (below it on a phone) the parameters and progress, the explanation of a chosen
 * cell, and the potential sites with "what if".
 */
export function AnalysisView({ quarters, taxonomy, quarterId, basemapStyleUrl }: WorkspaceProps) {
  const { t } = useTranslation();
  const base = useId();
  const label = useTaxonomyLabel();
  const [measure, setMeasure] = useState<MeasureId>('priority');
  const [layers, setLayers] = useState(DEFAULT_LAYERS);
  const [tab, setTab] = useState<Tab>('setup');
  const [selectedCell, setSelectedCell] = useState<string | null>(null);
  const [site, setSite] = useState<PotentialSite | null>(null);
  const [flyTo, setFlyTo] = useState<{ lng: number; lat: number; key: number } | null>(null);
  const [placing, setPlacing] = useState(false);
  const [shows, setShows] = useState<MapShows>('after');

  const session = useAnalysisSession(taxonomy, () => {
    setSelectedCell(null);
    setSite(null);
  });
  const { state, job, result, parameters, doneId, jobId, weights, applied } = session;
  const whatIf = useWhatIf(result && job ? job.id : null);

  const category = findCategory(taxonomy, parameters?.category ?? session.formSeed.category);
  const categoryLabel = category ? label(category) : '';
  const records = useAnalysisRecords(category?.id ?? null);
  const shown = whatIf.run.status === 'done' && shows === 'after' ? whatIf.run.result : result;
  const grid = shown?.grid ?? null;
  const cells = useMemo(() => (grid ? grid.features.map((feature) => feature.properties) : []), [grid]);
  const cellById = useMemo(() => new Map(cells.map((cell) => [cell.h3, cell])), [cells]);
  const context = useMemo(
    () => (parameters ? { method: parameters.method, weights: applied, target: parameters.target } : null),
    [parameters, applied],
  );
  // Classes from the stored result even while a what-if is shown: the same colour means the same value.
  const baseCells = useMemo(() => (result ? result.grid.features.map((feature) => feature.properties) : []), [result]);
  const style = useMemo(
    () => (context && grid ? measureStyle(measure, baseCells, context) : null),
    [measure, baseCells, context, grid],
  );
  const ranked = useMemo(() => (result ? orderPotentials(result.potentials).ranked : []), [result]);
  const quarterShapes = useMemo(() => mapQuarters(quarters), [quarters]);
  const visibility = useMemo(() => recordVisibility(layers), [layers]);
  const whatIfSites = useMemo(
    () => new Set(whatIf.services.flatMap((service) => (service.siteId ? [service.siteId] : []))),
    [whatIf.services],
  );
  const counts = useMemo(() => {
    const count = (kind: string) => records.records.filter((record) => record.kind === kind).length;
    return {
      supply: count('service'),
      needs: count('need'),
      vacancies: count('vacancy'),
      brownfields: count('brownfield'),
      demand: result?.summary.population,
    };
  }, [records.records, result]);

  const selectCell = (h3: string | null, fly = false) => {
    setSelectedCell(h3);
    const feature = h3 ? grid?.features.find((item) => item.properties.h3 === h3) : undefined;
    if (fly && feature) {
      const [lng, lat] = cellCentre(feature);
      setFlyTo({ lng, lat, key: Date.now() });
    }
    if (h3) setTab('cell');
  };
  const showSite = (potential: PotentialSite) => {
    setSite(potential);
    setFlyTo({ lng: potential.lng, lat: potential.lat, key: Date.now() });
  };
  // A new tab or another cell starts at the top of the panel, not where the last one was scrolled to.
  const panel = useRef<HTMLElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: tab, cell, a started or finished analysis are the triggers
  useEffect(() => {
    if (panel.current) panel.current.scrollTop = 0;
  }, [tab, selectedCell, doneId, jobId]);
  const selectedProperties: HexProperties | null = selectedCell ? (cellById.get(selectedCell) ?? null) : null;
  const hypotheticalShown = whatIf.run.status === 'done' && shows === 'after';

  return (
    <div className="analysis">
      <div className="analysis__map">
        <MapErrorBoundary>
          <Suspense fallback={<p className="map-frame__loading">{t('shell.mapLoading')}</p>}>
            <AnalysisMap
              className="analysis__canvas"
              onMapReady={exposeForTests}
              quarters={quarterShapes}
              focusQuarterId={quarterId}
              basemapStyleUrl={basemapStyleUrl}
              grid={grid}
              style={style}
              heatVisible={layers.heat}
              demandVisible={layers.demand}
              records={records.records}
              recordVisibility={visibility}
              selectedCell={selectedCell}
              onCellSelect={(h3) => selectCell(h3)}
              onSiteSelect={(id) => {
                const potential = result?.potentials.find((item) => item.id === id);
                if (!potential) return;
                setSite(potential);
                setTab('potentials');
              }}
              site={site}
              ranked={ranked}
              flyTo={flyTo}
              hypothetical={whatIf.services}
              hypotheticalIcon={category?.icon ?? 'service'}
              placing={placing}
              onPlace={([lon, lat]) => {
                whatIf.add({ lon, lat });
                setPlacing(false);
                setTab('potentials');
              }}
              notices={
                <>
                  {placing && (
                    <p className="qa-map__notice analysis-notice--placing">{t('analysis.whatIf.placingHint')}</p>
                  )}
                  {hypotheticalShown && (
                    <p className="qa-map__notice analysis-notice--hypothetical">{t('analysis.whatIf.mapNotice')}</p>
                  )}
                  {job?.stale && result && <p className="qa-map__notice">{t('analysis.map.stale')}</p>}
                </>
              }
              controls={
                <LayerSwitch layers={layers} onChange={setLayers} counts={counts} categoryLabel={categoryLabel} />
              }
              legend={
                style && parameters && context && layers.heat ? (
                  <HeatLegend
                    style={style}
                    context={{ ...context, supplyUnit: parameters.supplyUnit }}
                    onMeasure={setMeasure}
                    hypothetical={whatIf.services.length > 0}
                    demand={layers.demand}
                  />
                ) : null
              }
            />
          </Suspense>
        </MapErrorBoundary>
      </div>
      <section ref={panel} className="analysis__panel" aria-label={t('analysis.panel')}>
        <Tabs base={base} current={tab} onChange={setTab} />
        <div
          role="tabpanel"
          id={panelId(base, 'setup')}
          aria-labelledby={tabId(base, 'setup')}
          hidden={tab !== 'setup'}
          className="analysis__tabpanel"
        >
          {!job && state.status !== 'loading' && <p className="analysis-hint">{t('analysis.intro')}</p>}
          <JobProgress
            state={state}
            onRetry={session.retry}
            onRerun={() => job && void session.start(rerunRequest(job, weights))}
          />
          {result && job && (
            <>
              <ResultSummary
                job={job}
                result={result}
                categoryLabel={categoryLabel}
                busy={session.starting}
                onRerun={() => void session.start(rerunRequest(job, weights))}
              />
              <WeightsEditor weights={weights} stored={job.parameters.weights} onChange={session.setWeights} />
            </>
          )}
          <details className="analysis-new" open={!result}>
            <summary>{result ? t('analysis.form.again') : t('analysis.form.title')}</summary>
            <AnalysisForm
              taxonomy={taxonomy}
              initial={session.formSeed}
              weights={applied}
              busy={session.starting || state.status === 'running'}
              onSubmit={session.start}
            />
          </details>
          <section aria-labelledby={`${base}-recent`} className="analysis-recent-section">
            <h2 id={`${base}-recent`} className="analysis-section__title">
              {t('analysis.recent.title')}
            </h2>
            <RecentAnalyses
              taxonomy={taxonomy}
              resource={session.recent.resource}
              onRetry={session.recent.retry}
              currentId={jobId}
              onOpen={(item) => session.open(item.id)}
            />
          </section>
        </div>
        <div
          role="tabpanel"
          id={panelId(base, 'cell')}
          aria-labelledby={tabId(base, 'cell')}
          hidden={tab !== 'cell'}
          className="analysis__tabpanel"
        >
          {parameters && style ? (
            <CellPanel
              cell={selectedProperties}
              cells={cells}
              style={style}
              parameters={parameters}
              weights={applied}
              titleOf={records.titleOf}
              onSelect={(h3) => selectCell(h3, true)}
            />
          ) : (
            <p className="analysis-hint">{t('analysis.noResult')}</p>
          )}
        </div>
        <div
          role="tabpanel"
          id={panelId(base, 'potentials')}
          aria-labelledby={tabId(base, 'potentials')}
          hidden={tab !== 'potentials'}
          className="analysis__tabpanel"
        >
          {result && parameters ? (
            <>
              <PotentialsPanel
                sites={result.potentials}
                summary={result.summary.potentials}
                categoryLabel={categoryLabel}
                titleOf={records.titleOf}
                selectedSite={site?.id ?? null}
                whatIfSites={whatIfSites}
                onShow={showSite}
                onWhatIf={(potential) => {
                  whatIf.add({ lon: potential.lng, lat: potential.lat, siteId: potential.id });
                  showSite(potential);
                }}
              />
              <WhatIfPanel
                whatIf={whatIf}
                before={result}
                supplyUnit={parameters.supplyUnit}
                titleOf={records.titleOf}
                placing={placing}
                onPlacing={setPlacing}
                shows={shows}
                onShows={setShows}
              />
            </>
          ) : (
            <p className="analysis-hint">{t('analysis.noResult')}</p>
          )}
        </div>
      </section>
    </div>
  );
}
