import { bboxOf, type Role, type Taxonomy } from '@quartiersatlas/domain';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { type Dispatch, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuarterCollection } from '../api/endpoints.ts';
import { KindChooser, RecordForm } from '../capture/index.ts';
import { db, useRecord } from '../data/index.ts';
import type { MapMode } from '../map/types.ts';
import { RecordList } from '../records/index.ts';
import { SessionBar, SupportersBoard } from '../sessions/index.ts';
import { type CaptureAction, type CaptureState, draftGeometry } from './capture-state.ts';
import { MapFrame } from './map-frame.tsx';
import { mapQuarters, useMapRecords, withDraft } from './map-records.ts';
import { PlacingBar } from './placing-bar.tsx';
import { captureKinds, type ShellView } from './roles.ts';

interface Props {
  hidden: boolean;
  role: Role;
  quarterId: string;
  quarters: QuarterCollection;
  taxonomy: Taxonomy;
  basemapStyleUrl: string | null;
  view: ShellView;
  state: CaptureState;
  dispatch: Dispatch<CaptureAction>;
  /** After a record was saved through the form. */
  onSaved?: (recordId: string) => void;
}

const BROWSE: MapMode = { type: 'browse' };

/**
 * Map on top, bottom sheet below: choose a kind, fill in the form, place the point or draw the area
 * on the map, and see the quarter's records. The open form stays mounted while the map takes taps
 * or another view is shown, so nothing typed is lost.
 */
export function CaptureView({
  hidden,
  role,
  quarterId,
  quarters,
  taxonomy,
  basemapStyleUrl,
  view,
  state,
  dispatch,
  onSaved,
}: Props) {
  const { t } = useTranslation();
  const { draft } = state;
  const records = useMapRecords(quarterId);
  const allQuarters = useMemo(() => mapQuarters(quarters), [quarters]);
  const existing = useRecord(draft?.recordId ?? null);
  const placing = draft?.placing === true && view === 'capture';
  // One object per change, so the form's effect sees a new geometry only when the map changed it.
  const geometry = useMemo(() => draftGeometry(draft), [draft]);

  const mode: MapMode = useMemo(() => {
    if (!placing || !draft?.mode) return BROWSE;
    if (draft.mode === 'place-point') {
      return { type: 'place-point', value: draft.point, onChange: (point) => dispatch({ type: 'point', point }) };
    }
    return {
      type: 'draw-polygon',
      value: draft.ring,
      onChange: (ring) => dispatch({ type: 'ring', ring }),
      onFinish: (ring) => {
        dispatch({ type: 'ring', ring });
        dispatch({ type: 'done-placing' });
      },
      kind: draft.kind === 'vacancy' ? 'vacancy' : 'brownfield',
    };
  }, [placing, draft, dispatch]);

  async function open(id: string) {
    const record = await db.records.get(id);
    if (record) dispatch({ type: 'edit', recordId: id, kind: record.kind, geometry: record.feature.geometry });
  }

  const formShown = draft !== null && view === 'capture' && !draft.placing;
  const shown = useMemo(
    () => withDraft(records, placing ? null : draft, geometry),
    [records, placing, draft, geometry],
  );

  // The map shrinks while a form is open: keep what was placed (or the record opened) in view.
  const [map, setMap] = useState<MapLibreMap | null>(null);
  useEffect(() => {
    if (!map || !formShown || !geometry) return;
    const [minLon, minLat, maxLon, maxLat] = bboxOf(geometry);
    const center: [number, number] = [(minLon + maxLon) / 2, (minLat + maxLat) / 2];
    // After the sheet's height transition, when the map has its new size.
    const timer = window.setTimeout(() => map.easeTo({ center, duration: 300 }), 250);
    return () => window.clearTimeout(timer);
  }, [map, formShown, geometry]);

  // Back from the map, the form is where it was left (it was hidden, which resets the scroll).
  const sheet = useRef<HTMLElement>(null);
  const scrollBeforePlacing = useRef(0);
  useLayoutEffect(() => {
    if (formShown && sheet.current && scrollBeforePlacing.current > 0) {
      sheet.current.scrollTop = scrollBeforePlacing.current;
      scrollBeforePlacing.current = 0;
    }
  }, [formShown]);
  const className = ['capture', `capture--${view}`, formShown && 'capture--form', placing && 'capture--placing']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={className} hidden={hidden}>
      <div className="capture__map">
        <MapFrame
          quarters={allQuarters}
          focusQuarterId={quarterId}
          records={shown.records}
          selectedId={shown.selectedId}
          onSelect={(id) => {
            if (id && !draft) void open(id);
          }}
          mode={mode}
          basemapStyleUrl={basemapStyleUrl}
          className="map-frame__map"
          onMap={setMap}
        />
      </div>
      <section ref={sheet} className="capture__sheet" aria-label={t('shell.sheetLabel')}>
        {view === 'capture' && !draft && (
          <>
            <KindChooser kinds={captureKinds(role)} onChoose={(kind) => dispatch({ type: 'new', kind })} />
            {role !== 'resident' && <SessionBar quarterId={quarterId} />}
          </>
        )}
        {placing && draft?.mode && (
          <PlacingBar
            mode={draft.mode}
            complete={geometry !== null}
            onDone={() => dispatch({ type: 'done-placing' })}
          />
        )}
        {draft && (draft.recordId === null || existing) && (
          <div hidden={!formShown}>
            <RecordForm
              key={state.draftKey}
              kind={draft.kind}
              quarterId={quarterId}
              quarterName={quarters.features.find((quarter) => quarter.id === quarterId)?.properties.name}
              taxonomy={taxonomy}
              geometry={geometry}
              existing={existing}
              onSaved={(id) => {
                dispatch({ type: 'close' });
                onSaved?.(id);
              }}
              onCancel={() => dispatch({ type: 'close' })}
              onRequestGeometry={(requested) => {
                scrollBeforePlacing.current = sheet.current?.scrollTop ?? 0;
                dispatch({ type: 'request-geometry', mode: requested === 'point' ? 'place-point' : 'draw-polygon' });
              }}
            />
          </div>
        )}
        {view === 'records' && <RecordList quarterId={quarterId} onOpen={(id) => void open(id)} />}
        {view === 'supporters' && <SupportersBoard quarterId={quarterId} />}
      </section>
    </div>
  );
}
