import { type ReactNode, useId, useState } from 'react';
import { MapButton } from './map-button.tsx';

/**
 * A map button that opens a titled panel over the map (the legend and the layer switches): closed
 * by default so the map stays free on a phone.
 */
export function MapPanel({
  openLabel,
  closeLabel,
  title,
  children,
}: {
  openLabel: string;
  closeLabel: string;
  title: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const headingId = useId();
  return (
    <>
      <MapButton
        icon={open ? 'close' : 'layers'}
        label={open ? closeLabel : openLabel}
        expanded={open}
        controls={panelId}
        onClick={() => setOpen(!open)}
      />
      <section id={panelId} className="qa-legend" aria-labelledby={headingId} hidden={!open}>
        <h2 id={headingId} className="qa-legend__title">
          {title}
        </h2>
        {children}
      </section>
    </>
  );
}
