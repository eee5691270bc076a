import type { Geometry, RecordKind, Taxonomy } from '@quartiersatlas/domain';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  addMedia,
  createRecord,
  deleteRecord,
  type LocalRecord,
  newId,
  removeMedia,
  restoreRecord,
  updateRecord,
  useActiveSession,
} from '../data/index.ts';
import { Pictogram } from '../icons/pictograms.tsx';
import { useReportDirty } from '../shell/dirty.ts';
import { BrownfieldFields } from './brownfield-fields.tsx';
import { CategoryField } from './category-field.tsx';
import { CommonFields } from './common-fields.tsx';
import { issuesToErrors } from './field-issues.ts';
import { FormProblem, type Problem } from './form-problem.tsx';
import { emptyValues, type RecordFormValues, valuesFromRecord } from './form-values.ts';
import { LocationField } from './location-field.tsx';
import { useMediaDraft } from './media-draft.ts';
import { NeedFields } from './need-fields.tsx';
import { PhotoInput } from './photo-input.tsx';
import { type RecordResolverContext, recordResolver } from './resolver.ts';
import { saveProblem, saveRecord } from './save-record.ts';
import { ServerMedia } from './server-media.tsx';
import { ServiceFields } from './service-fields.tsx';
import { showUndoToast } from './undo-toast.ts';
import { VacancyFields } from './vacancy-fields.tsx';
import { VoiceRecorder } from './voice-recorder.tsx';
import './capture.css';

export interface RecordFormProps {
  kind: RecordKind;
  quarterId: string;
  taxonomy: Taxonomy;
  /** From the map; null until something is placed or drawn. */
  geometry: Geometry | null;
  existing?: LocalRecord;
  onSaved(id: string): void;
  onCancel(): void;
  /** Asks the shell to switch the map into place or draw mode. */
  onRequestGeometry(mode: 'point' | 'polygon'): void;
  /** Shown instead of the quarter's id. */
  quarterName?: string;
  /** Called after a delete (the undo toast is already showing); defaults to `onCancel`. */
  onDeleted?(id: string): void;
}

type Section = 'category' | 'location' | 'fields' | 'photos' | 'voice' | 'common';

/** Per kind, what comes first: a need leads with what is missing, where, and a voice note. */
const SECTIONS: Record<RecordKind, Section[]> = {
  service: ['category', 'location', 'fields', 'photos', 'voice', 'common'],
  vacancy: ['location', 'fields', 'photos', 'voice', 'common'],
  brownfield: ['location', 'fields', 'photos', 'voice', 'common'],
  need: ['category', 'location', 'voice', 'fields', 'photos', 'common'],
};

const dataLayer = { createRecord, updateRecord, addMedia, removeMedia };

/**
 * The capture form for all four kinds. It validates with the domain's `parseRecord` (the same check
 * the server runs), keeps every value when a save fails, and reports unsaved input to the shell so an
 * update never reloads over it.
 */
export function RecordForm(props: RecordFormProps) {
  const { kind, quarterId, taxonomy, geometry, existing, onSaved, onCancel, onRequestGeometry } = props;
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const [id] = useState(() => existing?.id ?? newId());
  const [keep] = useState(() => {
    const supporters = existing?.feature.properties.supporters;
    return kind === 'need' && typeof supporters === 'number' ? { supporters } : undefined;
  });
  const [defaultValues] = useState<RecordFormValues>(() =>
    existing ? valuesFromRecord(existing.feature, language) : { ...emptyValues(quarterId, null, language), geometry },
  );
  const form = useForm<RecordFormValues, RecordResolverContext>({
    defaultValues,
    resolver: recordResolver,
    context: { kind, id, taxonomy, keep },
  });
  const { formState, setValue, setError, handleSubmit } = form;
  const media = useMediaDraft(existing?.id ?? null, existing?.mediaIds);
  const activeSession = useActiveSession();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [closed, setClosed] = useState(false);

  useReportDirty(!closed && (formState.isDirty || media.changed));

  // The map hands over what was placed or drawn; a null (nothing yet in the new mode) keeps the last shape.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new geometry from the map should set it
  useEffect(() => {
    if (geometry) setValue('geometry', geometry, { shouldDirty: true, shouldValidate: formState.isSubmitted });
  }, [geometry]);

  const submit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      const saved = await saveRecord(
        {
          kind,
          id,
          values,
          keep,
          existing,
          media: { added: media.added, removed: media.removed },
          onSettled: media.settle,
        },
        dataLayer,
      );
      setClosed(true);
      onSaved(saved);
    } catch (error) {
      const found = saveProblem(error);
      if (found.type === 'validation') {
        const errors = issuesToErrors((error as { issues: [] }).issues, values);
        for (const [name, fieldError] of Object.entries(errors)) {
          setError(name as keyof RecordFormValues, fieldError as { type: string; message: string });
        }
      } else {
        console.error('saving the record failed', error);
      }
      setProblem(found);
    }
  });

  async function remove() {
    if (!existing) return;
    setProblem(null);
    try {
      await deleteRecord(existing.id);
    } catch (error) {
      console.error('deleting the record failed', error);
      setProblem({ type: 'deleteFailed' });
      return;
    }
    setClosed(true);
    showUndoToast({ message: t('capture.toast.deleted'), undo: () => restoreRecord(existing.id) });
    (props.onDeleted ?? onCancel)(existing.id);
  }

  const photos = media.items.filter((item) => item.kind === 'photo');
  const voices = media.items.filter((item) => item.kind === 'audio');
  const sections: Record<Section, ReactNode> = {
    category: <CategoryField key="category" kind={kind} taxonomy={taxonomy} />,
    location: <LocationField key="location" kind={kind} onRequestGeometry={onRequestGeometry} />,
    fields: (
      <div key="fields" className="capture-section capture-fields">
        {kind === 'service' && <ServiceFields />}
        {kind === 'vacancy' && <VacancyFields />}
        {kind === 'brownfield' && <BrownfieldFields />}
        {kind === 'need' && <NeedFields supporters={keep?.supporters} />}
      </div>
    ),
    photos: (
      <div key="photos" className="capture-media">
        <PhotoInput items={photos} onAdd={(blob, mime) => media.add('photo', blob, mime)} onRemove={media.remove} />
        <ServerMedia ids={media.remote} onRemove={media.removeRemote} />
      </div>
    ),
    voice: (
      <VoiceRecorder
        key="voice"
        items={voices}
        onAdd={(blob, mime, durationMs) => media.add('audio', blob, mime, durationMs)}
        onRemove={media.remove}
      />
    ),
    common: (
      <div key="common" className="capture-section capture-fields">
        <CommonFields kind={kind} isNew={!existing} quarterName={props.quarterName} activeSession={activeSession} />
      </div>
    ),
  };

  return (
    <FormProvider {...form}>
      <form className="capture-form" noValidate onSubmit={submit} aria-labelledby={titleId}>
        <header className={`capture-form__head capture-form__head--${kind}`}>
          <span className="capture-form__kind">
            <Pictogram name={kind} size={28} />
          </span>
          <h2 id={titleId} className="capture-form__title">
            {existing ? t(`capture.titleEdit.${kind}`) : t(`capture.titleNew.${kind}`)}
          </h2>
        </header>
        {SECTIONS[kind].map((section) => sections[section])}
        <div className="capture-form__actions">
          <FormProblem kind={kind} problem={problem} />
          <div className="capture-form__buttons">
            <button type="submit" className="button button--primary" disabled={formState.isSubmitting}>
              <Pictogram name="check" size={20} />
              {formState.isSubmitting ? t('capture.action.saving') : t('capture.action.save')}
            </button>
            <button type="button" className="button button--secondary" onClick={onCancel}>
              {t('capture.action.cancel')}
            </button>
            {existing && (
              <button type="button" className="button capture-form__delete" onClick={() => void remove()}>
                <Pictogram name="trash" size={20} />
                {t('capture.action.delete')}
              </button>
            )}
          </div>
        </div>
      </form>
    </FormProvider>
  );
}
