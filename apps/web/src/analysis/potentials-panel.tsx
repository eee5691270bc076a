import './potentials.css';
import type { GapSummary, PotentialSite } from '@quartiersatlas/gap';
import { useTranslation } from 'react-i18next';
import { Pictogram } from '../icons/pictograms.tsx';
import { useFigures } from './figures.ts';

const OTHERS_SHOWN = 10;

/** Picked sites by rank, then the others by how many people a service there would reach alone. */
export function orderPotentials(sites: readonly PotentialSite[]): { ranked: PotentialSite[]; others: PotentialSite[] } {
  const ranked = sites.filter((site) => site.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const others = sites
    .filter((site) => site.rank === null && site.alonePeople > 0)
    .sort((a, b) => b.alonePeople - a.alonePeople || b.aloneNeeds - a.aloneNeeds);
  return { ranked, others };
}

function SiteItem({
  site,
  title,
  selected,
  inWhatIf,
  onShow,
  onWhatIf,
}: {
  site: PotentialSite;
  title: string;
  selected: boolean;
  inWhatIf: boolean;
  onShow(): void;
  onWhatIf(): void;
}) {
  const { t } = useTranslation();
  const figures = useFigures();
  const kind = site.kind === 'vacancy' || site.kind === 'brownfield' ? site.kind : 'vacancy';
  const picked = site.rank !== null;
  return (
    <li className={selected ? 'analysis-site analysis-site--selected' : 'analysis-site'}>
      <div className="analysis-site__head">
        {picked && (
          <span
            className="analysis-site__rank"
            role="img"
            aria-label={t('analysis.potentials.rank', { rank: site.rank })}
          >
            {figures.people(site.rank ?? 0)}
          </span>
        )}
        <span className={`analysis-site__kind analysis-site__kind--${kind}`}>
          <Pictogram name={kind} size={20} />
        </span>
        <span className="analysis-site__title">
          <span className="analysis-site__name">
            <bdi>{title}</bdi>
          </span>
          <span className="analysis-site__type">{t(`kind.${kind}`, { count: 1 })}</span>
        </span>
      </div>
      <dl className="analysis-site__figures">
        <div>
          <dt>{picked ? t('analysis.potentials.newPeople') : t('analysis.potentials.alonePeople')}</dt>
          <dd>{figures.people(picked ? (site.newPeople ?? 0) : site.alonePeople)}</dd>
        </div>
        <div>
          <dt>{t('analysis.potentials.needs')}</dt>
          <dd>{figures.people(picked ? (site.newNeedsCount ?? 0) : site.aloneNeedsCount)}</dd>
        </div>
        {picked && site.cumulativeCoveredShare !== null && (
          <div>
            <dt>{t('analysis.potentials.coveredAfter')}</dt>
            <dd>{figures.percent(site.cumulativeCoveredShare)}</dd>
          </div>
        )}
      </dl>
      <div className="analysis-site__actions">
        <button type="button" className="button button--secondary" aria-pressed={selected} onClick={onShow}>
          <Pictogram name="pin" size={18} />
          {t('analysis.potentials.show')}
        </button>
        <button type="button" className="button button--secondary" disabled={inWhatIf} onClick={onWhatIf}>
          <Pictogram name="plus" size={18} />
          {inWhatIf ? t('analysis.potentials.inWhatIf') : t('analysis.potentials.whatIf')}
        </button>
      </div>
    </li>
  );
}

/**
 * Item 2 of the planner workspace: which vacancies and brownfields would serve the most unmet
 * demand with a new service of the category (greedy maximal covering, see docs/analysis.md).
 */
export function PotentialsPanel({
  sites,
  summary,
  categoryLabel,
  titleOf,
  selectedSite,
  whatIfSites,
  onShow,
  onWhatIf,
}: {
  sites: readonly PotentialSite[];
  summary: GapSummary['potentials'];
  categoryLabel: string;
  titleOf(id: string): string | undefined;
  selectedSite: string | null;
  whatIfSites: ReadonlySet<string>;
  onShow(site: PotentialSite): void;
  onWhatIf(site: PotentialSite): void;
}) {
  const { t } = useTranslation();
  const figures = useFigures();
  const { ranked, others } = orderPotentials(sites);
  const item = (site: PotentialSite) => (
    <SiteItem
      key={site.id}
      site={site}
      title={titleOf(site.id) ?? t('analysis.potentials.unnamed')}
      selected={site.id === selectedSite}
      inWhatIf={whatIfSites.has(site.id)}
      onShow={() => onShow(site)}
      onWhatIf={() => onWhatIf(site)}
    />
  );
  return (
    <section className="analysis-potentials" aria-labelledby="analysis-potentials-title">
      <h2 id="analysis-potentials-title" className="analysis-section__title">
        {t('analysis.potentials.title', { category: categoryLabel })}
      </h2>
      <p className="analysis-section__intro">
        {t('analysis.potentials.intro', { catchment: figures.distance(summary.catchmentM) })}
      </p>
      {summary.initialCoveredShare !== null && summary.finalCoveredShare !== null && summary.picked > 0 && (
        <p className="analysis-potentials__gain">
          {t('analysis.potentials.gain', {
            before: figures.percent(summary.initialCoveredShare),
            after: figures.percent(summary.finalCoveredShare),
            picked: figures.people(summary.picked),
          })}
        </p>
      )}
      {ranked.length === 0 ? (
        <p className="empty">{t('analysis.potentials.none')}</p>
      ) : (
        <ol className="analysis-sites">{ranked.map(item)}</ol>
      )}
      {others.length > 0 && (
        <details className="analysis-more">
          <summary>{t('analysis.potentials.others', { number: figures.people(others.length) })}</summary>
          <ul className="analysis-sites">{others.slice(0, OTHERS_SHOWN).map(item)}</ul>
        </details>
      )}
    </section>
  );
}
