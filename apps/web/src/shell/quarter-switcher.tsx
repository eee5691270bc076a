import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuarterCollection } from '../api/endpoints.ts';

interface Props {
  quarters: QuarterCollection;
  quarterId: string;
  onChange: (quarterId: string) => void;
}

/** The quarter everything on screen belongs to; new records are captured in it. */
export function QuarterSwitcher({ quarters, quarterId, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="quarter-switcher">
      <label htmlFor={id} className="quarter-switcher__label">
        {t('shell.quarterLabel')}
      </label>
      <select
        id={id}
        className="quarter-switcher__select"
        value={quarterId}
        onChange={(event) => onChange(event.target.value)}
      >
        {quarters.features.map((quarter) => (
          <option key={quarter.id} value={quarter.id}>
            {quarter.properties.name}
          </option>
        ))}
      </select>
    </div>
  );
}
