export { AnalysisView } from './analysis-view.tsx';
