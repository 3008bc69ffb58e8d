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
    <label class="field">
      <span class="label">Note</span>
      <textarea
        ref={textareaRef}
        rows={6}
        value={value}
        aria-invalid={error ? 'true' : undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      {rich && <span class="hint">This note has formatting in Close; the parts you do not change keep it.</span>}
      {error && <span class="field-error">{error}</span>}
    </label>
  );
}
