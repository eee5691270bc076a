import { POSTER_LANGUAGES, type PosterLanguage, type ResidentLink, type SurveySession } from '@quartiersatlas/domain';
import { isRtl, LANGUAGES } from '@quartiersatlas/i18n';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, toApiError } from '../api/client.ts';
import type { QuarterCollection } from '../api/endpoints.ts';
import { errorKey } from '../format.ts';
import { Pictogram } from '../icons/pictograms.tsx';
import { useDateFormat } from '../records/use-date-format.ts';
import { createLink } from './links-api.ts';

/** German and the most common other languages in Eving and Marten. */
export const DEFAULT_POSTER_LANGUAGES: readonly PosterLanguage[] = ['de', 'tr', 'ar'];

export const TITLE_MAX = 120;

type Field = 'title' | 'quarterId' | 'sessionId' | 'languages';

/** Which of our fields the API named in a refusal ("languages/0" is still the languages). */
function refusedFields(error: ApiError): Set<Field> {
  const fields = new Set<Field>();
  for (const field of error.fields) {
    const name = field.replace(/^\/?body\/?/, '').split(/[/.[]/)[0];
    if (name === 'title' || name === 'quarterId' || name === 'sessionId' || name === 'languages') fields.add(name);
  }
  return fields;
}

/** A new resident link: a title, the quarter, optionally a survey session of it, the poster's languages. */
export function LinkForm({
  quarters,
  quarterId,
  sessions,
  sessionsFailed,
  headingId,
  onCreated,
}: {
  quarters: QuarterCollection;
  /** The quarter chosen in the top bar, where the form starts. */
  quarterId: string | undefined;
  sessions: readonly SurveySession[];
  sessionsFailed: boolean;
  headingId: string;
  onCreated(link: ResidentLink): void;
}) {
  const { t } = useTranslation();
  const dates = useDateFormat();
  const id = useId();
  const [title, setTitle] = useState('');
  const [quarter, setQuarter] = useState(quarterId ?? quarters.features[0]?.id ?? '');
  const [session, setSession] = useState('');
  const [languages, setLanguages] = useState<ReadonlySet<PosterLanguage>>(new Set(DEFAULT_POSTER_LANGUAGES));
  const [invalid, setInvalid] = useState<ReadonlySet<Field>>(new Set());
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const titleField = useRef<HTMLInputElement>(null);
  const ofQuarter = sessions.filter((item) => item.quarterId === quarter);

  useEffect(() => titleField.current?.focus(), []);

  const toggle = (code: PosterLanguage, on: boolean) => {
    const next = new Set(languages);
    if (on) next.add(code);
    else next.delete(code);
    setLanguages(next);
    if (next.size > 0) setInvalid((fields) => new Set([...fields].filter((field) => field !== 'languages')));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = new Set<Field>();
    if (title.trim() === '') missing.add('title');
    if (languages.size === 0) missing.add('languages');
    setInvalid(missing);
    setFailure(null);
    if (missing.size > 0) {
      document.getElementById(missing.has('title') ? `${id}-title` : `${id}-lang-de`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const link = await createLink({
        title: title.trim(),
        quarterId: quarter,
        sessionId: session === '' ? null : session,
        languages: POSTER_LANGUAGES.filter((code) => languages.has(code)),
      });
      onCreated(link);
    } catch (error) {
      const apiError = toApiError(error);
      setBusy(false);
      setFailure(apiError);
      setInvalid(refusedFields(apiError));
    }
  };

  const fieldError = (field: Field, message: string) =>
    invalid.has(field) && (
      <p id={`${id}-${field}-error`} className="form-error">
        <Pictogram name="alert" size={18} />
        <span>{message}</span>
      </p>
    );

  return (
    <form className="review-detail link-form" noValidate onSubmit={(event) => void submit(event)}>
      <h2 id={headingId} className="review-detail__title" tabIndex={-1}>
        {t('links.form.heading')}
      </h2>
      <p className="review-muted">{t('links.form.intro')}</p>

      <div className="form-field">
        <label htmlFor={`${id}-title`}>{t('links.form.title')}</label>
        <p id={`${id}-title-hint`} className="link-form__hint">
          {t('links.form.titleHint')}
        </p>
        <input
          ref={titleField}
          id={`${id}-title`}
          name="title"
          maxLength={TITLE_MAX}
          value={title}
          aria-invalid={invalid.has('title') || undefined}
          aria-describedby={invalid.has('title') ? `${id}-title-hint ${id}-title-error` : `${id}-title-hint`}
          onChange={(event) => {
            setTitle(event.target.value);
            if (event.target.value.trim() !== '') {
              setInvalid((fields) => new Set([...fields].filter((field) => field !== 'title')));
            }
          }}
        />
        {fieldError('title', t('links.form.titleRequired'))}
      </div>

      <div className="form-field">
        <label htmlFor={`${id}-quarter`}>{t('links.form.quarter')}</label>
        <select
          id={`${id}-quarter`}
          className="link-form__select"
          value={quarter}
          aria-invalid={invalid.has('quarterId') || undefined}
          onChange={(event) => {
            setQuarter(event.target.value);
            setSession('');
          }}
        >
          {quarters.features.map((item) => (
            <option key={item.id} value={item.id}>
              {item.properties.name}
            </option>
          ))}
        </select>
        {fieldError('quarterId', t('links.form.quarterRefused'))}
      </div>

      <div className="form-field">
        <label htmlFor={`${id}-session`}>{t('links.form.session')}</label>
        <p id={`${id}-session-hint`} className="link-form__hint">
          {sessionsFailed ? t('links.form.sessionsFailed') : t('links.form.sessionHint')}
        </p>
        <select
          id={`${id}-session`}
          className="link-form__select"
          value={session}
          aria-describedby={`${id}-session-hint`}
          aria-invalid={invalid.has('sessionId') || undefined}
          onChange={(event) => setSession(event.target.value)}
        >
          <option value="">{t('links.form.noSession')}</option>
          {ofQuarter.map((item) => (
            <option key={item.id} value={item.id}>
              {t('links.form.sessionOption', { title: item.title, date: dates.date(item.startedAt) })}
            </option>
          ))}
        </select>
        {fieldError('sessionId', t('links.form.sessionRefused'))}
      </div>

      <fieldset className="link-form__languages" aria-describedby={`${id}-languages-hint`}>
        <legend>{t('links.form.languages')}</legend>
        <p id={`${id}-languages-hint`} className="link-form__hint">
          {t('links.form.languagesHint')}
        </p>
        <div className="link-form__choices">
          {LANGUAGES.map((language) => (
            <label key={language.code} className="link-form__choice">
              <input
                id={`${id}-lang-${language.code}`}
                type="checkbox"
                name="languages"
                value={language.code}
                checked={languages.has(language.code)}
                aria-invalid={invalid.has('languages') || undefined}
                onChange={(event) => toggle(language.code, event.target.checked)}
              />
              <span lang={language.code} dir={isRtl(language.code) ? 'rtl' : 'ltr'}>
                {language.nativeName}
              </span>
            </label>
          ))}
        </div>
        {fieldError('languages', t('links.form.languagesRequired'))}
      </fieldset>

      {failure && invalid.size === 0 && (
        <p className="form-error" role="alert">
          <Pictogram name="alert" size={18} />
          <span>{t(errorKey(failure.code))}</span>
        </p>
      )}

      <div className="review-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          <Pictogram name="plus" size={20} />
          <span>{t('links.form.create')}</span>
        </button>
      </div>
    </form>
  );
}
