export { RecordList } from './record-list.tsx';
export { type RecordPresentation, useRecordPresentation } from './use-record-presentation.ts';
