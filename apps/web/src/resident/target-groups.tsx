import { TARGET_GROUPS } from '@quartiersatlas/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Pictogram } from '../icons/pictograms.tsx';

export const TARGET_GROUP_ICONS: Record<(typeof TARGET_GROUPS)[number], string> = {
  children: 'child',
  youth: 'youth',
  families: 'family',
  seniors: 'senior',
  disabled: 'wheelchair',
  newcomers: 'newcomer',
};

/** Who is affected, as pictogram chips (checkboxes underneath). Nothing chosen means everyone. */
export function TargetGroupChips({ value, onChange }: { value: string[]; onChange(value: string[]): void }) {
  const { t } = useTranslation();
  const hintId = useId();
  return (
    <fieldset className="resident-groups" aria-describedby={hintId}>
      <legend className="resident-section__title">{t('resident.details.who')}</legend>
      <p id={hintId} className="resident-section__hint">
        {t('resident.details.whoHint')}
      </p>
      <div className="resident-groups__chips">
        {TARGET_GROUPS.map((group) => {
          const checked = value.includes(group);
          return (
            <label key={group} className="resident-chip">
              <input
                type="checkbox"
                className="resident-chip__input"
                checked={checked}
                onChange={() => onChange(checked ? value.filter((v) => v !== group) : [...value, group])}
              />
              <Pictogram name={TARGET_GROUP_ICONS[group]} size={28} />
              <span>{t(`targetGroup.${group}`)}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
