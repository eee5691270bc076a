/** Capture: the forms for the four record kinds, their pickers, photos and voice notes. See README.md. */
export { CategoryPicker, type CategoryPickerProps } from './category-picker.tsx';
export { formFieldOf } from './field-issues.ts';
export { useIssueText } from './issue-text.tsx';
export { KindChooser, type KindChooserProps } from './kind-chooser.tsx';
export { MediaIcon } from './media-icons.tsx';
export { PhotoInput, type PhotoInputProps } from './photo-input.tsx';
export { RecordForm, type RecordFormProps } from './record-form.tsx';
export { showUndoToast, UNDO_VISIBLE_MS } from './undo-toast.ts';
export { UndoToastHost } from './undo-toast-host.tsx';
export { VoiceRecorder, type VoiceRecorderProps } from './voice-recorder.tsx';
