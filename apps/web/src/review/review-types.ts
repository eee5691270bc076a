import type { ReviewViewProps } from './review-view.tsx';

/** Opens a record in the capture form; the shell switches to the capture view. */
export type EditRecord = ReviewViewProps['onEditRecord'];
