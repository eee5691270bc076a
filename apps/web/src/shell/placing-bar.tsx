import { useTranslation } from 'react-i18next';
import { Icon } from '../components/icon.tsx';
import type { GeometryMode } from './capture-state.ts';

/**
 * While the map takes taps (its own panel explains what to do, shows the area and finishes an
 * outline), the way back to the form stays at the thumb. A placed point is confirmed here.
 */
export function PlacingBar({ mode, complete, onDone }: { mode: GeometryMode; complete: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const confirm = mode === 'place-point' && complete;
  return (
    <div className="placing-bar">
      <button
        type="button"
        className={confirm ? 'button button--primary' : 'button button--secondary'}
        onClick={onDone}
      >
        <Icon name={confirm ? 'check' : 'list'} />
        <span>{confirm ? t('shell.placeDone') : t('shell.backToForm')}</span>
      </button>
    </div>
  );
}
