/**
 * The survey sessions of the demo: per quarter a desk session, a walkabout, a resident link and a
 * Quartierszirkel, in the order a neighbourhood lab would run them in spring 2026.
 */
import type { SessionKind, SurveySessionInput } from '@quartiersatlas/domain';
import { createRng, type Rng, uuidV7 } from './prng.ts';
import type { QuarterId } from './quarters.ts';

export interface DemoSession {
  input: SurveySessionInput;
  quarterId: QuarterId;
  kind: SessionKind;
  /** the span in which the session's records were captured, Unix ms */
  fromMs: number;
  toMs: number;
}

interface SessionPlan {
  quarterId: QuarterId;
  kind: SessionKind;
  title: string;
  /** UTC */
  start: string;
  end: string;
  note?: string;
}

const PLANS: readonly SessionPlan[] = [
  {
    quarterId: 'eving',
    kind: 'desk',
    title: 'Schreibtischrecherche Eving: Kitas, Praxen, Pflege',
    start: '2026-02-16T08:00:00.000Z',
    end: '2026-02-16T15:30:00.000Z',
    note: 'Aus Kita-Navigator, Arztsuche und Pflegeangeboten übernommen; vor Ort zu prüfen.',
  },
  {
    quarterId: 'marten',
    kind: 'desk',
    title: 'Schreibtischrecherche Marten: Kitas, Praxen, Pflege',
    start: '2026-02-17T08:00:00.000Z',
    end: '2026-02-17T14:00:00.000Z',
  },
  {
    quarterId: 'eving',
    kind: 'walkabout',
    title: 'Begehung Eving: Evinger Platz, Deutsche Straße, Kemminghausen',
    start: '2026-03-14T09:00:00.000Z',
    end: '2026-03-14T13:30:00.000Z',
    note: 'Zwei Teams; Treffpunkt Evinger Platz.',
  },
  {
    quarterId: 'marten',
    kind: 'walkabout',
    title: 'Begehung Marten: Martener Straße und Steinhammerstraße',
    start: '2026-03-21T09:00:00.000Z',
    end: '2026-03-21T12:30:00.000Z',
  },
  {
    quarterId: 'eving',
    kind: 'resident_link',
    title: 'Bewohner-Link Eving (QR-Code auf Plakaten und Flyern)',
    start: '2026-04-01T06:00:00.000Z',
    end: '2026-06-30T21:59:00.000Z',
  },
  {
    quarterId: 'marten',
    kind: 'resident_link',
    title: 'Bewohner-Link Marten (QR-Code auf Plakaten und Flyern)',
    start: '2026-04-01T06:00:00.000Z',
    end: '2026-06-30T21:59:00.000Z',
  },
  {
    quarterId: 'eving',
    kind: 'quartierszirkel',
    title: '1. Quartierszirkel Eving im Bürgerhaus',
    start: '2026-04-22T16:00:00.000Z',
    end: '2026-04-22T18:30:00.000Z',
    note: 'Bedarfe an Stellwänden gesammelt, Punkte als Unterstützung vergeben.',
  },
  {
    quarterId: 'marten',
    kind: 'quartierszirkel',
    title: '1. Quartierszirkel Marten im Gemeindezentrum',
    start: '2026-04-29T16:00:00.000Z',
    end: '2026-04-29T18:30:00.000Z',
  },
];

/** Records that came in before any session was set up, e.g. from an earlier stock list. */
export const NO_SESSION_SPAN = {
  fromMs: Date.parse('2026-01-12T08:00:00.000Z'),
  toMs: Date.parse('2026-01-30T16:00:00.000Z'),
};

export function buildSessions(): DemoSession[] {
  const rng = createRng('sessions');
  return PLANS.map((plan) => {
    const fromMs = Date.parse(plan.start);
    const toMs = Date.parse(plan.end);
    const input: SurveySessionInput = {
      id: uuidV7(fromMs, rng),
      kind: plan.kind,
      title: plan.title,
      quarterId: plan.quarterId,
      startedAt: plan.start,
      endedAt: plan.end,
      ...(plan.note === undefined ? {} : { note: plan.note }),
    };
    return { input, quarterId: plan.quarterId, kind: plan.kind, fromMs, toMs };
  });
}

export function sessionOf(sessions: readonly DemoSession[], quarterId: QuarterId, kind: SessionKind): DemoSession {
  const found = sessions.find((s) => s.quarterId === quarterId && s.kind === kind);
  if (!found) throw new Error(`no ${kind} session in ${quarterId}`);
  return found;
}

/** A capture time inside the session's span, whole seconds, for the record's UUIDv7. */
export function captureTime(span: { fromMs: number; toMs: number }, rng: Rng): number {
  return span.fromMs + Math.floor(rng.next() * ((span.toMs - span.fromMs) / 1000)) * 1000 + rng.int(0, 999);
}
