import {
  type Category,
  findCategory,
  type RecordKind,
  type Taxonomy,
  type TaxonomyField,
} from '@quartiersatlas/domain';
import { type Ref, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLabelKey } from '../format.ts';
import { Pictogram } from '../icons/pictograms.tsx';
import './capture.css';
import './category-picker.css';

export interface CategoryPickerProps {
  taxonomy: Taxonomy;
  value: string;
  onChange(category: string): void;
  kind: RecordKind;
  /** The radio group's name; one per form. */
  name?: string;
  onBlur?(): void;
  /** Focus target for "jump to the first error": the chosen tile, else the first one. */
  inputRef?: Ref<HTMLInputElement | HTMLButtonElement>;
  /** Id of the error text shown under the picker, if any. */
  errorId?: string;
}

function useLabel() {
  const { t } = useTranslation();
  // A category added to the data before its translation shows its id rather than nothing.
  return (item: { id: string; labelKey: string }) => (isLabelKey(item.labelKey) ? t(item.labelKey) : item.id);
}

function Tile({
  category,
  name,
  checked,
  onChange,
  onBlur,
  inputRef,
  errorId,
}: {
  category: Category;
  name: string;
  checked: boolean;
  onChange(id: string): void;
  onBlur?(): void;
  inputRef?: Ref<HTMLInputElement>;
  errorId?: string;
}) {
  const label = useLabel();
  return (
    <label className="category-tile">
      <input
        ref={inputRef}
        type="radio"
        className="category-tile__input"
        name={name}
        value={category.id}
        checked={checked}
        onChange={() => onChange(category.id)}
        onBlur={onBlur}
        aria-describedby={errorId}
      />
      <span className="category-tile__icon">
        <Pictogram name={category.icon} size={28} />
      </span>
      <span className="category-tile__label">{label(category)}</span>
    </label>
  );
}

function FieldTiles({
  field,
  categories,
  ...tile
}: {
  field: TaxonomyField;
  categories: Category[];
  name: string;
  value: string;
  onChange(id: string): void;
  onBlur?(): void;
  focusId: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
  errorId?: string;
}) {
  const label = useLabel();
  return (
    <fieldset className="category-picker__group">
      <legend className="category-picker__field">
        <span className="category-picker__field-icon">
          <Pictogram name={field.icon} size={20} />
        </span>
        {label(field)}
      </legend>
      <div className="category-picker__tiles">
        {categories.map((category) => (
          <Tile
            key={category.id}
            category={category}
            name={tile.name}
            checked={tile.value === category.id}
            onChange={tile.onChange}
            onBlur={tile.onBlur}
            inputRef={tile.focusId === category.id ? tile.inputRef : undefined}
            errorId={tile.errorId}
          />
        ))}
      </div>
    </fieldset>
  );
}

/**
 * Categories as large pictogram tiles under the project's fields. The tiles are native radio buttons,
 * so arrow keys move through them (in reading order, also right to left) and screen readers announce
 * "3 of 25". An edited record starts folded to its chosen category.
 */
export function CategoryPicker({
  taxonomy,
  value,
  onChange,
  kind,
  name,
  onBlur,
  inputRef,
  errorId,
}: CategoryPickerProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const fallbackName = useId();
  const chosen = value === '' ? undefined : findCategory(taxonomy, value);
  const [expanded, setExpanded] = useState(chosen === undefined);
  const legend = kind === 'need' ? t('capture.category.legendNeed') : t('capture.category.legendService');
  const focusId = chosen?.id ?? taxonomy.categories[0]?.id;

  return (
    <fieldset className="category-picker" aria-describedby={errorId}>
      <legend className="capture-legend">{legend}</legend>
      {!expanded && chosen ? (
        <div className="category-picker__chosen">
          <span className="category-tile category-tile--chosen">
            <span className="category-tile__icon">
              <Pictogram name={chosen.icon} size={28} />
            </span>
            <span className="category-tile__label">{label(chosen)}</span>
          </span>
          <button
            ref={inputRef as Ref<HTMLButtonElement>}
            type="button"
            className="button button--secondary"
            onClick={() => setExpanded(true)}
          >
            {t('capture.category.change')}
          </button>
        </div>
      ) : (
        taxonomy.fields.map((field) => {
          const categories = taxonomy.categories.filter((category) => category.field === field.id);
          if (categories.length === 0) return null;
          return (
            <FieldTiles
              key={field.id}
              field={field}
              categories={categories}
              name={name ?? fallbackName}
              value={value}
              onChange={onChange}
              onBlur={onBlur}
              focusId={focusId}
              inputRef={inputRef as Ref<HTMLInputElement>}
              errorId={errorId}
            />
          );
        })
      )}
    </fieldset>
  );
}
