import { Pictogram } from '../icons/pictograms.tsx';

/** A square 44 px map button: the pictogram shows, the label names it for screen readers and on hover. */
export function MapButton({
  icon,
  label,
  onClick,
  pressed,
  expanded,
  controls,
}: {
  icon: string;
  label: string;
  onClick(): void;
  pressed?: boolean;
  expanded?: boolean;
  controls?: string;
}) {
  return (
    <button
      type="button"
      className="qa-map__button"
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      aria-expanded={expanded}
      aria-controls={controls}
      onClick={onClick}
    >
      <Pictogram name={icon} />
    </button>
  );
}
