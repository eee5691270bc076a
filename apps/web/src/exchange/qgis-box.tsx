import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/icon.tsx';
import { CopyGlyph } from '../report/glyphs.tsx';

/** The OGC API – Features address of this installation, as QGIS and GDAL want it. */
export function ogcUrl(origin: string): string {
  return `${origin.replace(/\/+$/, '')}/ogc`;
}

/** How to open the atlas's layers in QGIS directly, with the address ready to copy. */
export function QgisBox({ origin }: { origin: string }) {
  const { t } = useTranslation();
  const url = ogcUrl(origin);
  const inputId = useId();
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  useEffect(() => {
    if (copied === 'idle') return;
    const timer = setTimeout(() => setCopied('idle'), 4000);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('done');
    } catch {
      // Clipboard access can be refused (insecure origin, permissions): the field stays there to copy by hand.
      setCopied('failed');
    }
  }

  return (
    <div className="qgis-box">
      <label htmlFor={inputId} className="exchange-form__label">
        {t('exchange.qgis.urlLabel')}
      </label>
      <div className="qgis-box__url">
        <input id={inputId} value={url} readOnly dir="ltr" onFocus={(event) => event.target.select()} />
        <button type="button" className="button button--secondary" onClick={copy}>
          <CopyGlyph />
          <span>{t('exchange.qgis.copy')}</span>
        </button>
      </div>
      <p className="qgis-box__status" role="status">
        {copied === 'done' && (
          <>
            <Icon name="check" />
            <span>{t('exchange.qgis.copied')}</span>
          </>
        )}
        {copied === 'failed' && <span>{t('exchange.qgis.copyFailed')}</span>}
      </p>
      <ol className="qgis-box__steps">
        <li>{t('exchange.qgis.step1')}</li>
        <li>{t('exchange.qgis.step2')}</li>
        <li>{t('exchange.qgis.step3')}</li>
      </ol>
      <p className="exchange-form__note">{t('exchange.qgis.access')}</p>
    </div>
  );
}
