import { type KeyboardEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export const TABS = ['setup', 'cell', 'potentials'] as const;
export type Tab = (typeof TABS)[number];

export function tabId(base: string, tab: Tab): string {
  return `${base}-tab-${tab}`;
}
export function panelId(base: string, tab: Tab): string {
  return `${base}-panel-${tab}`;
}

/**
 * The panel's tabs (WAI-ARIA tabs pattern): Tab reaches the chosen one, arrow keys move between
 * them in reading direction (so → goes back in Arabic), Home and End jump to the ends.
 */
export function Tabs({ base, current, onChange }: { base: string; current: Tab; onChange(tab: Tab): void }) {
  const { t, i18n } = useTranslation();
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const move = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const forward = i18n.dir() === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = i18n.dir() === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    let next: number | null = null;
    if (event.key === forward) next = (index + 1) % TABS.length;
    else if (event.key === backward) next = (index - 1 + TABS.length) % TABS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = TABS.length - 1;
    if (next === null) return;
    event.preventDefault();
    onChange(TABS[next] as Tab);
    buttons.current[next]?.focus();
  };
  return (
    <div className="analysis-tabs" role="tablist" aria-label={t('analysis.tabs.label')}>
      {TABS.map((tab, index) => (
        <button
          key={tab}
          ref={(element) => {
            buttons.current[index] = element;
          }}
          type="button"
          role="tab"
          id={tabId(base, tab)}
          aria-selected={tab === current}
          aria-controls={panelId(base, tab)}
          tabIndex={tab === current ? 0 : -1}
          className="analysis-tabs__tab"
          onClick={() => onChange(tab)}
          onKeyDown={(event) => move(event, index)}
        >
          {t(`analysis.tabs.${tab}`)}
        </button>
      ))}
    </div>
  );
}
