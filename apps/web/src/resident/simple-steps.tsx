import type { PublicResidentLink, Taxonomy } from '@quartiersatlas/domain';
import type { LanguageCode } from '@quartiersatlas/i18n';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CategoryPicker } from '../capture/category-picker.tsx';
import type { DraftMedia } from '../capture/media-draft.ts';
import { VoiceRecorder } from '../capture/voice-recorder.tsx';
import { Pictogram } from '../icons/pictograms.tsx';
import { LanguageGrid } from '../shell/language-grid.tsx';
import type { Draft } from './resident-db.ts';
import { StepHead } from './resident-frame.tsx';
import { TargetGroupChips } from './target-groups.tsx';

/** Names in their own script, the link's poster languages first. */
export function LanguageStep({ link, onChosen }: { link: PublicResidentLink; onChosen(code: LanguageCode): void }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="resident-step" aria-labelledby={headingId}>
      <h1 id={headingId} className="resident-step__title">
        <span className="resident-step__icon">
          <Pictogram name="chat" size={28} />
        </span>
        <span>{t('resident.language.heading')}</span>
      </h1>
      <p className="resident-step__hint">{t('resident.language.hint')}</p>
      <div className="resident-languages">
        <LanguageGrid first={link.languages} onChosen={onChosen} />
      </div>
    </section>
  );
}

/** One tap on a pictogram chooses what is missing and moves on. */
export function CategoryStep({
  taxonomy,
  value,
  onChoose,
  onNext,
}: {
  taxonomy: Taxonomy;
  value: string | null;
  onChoose(category: string): void;
  onNext(): void;
}) {
  const { t } = useTranslation();
  return (
    <section className="resident-step">
      <StepHead step="category" title={t('resident.category.heading')} hint={t('resident.category.hint')} />
      <div className="resident-categories">
        <CategoryPicker taxonomy={taxonomy} kind="need" value={value ?? ''} onChange={onChoose} />
      </div>
      {value !== null && (
        <div className="resident-actions">
          <button type="button" className="button button--primary resident-actions__main" onClick={onNext}>
            {t('resident.next')}
          </button>
        </div>
      )}
    </section>
  );
}

export type DraftPatch = Partial<Omit<Draft, 'linkCode'>>;

/** Everything here is optional: words in any language, a voice note, who is affected. */
export function DetailsStep({
  draft,
  onChange,
  onBack,
  onNext,
}: {
  draft: Draft;
  onChange(patch: DraftPatch): void;
  onBack(): void;
  onNext(): void;
}) {
  const { t } = useTranslation();
  const textId = useId();
  const items: DraftMedia[] = draft.voice.map((note) => ({ ...note, kind: 'audio' }));
  return (
    <section className="resident-step">
      <StepHead
        step="details"
        title={t('resident.details.heading')}
        hint={t('resident.details.hint')}
        onBack={onBack}
      />
      <div className="resident-card">
        <label htmlFor={textId} className="resident-section__title">
          {t('resident.details.text')}
        </label>
        <textarea
          id={textId}
          className="capture-textarea resident-text"
          rows={4}
          maxLength={2000}
          value={draft.text}
          onChange={(event) => onChange({ text: event.target.value })}
        />
      </div>
      <div className="resident-card">
        <VoiceRecorder
          items={items}
          onAdd={(blob, mime, durationMs) =>
            onChange({
              voice: [...draft.voice, { key: crypto.randomUUID(), blob, mime, size: blob.size, durationMs }],
            })
          }
          onRemove={(item) => onChange({ voice: draft.voice.filter((note) => note.key !== item.key) })}
        />
      </div>
      <div className="resident-card">
        <TargetGroupChips value={draft.targetGroups} onChange={(targetGroups) => onChange({ targetGroups })} />
      </div>
      <div className="resident-actions">
        <button type="button" className="button button--primary resident-actions__main" onClick={onNext}>
          {t('resident.next')}
        </button>
      </div>
    </section>
  );
}
