import { findCategory, type Taxonomy } from '@quartiersatlas/domain';
import { forwardRef, type SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { isLabelKey } from '../format.ts';
import { Pictogram } from '../icons/pictograms.tsx';

export function useTaxonomyLabel() {
  const { t } = useTranslation();
  // A category added to the data before its translation shows its id rather than nothing.
  return (item: { id: string; labelKey: string }) => (isLabelKey(item.labelKey) ? t(item.labelKey) : item.id);
}

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'> & { taxonomy: Taxonomy; value: string };

/**
 * The categories grouped by the project's fields in a native select (compact, keyboard- and
 * screen-reader-friendly at 25 entries), with the chosen category's pictogram beside it.
 */
export const CategorySelect = forwardRef<HTMLSelectElement, Props>(function CategorySelect(
  { taxonomy, value, ...select },
  ref,
) {
  const label = useTaxonomyLabel();
  const chosen = findCategory(taxonomy, value);
  return (
    <div className="analysis-category">
      <span className="analysis-category__icon">
        <Pictogram name={chosen?.icon ?? 'service'} size={26} />
      </span>
      <select ref={ref} value={value} {...select}>
        {taxonomy.fields.map((field) => {
          const categories = taxonomy.categories.filter((category) => category.field === field.id);
          if (categories.length === 0) return null;
          return (
            <optgroup key={field.id} label={label(field)}>
              {categories.map((category) => (
                <option key={category.id} value={category.id}>
                  {label(category)}
                </option>
              ))}
            </optgroup>
          );
        })}
      </select>
    </div>
  );
});
