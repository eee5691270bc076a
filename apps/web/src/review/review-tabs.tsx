import { type KeyboardEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Pictogram } from '../icons/pictograms.tsx';

export const REVIEW_TABS = ['submissions', 'conflicts', 'history', 'links'] as const;
export type ReviewTab = (typeof REVIEW_TABS)[number];

const ICONS: Record<ReviewTab, string> = {
  submissions: 'need',
  conflicts: 'layers',
  history: 'pending',
  links: 'community',
};

export const tabId = (base: string, tab: ReviewTab) => `${base}-tab-${tab}`;
export const panelId = (base: string, tab: ReviewTab) => `${base}-panel-${tab}`;

/**
 * Tabs as the ARIA pattern has them: one tab stop, arrow keys move between tabs (mirrored in
 * right-to-left pages), Home and End jump to the ends.
 */
export function ReviewTabs({
  base,
  current,
  counts,
  onChange,
}: {
  base: string;
  current: ReviewTab;
  /** Badge per tab: a number, "100+", or nothing. */
  counts: Partial<Record<ReviewTab, string>>;
  onChange(tab: ReviewTab): void;
}) {
  const { t } = useTranslation();
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  // On a phone the four tabs scroll sideways: keep the chosen one in view.
  useEffect(() => {
    buttons.current[REVIEW_TABS.indexOf(current)]?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [current]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = REVIEW_TABS.indexOf(current);
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    let next: number | null = null;
    if (step !== undefined) next = (index + step + REVIEW_TABS.length) % REVIEW_TABS.length;
    if (event.key === 'Home') next = 0;
    if (event.key === 'End') next = REVIEW_TABS.length - 1;
    if (next === null) return;
    event.preventDefault();
    onChange(REVIEW_TABS[next] as ReviewTab);
    buttons.current[next]?.focus();
  };

  return (
    <div className="review-tabs" role="tablist" aria-label={t('review.tabsLabel')} onKeyDown={onKeyDown}>
      {REVIEW_TABS.map((tab, index) => (
        <button
          key={tab}
          ref={(element) => {
            buttons.current[index] = element;
          }}
          type="button"
          role="tab"
          id={tabId(base, tab)}
          aria-controls={panelId(base, tab)}
          aria-selected={tab === current}
          tabIndex={tab === current ? 0 : -1}
          className="review-tabs__tab"
          onClick={() => onChange(tab)}
        >
          <Pictogram name={ICONS[tab]} size={20} />
          <span>{t(`review.tab.${tab}`)}</span>
          {counts[tab] !== undefined && <span className="review-tabs__count">{counts[tab]}</span>}
        </button>
      ))}
    </div>
  );
}
