import type { Outcome } from '@/utils/close/schemas';

interface OutcomePickerProps {
  outcomes: Outcome[];
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
}

/** Organisation outcomes for calls, "No outcome", and an id no longer in the list kept visible. */
export function OutcomePicker({ outcomes, value, onChange, error }: OutcomePickerProps) {
  const unknown = value !== null && !outcomes.some((o) => o.id === value);
  const description = outcomes.find((o) => o.id === value)?.description;
  return (
    <div class="field">
      <label class="label" for="quick-edit-outcome">
        Outcome
      </label>
      <select
        id="quick-edit-outcome"
        value={value ?? ''}
        aria-describedby={description || error ? 'quick-edit-outcome-hint' : undefined}
        aria-invalid={error ? 'true' : undefined}
        onChange={(e) => onChange(e.currentTarget.value || null)}
      >
        <option value="">No outcome</option>
        {unknown && <option value={value}>Unknown outcome</option>}
        {outcomes.map((outcome) => (
          <option key={outcome.id} value={outcome.id}>
            {outcome.name}
          </option>
        ))}
      </select>
      {(description || error) && (
        <span id="quick-edit-outcome-hint" class={error ? 'field-error' : 'hint'}>
          {error ?? description}
        </span>
      )}
    </div>
  );
}
