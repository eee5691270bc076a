export { ExchangeView } from './data-view.tsx';
