/**
 * One on/off setting of the settings page: a checkbox, its label, and its help (the paragraph
 * with id `${id}-help`, placed by the caller, which may put other fields between).
 */
export function CheckSetting({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange: (next: boolean) => void }) {
  return (
    <div class="check">
      <input type="checkbox" id={id} checked={checked} aria-describedby={`${id}-help`} onChange={(e) => onChange(e.currentTarget.checked)} />
      <label for={id}>{label}</label>
    </div>
  );
}
