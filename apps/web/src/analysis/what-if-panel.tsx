import './potentials.css';
import type { SupplyUnit } from '@quartiersatlas/domain';
import type { GapAnalysisResult } from '@quartiersatlas/gap';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../components/status.tsx';
import { Pictogram } from '../icons/pictograms.tsx';
import { isolate, useFigures } from './figures.ts';
import { capacityValid, MAX_HYPOTHETICAL, type WhatIf } from './use-what-if.ts';
import { type Change, compareResults } from './what-if.ts';

export type MapShows = 'before' | 'after';

function ChangeRow({ label, change, format }: { label: string; change: Change; format(value: number): string }) {
  const { t } = useTranslation();
  const show = (value: number | null) => (value === null ? t('analysis.summary.none') : format(value));
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{show(change.before)}</td>
      <td>{show(change.after)}</td>
    </tr>
  );
}

/**
 * "What if": hypothetical services at a potential site or anywhere on the map, the analysis
 * computed again with them by the API, and the figures before → after. Nothing is stored.
 */
export function WhatIfPanel({
  whatIf,
  before,
  supplyUnit,
  titleOf,
  placing,
  onPlacing,
  shows,
  onShows,
}: {
  whatIf: WhatIf;
  before: GapAnalysisResult;
  supplyUnit: SupplyUnit;
  titleOf(id: string): string | undefined;
  placing: boolean;
  onPlacing(placing: boolean): void;
  shows: MapShows;
  onShows(shows: MapShows): void;
}) {
  const { t } = useTranslation();
  const figures = useFigures();
  const id = useId();
  const { services, run } = whatIf;
  const full = services.length >= MAX_HYPOTHETICAL;
  const valid = services.every((service) => capacityValid(service.capacity));
  const units = t(`analysis.supplyUnit.${supplyUnit}`);
  const changes = run.status === 'done' ? compareResults(before, run.result) : null;
  // The answer appears below the buttons: bring it into view, on a phone it would be off screen.
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (run.status === 'done') resultRef.current?.scrollIntoView({ block: 'start' });
  }, [run.status]);

  return (
    <section className="analysis-whatif" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="analysis-section__title">
        {t('analysis.whatIf.title')}
      </h2>
      <p className="analysis-section__intro">{t('analysis.whatIf.intro')}</p>
      <button
        type="button"
        className={placing ? 'button button--primary' : 'button button--secondary'}
        aria-pressed={placing}
        disabled={full && !placing}
        onClick={() => onPlacing(!placing)}
      >
        <Pictogram name={placing ? 'check' : 'pin'} size={20} />
        {placing ? t('analysis.whatIf.placingDone') : t('analysis.whatIf.place')}
      </button>
      {full && <p className="analysis-field__hint">{t('analysis.whatIf.full', { max: MAX_HYPOTHETICAL })}</p>}

      {services.length > 0 && (
        <ol className="analysis-hypothetical">
          {services.map((service, k) => {
            const site = service.siteId ? titleOf(service.siteId) : undefined;
            const capacityId = `${id}-capacity-${service.key}`;
            const bad = !capacityValid(service.capacity);
            return (
              <li key={service.key}>
                <div className="analysis-hypothetical__head">
                  <span className="analysis-hypothetical__badge">{figures.people(k + 1)}</span>
                  <span className="analysis-hypothetical__where">
                    {service.siteId
                      ? t('analysis.whatIf.atSite', { site: site ? isolate(site) : t('analysis.potentials.unnamed') })
                      : t('analysis.whatIf.atPoint', {
                          lat: service.lat.toFixed(5),
                          lon: service.lon.toFixed(5),
                        })}
                  </span>
                  <button
                    type="button"
                    className="analysis-icon-button"
                    aria-label={t('analysis.whatIf.remove', { number: k + 1 })}
                    title={t('analysis.whatIf.remove', { number: k + 1 })}
                    onClick={() => whatIf.remove(service.key)}
                  >
                    <Pictogram name="trash" size={20} />
                  </button>
                </div>
                {supplyUnit === 'places' && (
                  <div className="analysis-field analysis-field--inline">
                    <label htmlFor={capacityId}>{t('analysis.whatIf.capacity', { units })}</label>
                    <input
                      id={capacityId}
                      type="text"
                      inputMode="decimal"
                      dir="ltr"
                      value={service.capacity}
                      aria-invalid={bad || undefined}
                      aria-describedby={bad ? `${capacityId}-error` : undefined}
                      onChange={(event) => whatIf.setCapacity(service.key, event.target.value)}
                    />
                    {bad && (
                      <p id={`${capacityId}-error`} className="analysis-field__error">
                        {t('analysis.whatIf.capacityInvalid')}
                      </p>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}

      {services.length > 0 && (
        <div className="analysis-actions">
          <button
            type="button"
            className="button button--primary"
            disabled={!valid || run.status === 'running'}
            onClick={() => void whatIf.compute()}
          >
            {run.status === 'done' && whatIf.outdated ? t('analysis.whatIf.recompute') : t('analysis.whatIf.compute')}
          </button>
          <button type="button" className="button button--secondary" onClick={whatIf.reset}>
            {t('analysis.whatIf.reset')}
          </button>
        </div>
      )}

      {run.status === 'running' && (
        <p className="loading" role="status">
          <span className="loading__spinner" aria-hidden="true" />
          {t('analysis.whatIf.computing')}
        </p>
      )}
      {run.status === 'error' && (
        <LoadError title={t('analysis.whatIf.failed')} error={run.error} onRetry={() => void whatIf.compute()} />
      )}

      {changes && (
        <div ref={resultRef} className="analysis-whatif__result" role="status">
          <p className="analysis-hypothetical-badge">
            <Pictogram name="alert" size={18} />
            {t('analysis.whatIf.notSaved')}
          </p>
          {whatIf.outdated && <p className="analysis-field__hint">{t('analysis.whatIf.outdated')}</p>}
          <p className="analysis-whatif__headline">
            {t('analysis.whatIf.newlyInReach', { people: figures.people(changes.newlyInReach) })}
          </p>
          <p className="analysis-whatif__headline">
            {t('analysis.whatIf.newlyServed', { people: figures.people(changes.newlyServed) })}
          </p>
          <div className="analysis-table-wrap">
            <table className="analysis-table">
              <caption>{t('analysis.whatIf.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('analysis.whatIf.figure')}</th>
                  <th scope="col">{t('analysis.whatIf.before')}</th>
                  <th scope="col">{t('analysis.whatIf.after')}</th>
                </tr>
              </thead>
              <tbody>
                <ChangeRow label={t('analysis.whatIf.coverage')} change={changes.coverage} format={figures.percent} />
                <ChangeRow
                  label={t('analysis.whatIf.supply', { units })}
                  change={changes.supplyPer1000}
                  format={figures.decimal}
                />
                <ChangeRow
                  label={t('analysis.whatIf.unreachable')}
                  change={changes.unreachable}
                  format={figures.people}
                />
                <ChangeRow label={t('analysis.whatIf.deficit')} change={changes.deficit} format={figures.people} />
                {changes.quarters.map((quarter) => (
                  <ChangeRow
                    key={quarter.id}
                    label={t('analysis.whatIf.quarterCoverage', { quarter: isolate(quarter.name) })}
                    change={quarter.coverage}
                    format={figures.percent}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <fieldset className="analysis-segmented">
            <legend>{t('analysis.whatIf.mapShows')}</legend>
            {(['before', 'after'] as const).map((value) => (
              <label key={value}>
                <input
                  type="radio"
                  name={`${id}-shows`}
                  value={value}
                  checked={shows === value}
                  onChange={() => onShows(value)}
                />
                <span>{t(`analysis.whatIf.${value}`)}</span>
              </label>
            ))}
          </fieldset>
        </div>
      )}
    </section>
  );
}
