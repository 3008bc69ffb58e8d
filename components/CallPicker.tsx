import type { Call } from '@/utils/close/schemas';
import { callLabel } from '@/utils/format';

interface CallPickerProps {
  calls: Call[];
  selectedId: string;
  onSelect: (id: Call['id']) => void;
}

export function CallPicker({ calls, selectedId, onSelect }: CallPickerProps) {
  return (
    <div class="field">
      <label class="label" for="quick-edit-call">
        Call
      </label>
      <select id="quick-edit-call" value={selectedId} onChange={(e) => onSelect(e.currentTarget.value as Call['id'])}>
        {calls.map((call) => (
          <option key={call.id} value={call.id}>
            {callLabel(call)}
          </option>
        ))}
      </select>
    </div>
  );
}
