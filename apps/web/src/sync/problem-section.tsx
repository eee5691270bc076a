import type { ReactNode } from 'react';
import { Pictogram } from '../icons/pictograms.tsx';

/** A list in the sync sheet of what the server refused, with a warning heading and a line of explanation. */
export function ProblemSection({
  headingId,
  heading,
  intro,
  children,
}: {
  headingId: string;
  heading: string;
  intro: string;
  children: ReactNode;
}) {
  return (
    <section className="rejected-list" aria-labelledby={headingId}>
      <h3 id={headingId} className="rejected-list__heading">
        <Pictogram name="alert" size={20} />
        <span>{heading}</span>
      </h3>
      <p className="rejected-list__intro">{intro}</p>
      <ul className="rejected-list__items">{children}</ul>
    </section>
  );
}
