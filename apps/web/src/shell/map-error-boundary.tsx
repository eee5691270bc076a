import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/icon.tsx';

function MapFailed() {
  const { t } = useTranslation();
  return (
    <div className="map-frame__failed" role="alert">
      <Icon name="alert" />
      <p>{t('shell.mapFailed')}</p>
      <button type="button" className="button button--secondary" onClick={() => window.location.reload()}>
        {t('common.retry')}
      </button>
    </div>
  );
}

/**
 * If the map's code cannot be loaded (a half-installed update, a broken download), only the map
 * says so; the sheet, the forms and the records keep working.
 */
export class MapErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('the map failed', error);
  }

  override render(): ReactNode {
    return this.state.failed ? <MapFailed /> : this.props.children;
  }
}
