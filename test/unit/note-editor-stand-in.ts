import { h } from 'preact';
import { noteFromLegacyDraft, notePlainText, type NoteContent } from '@/utils/note-content';

// The Note box is a ProseMirror editor (tested in components/NoteEditor.test.tsx and end to end).
// Panel tests put this textarea in its place (`vi.mock('./NoteEditor', () => import(...))`), so
// what they test is the panel's own key handling and save session, with the editor's props.
type Props = { value: NoteContent; onChange: (value: NoteContent) => void; editorRef?: { current: unknown } };

export const NoteEditor = ({ value, onChange, editorRef }: Props) =>
  h('textarea', {
    id: 'quick-edit-note',
    value: notePlainText(value),
    ref: (el: HTMLTextAreaElement | null) => {
      if (editorRef) editorRef.current = el;
    },
    onInput: (e: Event) => onChange(noteFromLegacyDraft((e.currentTarget as HTMLTextAreaElement).value)),
  });
