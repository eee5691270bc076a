import './links.css';

export { LinkDetail } from './link-detail.tsx';
export { LinkForm } from './link-form.tsx';
export { LinkList } from './link-list.tsx';
export { type LinkNames, useLinkNames } from './link-names.tsx';
export { type ResidentLinks, useResidentLinks, useSessions } from './links-api.ts';
export { PosterPrint } from './poster-print.tsx';
