import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLinkAuthor } from './link-author.ts';
import type { ConflictWriter, HistoryEvent } from './review-api.ts';

const ACCOUNT_WRITER = 'account:';

/**
 * Who wrote something, as a planner reads it: the person's name; a device nobody can be named for
 * by the start of its id (enough to tell two devices apart); else "unknown".
 */
export function useWriterName() {
  const { t } = useTranslation();
  const linkAuthor = useLinkAuthor();
  const device = useCallback((id: string) => t('review.writer.device', { id: id.slice(0, 8) }), [t]);
  const ofConflict = useCallback(
    (writer: ConflictWriter | null): string => {
      if (!writer) return t('review.writer.unknown');
      const named = writer.account?.displayName || writer.account?.username;
      if (named) return named;
      return writer.writer.startsWith(ACCOUNT_WRITER) ? t('review.writer.unknown') : device(writer.writer);
    },
    [t, device],
  );
  const ofEvent = useCallback(
    (by: HistoryEvent['by']): string => {
      const viaLink = linkAuthor(by.accountId);
      if (viaLink) return viaLink;
      if (by.name) return by.name;
      if (by.deviceId) return device(by.deviceId);
      // Neither account nor device: the server itself wrote it (demo data, imports, scripts).
      return t(by.accountId === null ? 'review.writer.system' : 'review.writer.unknown');
    },
    [t, device, linkAuthor],
  );
  return { ofConflict, ofEvent };
}
