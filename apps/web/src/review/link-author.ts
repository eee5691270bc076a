import { createContext, useCallback, useContext } from 'react';
import { useTranslation } from 'react-i18next';

/** Titles of the resident links by id, from GET /api/v1/resident-links (empty until it answers). */
export const LinkTitles = createContext<ReadonlyMap<string, string>>(new Map());

const LINK_AUTHOR = 'link:';

/**
 * Who wrote a resident's submission, as a planner reads it: "via Beteiligungs-Link «title»".
 * Residents are never named; their phones write as the link. Null for any other author.
 */
export function useLinkAuthor(): (author: unknown) => string | null {
  const { t } = useTranslation();
  const titles = useContext(LinkTitles);
  return useCallback(
    (author: unknown) => {
      if (typeof author !== 'string' || !author.startsWith(LINK_AUTHOR)) return null;
      const title = titles.get(author.slice(LINK_AUTHOR.length));
      return title === undefined ? t('review.writer.linkUnknown') : t('review.writer.link', { title });
    },
    [t, titles],
  );
}
