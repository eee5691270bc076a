import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pictogram } from '../icons/pictograms.tsx';
import {
  basemapCacheName,
  type DownloadMeta,
  type DownloadPlan,
  type DownloadProgress,
  deleteBasemapDownload,
  downloadBasemap,
  estimateDownload,
  type OfflineErrorCode,
  offlineErrorCode,
  planBasemapDownload,
  readBasemapDownload,
} from './offline-tiles.ts';
import { type BBox, padBBox } from './tile-math.ts';
import './offline-map-download.css';

/** Map zoom levels saved: the whole quarter (12) down to single buildings (17). */
const MIN_ZOOM = 12;
const MAX_ZOOM = 17;
/** A margin around the quarter, so its edge is not the edge of the saved map. */
const MARGIN_M = 300;
/** Progress is redrawn at most this often; a quarter has thousands of files. */
const PROGRESS_INTERVAL_MS = 150;

type State =
  | { status: 'checking' }
  | { status: 'estimating' }
  | { status: 'ready'; plan: DownloadPlan; bytes: number }
  | { status: 'downloading'; progress: DownloadProgress }
  | { status: 'done'; meta: DownloadMeta }
  /** `plan` is kept when the download itself failed, so "retry" resumes it. */
  | { status: 'error'; code: Exclude<OfflineErrorCode, 'ABORTED'>; plan?: DownloadPlan };

function megabytes(bytes: number, language: string): string | null {
  const mb = bytes / 1_000_000;
  if (mb < 1) return null;
  return new Intl.NumberFormat(language, { maximumFractionDigits: mb < 10 ? 1 : 0 }).format(mb);
}

/**
 * "Download this quarter for offline": the size estimate, a progress bar with cancel, and the
 * saved state with a delete button. Renders nothing without a configured basemap style.
 */
export function OfflineMapDownload({
  quarterId,
  bbox,
  styleUrl,
}: {
  quarterId: string;
  bbox: BBox;
  styleUrl: string | null;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const headingId = useId();
  const progressId = useId();
  const [state, setState] = useState<State>({ status: 'checking' });
  const abort = useRef<AbortController | null>(null);
  const [west, south, east, north] = bbox;

  const estimate = useCallback(async () => {
    if (!styleUrl) return;
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setState({ status: 'estimating' });
    try {
      const plan = await planBasemapDownload({
        styleUrl,
        bbox: padBBox([west, south, east, north], MARGIN_M),
        minZoom: MIN_ZOOM,
        maxZoom: MAX_ZOOM,
        signal: controller.signal,
      });
      const { bytes } = await estimateDownload(plan, { signal: controller.signal });
      if (!controller.signal.aborted) setState({ status: 'ready', plan, bytes });
    } catch (error) {
      const code = offlineErrorCode(error);
      if (code !== 'ABORTED') setState({ status: 'error', code });
    }
  }, [styleUrl, west, south, east, north]);

  useEffect(() => {
    if (!styleUrl) return;
    let current = true;
    readBasemapDownload(quarterId)
      .then((meta) => {
        if (!current) return;
        if (meta && meta.styleUrl === styleUrl) setState({ status: 'done', meta });
        else void estimate();
      })
      .catch(() => current && setState({ status: 'error', code: 'UNSUPPORTED' }));
    return () => {
      current = false;
      abort.current?.abort();
    };
  }, [quarterId, styleUrl, estimate]);

  const start = async (plan: DownloadPlan) => {
    const controller = new AbortController();
    abort.current = controller;
    const total = plan.resources.length + plan.tiles.length;
    setState({ status: 'downloading', progress: { done: 0, total, bytes: 0 } });
    let shown = 0;
    try {
      const meta = await downloadBasemap(plan, {
        cacheName: basemapCacheName(quarterId),
        meta: { styleUrl: plan.styleUrl, bbox, minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM },
        signal: controller.signal,
        onProgress: (progress) => {
          const now = performance.now();
          if (now - shown < PROGRESS_INTERVAL_MS && progress.done < progress.total) return;
          shown = now;
          setState({ status: 'downloading', progress });
        },
      });
      setState({ status: 'done', meta });
    } catch (error) {
      const code = offlineErrorCode(error);
      if (code === 'ABORTED') void estimate();
      else setState({ status: 'error', code, plan });
    }
  };

  const remove = async () => {
    await deleteBasemapDownload(quarterId);
    void estimate();
  };

  if (!styleUrl) return null;
  const number = new Intl.NumberFormat(language);
  const doneText = (meta: DownloadMeta) => {
    const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(meta.completedAt));
    const size = megabytes(meta.bytes, language);
    return size === null ? t('map.offline.doneSmall', { date }) : t('map.offline.done', { date, size });
  };

  return (
    <section className="qa-offline" aria-labelledby={headingId}>
      <h3 id={headingId} className="qa-offline__title">
        <Pictogram name="download" />
        {t('map.offline.title')}
      </h3>
      <p className="qa-offline__intro">{t('map.offline.intro')}</p>
      {(state.status === 'checking' || state.status === 'estimating') && (
        <p className="qa-offline__line" role="status">
          {t('map.offline.estimating')}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          <p className="qa-offline__line">
            {megabytes(state.bytes, language) === null
              ? t('map.offline.sizeSmall')
              : t('map.offline.size', { size: megabytes(state.bytes, language) })}
          </p>
          <button type="button" className="button button--primary" onClick={() => void start(state.plan)}>
            <Pictogram name="download" />
            {t('map.offline.download')}
          </button>
        </>
      )}
      {state.status === 'downloading' && (
        <>
          <label className="qa-offline__label" htmlFor={progressId}>
            {t('map.offline.progress')}
          </label>
          <progress
            id={progressId}
            className="qa-offline__progress"
            max={state.progress.total}
            value={state.progress.done}
          />
          <p className="qa-offline__line" aria-live="polite">
            {t('map.offline.progressText', {
              done: number.format(state.progress.done),
              total: number.format(state.progress.total),
            })}
          </p>
          <button type="button" className="button button--secondary" onClick={() => abort.current?.abort()}>
            <Pictogram name="close" />
            {t('map.offline.cancel')}
          </button>
        </>
      )}
      {state.status === 'done' && (
        <>
          <p className="qa-offline__line qa-offline__line--done" role="status">
            <Pictogram name="check" />
            {doneText(state.meta)}
          </p>
          <button type="button" className="button button--secondary" onClick={() => void remove()}>
            <Pictogram name="trash" />
            {t('map.offline.remove')}
          </button>
        </>
      )}
      {state.status === 'error' && (
        <>
          <p className="qa-offline__line qa-offline__line--error" role="alert">
            <Pictogram name="alert" />
            {t(`map.offline.error.${state.code}`)}
          </p>
          {state.code !== 'UNSUPPORTED' && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void (state.plan ? start(state.plan) : estimate())}
            >
              {t('common.retry')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
