import type { Category, Taxonomy, TaxonomyField } from '@quartiersatlas/domain';
import { useTranslation } from 'react-i18next';
import { isLabelKey, useFormat } from '../format.ts';
import type { Resource } from '../hooks/use-resource.ts';
import { Icon } from './icon.tsx';
import { LoadError, Loading } from './status.tsx';

function useLabel() {
  const { t } = useTranslation();
  // A category added to the data before its translation shows its id rather than nothing.
  return (item: { id: string; labelKey: string }) => (isLabelKey(item.labelKey) ? t(item.labelKey) : item.id);
}

function CategoryItem({ category }: { category: Category }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useLabel();
  const distance = format.distance(category.catchmentM);
  const walk = t('taxonomy.catchment', { distance });
  return (
    <li className={category.demandGroup === 'all' ? 'category' : 'category category--for-group'}>
      <span className="category__name">{label(category)}</span>
      {category.demandGroup !== 'all' && (
        <span className="category__group chip">{t(`demandGroup.${category.demandGroup}`)}</span>
      )}
      <span className="category__distance" title={walk}>
        <Icon name="walk" />
        <span aria-hidden="true">{distance}</span>
        <span className="visually-hidden">{walk}</span>
      </span>
    </li>
  );
}

function FieldGroup({ field, categories }: { field: TaxonomyField; categories: Category[] }) {
  const { t } = useTranslation();
  const label = useLabel();
  const headingId = `field-${field.id}`;
  return (
    <section className="field-group" aria-labelledby={headingId}>
      <div className="field-group__head">
        <span className={`field-group__icon field-group__icon--${field.id}`}>
          <Icon name={field.icon} />
        </span>
        <h3 id={headingId} className="field-group__title">
          {label(field)}
        </h3>
        <span className="field-group__count">{t('taxonomy.categoryCount', { count: categories.length })}</span>
      </div>
      <ul className="category-list">
        {categories.map((category) => (
          <CategoryItem key={category.id} category={category} />
        ))}
      </ul>
    </section>
  );
}

export function TaxonomyOverview({ resource }: { resource: Resource<Taxonomy> & { retry: () => void } }) {
  const { t } = useTranslation();
  return (
    <section className="section section--taxonomy" aria-labelledby="taxonomy-heading">
      <div className="section__head">
        <h2 id="taxonomy-heading" className="section__title">
          {t('taxonomy.heading')}
        </h2>
        <p className="section__intro">{t('taxonomy.intro')}</p>
      </div>
      {resource.status === 'loading' && <Loading />}
      {resource.status === 'error' && (
        <LoadError title={t('taxonomy.loadError')} error={resource.error} onRetry={resource.retry} />
      )}
      {resource.status === 'ready' && (
        <div className="field-grid">
          {resource.data.fields.map((field) => (
            <FieldGroup
              key={field.id}
              field={field}
              categories={resource.data.categories.filter((category) => category.field === field.id)}
            />
          ))}
        </div>
      )}
    </section>
  );
}
