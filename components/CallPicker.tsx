import { i18n } from '#i18n';
import type { Call, ContactName } from '@/utils/close/schemas';
import { useMemo } from 'preact/hooks';
import { callLabel } from '@/utils/format';

interface CallPickerProps {
  calls: Call[];
  selectedId: string;
  onSelect: (id: Call['id']) => void;
  /** The lead's contacts, to name who each call was with; without them the phone number is shown. */
  contacts?: readonly ContactName[];
  /** How each option names its call (Calls to log names the lead too); the lead's picker's own words otherwise. */
  label?: (call: Call) => string;
  /** Whether a call has a draft not yet saved: its option says so (issue 15). */
  hasDraft?: (callId: Call['id']) => boolean;
}

/** A native select: every browser and screen reader knows it, and the list is short. */
export function CallPicker({ calls, selectedId, onSelect, contacts, label, hasDraft }: CallPickerProps) {
  const nameOf = (call: Call) => (label ? label(call) : callLabel(call, { contacts }));
  const shown = (call: Call) => (hasDraft?.(call.id) ? i18n.t('draftMark.option', [nameOf(call)]) : nameOf(call));
  const selected = calls.find((call) => call.id === selectedId);
  // A lead may have 500 calls (issue 14): the options are built again only when what they say
  // changes, not on every step from call to call. (In Calls to log the labels come from the
  // queue, which is loaded together with its calls.)
  const drafted = hasDraft ? calls.filter((call) => hasDraft(call.id)).map((call) => call.id).join() : '';
  const options = useMemo(
    () =>
      calls.map((call) => (
        <option key={call.id} value={call.id}>
          {shown(call)}
        </option>
      )),
    [calls, contacts, drafted, !label],
  );
  return (
    <div class="field">
      <label class="label" for="quick-edit-call">
        {i18n.t('callPicker.label')}
      </label>
      {/* The whole option, wrapping (pickers.css .select-whole; issue 15). */}
      <div class="select-whole">
        <select
          id="quick-edit-call"
          value={selectedId}
          onChange={(e) => {
            // A page script can set our select's value and fire change: it changes nothing (SECURITY.md).
            if (e.isTrusted) onSelect(e.currentTarget.value as Call['id']);
            else e.currentTarget.value = selectedId;
          }}
        >
          {options}
        </select>
        <span class="select-shown" aria-hidden="true">
          {selected ? shown(selected) : ''}
        </span>
      </div>
    </div>
  );
}
