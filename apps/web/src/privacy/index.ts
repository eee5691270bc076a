/** The privacy notice for residents (`/privacy`). */
export { PrivacyPage } from './privacy-page.tsx';
