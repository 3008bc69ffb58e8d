import { i18n } from '#i18n';
import type { Call, ContactName } from '@/utils/close/schemas';
import { callLabel } from '@/utils/format';

interface CallPickerProps {
  calls: Call[];
  selectedId: string;
  onSelect: (id: Call['id']) => void;
  /** The lead's contacts, to name who each call was with; without them the phone number is shown. */
  contacts?: readonly ContactName[];
  /** How each option names its call (Calls to log names the lead too); the lead's picker's own words otherwise. */
  label?: (call: Call) => string;
}

/** A native select: every browser and screen reader knows it, and the list is short. */
export function CallPicker({ calls, selectedId, onSelect, contacts, label }: CallPickerProps) {
  return (
    <div class="field">
      <label class="label" for="quick-edit-call">
        {i18n.t('callPicker.label')}
      </label>
      <select
        id="quick-edit-call"
        value={selectedId}
        onChange={(e) => {
          // A page script can set our select's value and fire change: it changes nothing (SECURITY.md).
          if (e.isTrusted) onSelect(e.currentTarget.value as Call['id']);
          else e.currentTarget.value = selectedId;
        }}
      >
        {calls.map((call) => (
          <option key={call.id} value={call.id}>
            {label ? label(call) : callLabel(call, { contacts })}
          </option>
        ))}
      </select>
    </div>
  );
}
