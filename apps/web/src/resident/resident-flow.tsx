import type { PublicResidentLink, Taxonomy } from '@quartiersatlas/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuarterCollection } from '../api/endpoints.ts';
import { Loading } from '../components/status.tsx';
import { dataErrorKey } from '../data/index.ts';
import { currentLanguage } from '../i18n.ts';
import { ConsentStep } from './consent-step.tsx';
import { DoneScreen } from './done-screen.tsx';
import { sendPending } from './outbox.ts';
import { OwnSubmissions } from './own-submissions.tsx';
import { PlaceStep } from './place-step.tsx';
import { type Draft, type DraftStep, readCache, residentDb, writeCache } from './resident-db.ts';
import { CategoryStep, DetailsStep, type DraftPatch, LanguageStep } from './simple-steps.tsx';
import { isComplete, submitDraft } from './submit.ts';

type Screen = { kind: 'language' } | { kind: 'step'; step: DraftStep } | { kind: 'done'; receipt: string };

function emptyDraft(linkCode: string): Draft {
  return {
    linkCode,
    step: 'category',
    category: null,
    point: null,
    pointSource: null,
    quarterId: null,
    text: '',
    targetGroups: [],
    voice: [],
  };
}

/** The furthest step the draft allows: the browser's back and forward buttons cannot skip a missing answer. */
function reachable(step: DraftStep, draft: Draft): DraftStep {
  if (draft.category === null) return 'category';
  if ((step === 'details' || step === 'consent') && (draft.point === null || draft.quarterId === null)) return 'place';
  return step;
}

const PREVIOUS = { place: 'category', details: 'place', consent: 'details' } as const;

function isScreen(value: unknown): value is Screen {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}

/**
 * The steps: language (once per phone), category, place, optional details, consent, receipt. Each step
 * is a browser history entry, so the phone's back gesture goes one step back. The draft is stored on
 * every change: reading the privacy notice or a reload loses nothing.
 */
export function ResidentFlow({
  link,
  taxonomy,
  quarters,
  basemapStyleUrl,
}: {
  link: PublicResidentLink;
  taxonomy: Taxonomy;
  quarters: QuarterCollection;
  basemapStyleUrl: string | null;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [screen, setScreen] = useState<Screen | null>(null);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const draftRef = useRef<Draft | null>(null);
  // History entries this page pushed: the back button walks them, and steps back itself past the first.
  const depth = useRef(0);
  draftRef.current = draft;

  useEffect(() => {
    let active = true;
    void Promise.all([residentDb.drafts.get(link.code), readCache('languageChosen')]).then(([stored, chosen]) => {
      if (!active) return;
      const start = stored ?? emptyDraft(link.code);
      // Coming back to an entry of this flow (from the privacy notice, say) shows that entry's step.
      const entry = (window.history.state as { resident?: unknown } | null)?.resident;
      const step = isScreen(entry) && entry.kind === 'step' ? entry.step : start.step;
      const first: Screen = chosen ? { kind: 'step', step: reachable(step, start) } : { kind: 'language' };
      setDraft(start);
      setScreen(first);
      window.history.replaceState({ resident: first }, '');
    });
    return () => {
      active = false;
    };
  }, [link.code]);

  useEffect(() => {
    const onPop = (event: PopStateEvent) => {
      const state = (event.state as { resident?: unknown } | null)?.resident;
      if (!isScreen(state)) return;
      const current = draftRef.current;
      depth.current = Math.max(0, depth.current - 1);
      setScreen(state.kind === 'step' && current ? { kind: 'step', step: reachable(state.step, current) } : state);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const change = useCallback((patch: DraftPatch) => {
    setDraft((previous) => {
      if (!previous) return previous;
      const next = { ...previous, ...patch };
      void residentDb.drafts.put(next);
      return next;
    });
  }, []);

  const go = useCallback(
    (next: Screen) => {
      setScreen(next);
      setSendError(null);
      if (next.kind === 'step') change({ step: next.step });
      window.history.pushState({ resident: next }, '');
      depth.current += 1;
      window.scrollTo({ top: 0 });
    },
    [change],
  );

  if (!draft || !screen) return <Loading />;

  const back = () => {
    if (screen.kind !== 'step' || screen.step === 'category') return;
    if (depth.current > 0) {
      window.history.back();
      return;
    }
    const previous: Screen = { kind: 'step', step: PREVIOUS[screen.step] };
    setScreen(previous);
    change({ step: previous.step });
    window.history.replaceState({ resident: previous }, '');
  };

  const quarterName =
    quarters.features.find((quarter) => quarter.id === (draft.quarterId ?? link.quarterId))?.properties.name ??
    link.quarterId;

  const send = async () => {
    if (!isComplete(draft)) return;
    setSending(true);
    setSendError(null);
    try {
      const item = await submitDraft(draft, currentLanguage(), taxonomy);
      setDraft(emptyDraft(link.code));
      setScreen({ kind: 'done', receipt: item.receipt });
      window.history.replaceState({ resident: { kind: 'done', receipt: item.receipt } }, '');
      window.scrollTo({ top: 0 });
      void sendPending({ force: true });
    } catch (error) {
      setSendError(t(dataErrorKey(error)));
    } finally {
      setSending(false);
    }
  };

  switch (screen.kind) {
    case 'language':
      return (
        <LanguageStep
          link={link}
          onChosen={() => {
            void writeCache('languageChosen', true);
            go({ kind: 'step', step: reachable(draft.step, draft) });
          }}
        />
      );
    case 'done':
      return (
        <DoneScreen
          receipt={screen.receipt}
          linkCode={link.code}
          taxonomy={taxonomy}
          onAnother={() => go({ kind: 'step', step: 'category' })}
        />
      );
    case 'step':
      break;
  }

  switch (screen.step) {
    case 'category':
      return (
        <>
          <CategoryStep
            taxonomy={taxonomy}
            value={draft.category}
            onChoose={(category) => {
              change({ category });
              go({ kind: 'step', step: 'place' });
            }}
            onNext={() => go({ kind: 'step', step: 'place' })}
          />
          <OwnSubmissions linkCode={link.code} taxonomy={taxonomy} />
        </>
      );
    case 'place':
      return (
        <PlaceStep
          draft={draft}
          linkQuarterId={link.quarterId}
          quarters={quarters}
          basemapStyleUrl={basemapStyleUrl}
          onPlace={(point, pointSource, quarterId) => change({ point, pointSource, quarterId })}
          onBack={back}
          onNext={() => go({ kind: 'step', step: 'details' })}
        />
      );
    case 'details':
      return (
        <DetailsStep
          draft={draft}
          onChange={change}
          onBack={back}
          onNext={() => go({ kind: 'step', step: 'consent' })}
        />
      );
    case 'consent':
      return (
        <ConsentStep
          draft={draft}
          taxonomy={taxonomy}
          quarterName={quarterName}
          busy={sending}
          error={sendError}
          onBack={back}
          onSend={() => void send()}
        />
      );
  }
}
