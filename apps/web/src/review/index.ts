export { ReviewView } from './review-view.tsx';
