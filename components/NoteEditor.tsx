import type { Ref } from 'preact';

interface NoteEditorProps {
  value: string;
  onInput: (value: string) => void;
  rich: boolean;
  error?: string;
  textareaRef?: Ref<HTMLTextAreaElement>;
}

export function NoteEditor({ value, onInput, rich, error, textareaRef }: NoteEditorProps) {
  return (
    <div class="field">
      <label class="label" for="quick-edit-note">
        Note
      </label>
      <textarea
        id="quick-edit-note"
        ref={textareaRef}
        aria-describedby={rich || error ? 'quick-edit-note-hint' : undefined}
        rows={6}
        value={value}
        aria-invalid={error ? 'true' : undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      {(rich || error) && (
        <span id="quick-edit-note-hint" class={error ? 'field-error' : 'hint'}>
          {error ?? 'This note has formatting in Close; the parts you do not change keep it.'}
        </span>
      )}
    </div>
  );
}
