import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './icon.tsx';

interface Props {
  open: boolean;
  onClose: () => void;
  /** Id of the title element, for `aria-labelledby`. */
  titleId: string;
  title: string;
  className: string;
  children: ReactNode;
}

/**
 * A modal bottom sheet on the native `<dialog>` (focus trap, Escape, backdrop for free). Its body is
 * mounted only while open, so nothing inside queries or renders in the background.
 */
export function Sheet({ open, onClose, titleId, title, className, children }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog ref={dialog} className={`sheet ${className}`} aria-labelledby={titleId} onClose={onClose}>
      <div className="sheet__head">
        <h2 id={titleId} className="sheet__title">
          {title}
        </h2>
        <button type="button" className="sheet__close" aria-label={t('common.close')} onClick={onClose}>
          <Icon name="close" />
        </button>
      </div>
      {open && <div className="sheet__body">{children}</div>}
    </dialog>
  );
}
