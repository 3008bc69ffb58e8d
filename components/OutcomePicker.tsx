import { i18n } from '#i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Outcome } from '@/utils/close/schemas';
import { trusted } from '@/utils/panel/trusted';
import { shortcutNumberOf } from '@/utils/outcome-shortcut';
import { revealOption, useListRoom } from './use-list-room';

interface OutcomePickerProps {
  outcomes: Outcome[];
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
}

/** One line of the list: "No outcome", a deleted outcome still on the call, or an outcome of the org. */
interface Choice {
  value: string | null;
  name: string;
  description?: string | null;
  /** N of Alt+N, for the first nine outcomes. */
  shortcut?: number;
}

const INPUT_ID = 'quick-edit-outcome';
const LIST_ID = 'quick-edit-outcome-list';
const HINT_ID = 'quick-edit-outcome-hint';
const ERROR_ID = 'quick-edit-outcome-error';
const optionId = (index: number) => `quick-edit-outcome-option-${index}`;

/** Case- and accent-insensitive form of a name, for "filter as you type" ("resume" finds "Résumé sent"). */
export const foldForSearch = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase();

function choicesOf(outcomes: Outcome[], value: string | null): Choice[] {
  const unknown = value !== null && !outcomes.some((o) => o.id === value);
  return [
    { value: null, name: i18n.t('outcome.none') },
    // A deleted outcome's id stays on the call: show it, never drop it silently (UI-CONTRACT.md).
    ...(unknown ? [{ value, name: i18n.t('outcome.unknown'), description: i18n.t('outcome.unknownDescription') }] : []),
    ...outcomes.map((o, index) => ({ value: o.id, name: o.name, description: o.description, shortcut: shortcutNumberOf(index) })),
  ];
}

/**
 * The Outcome field: an editable combobox with a list that filters as you type (WAI-ARIA 1.2
 * combobox pattern, list autocomplete with manual selection). Focus stays in the text box; the
 * highlighted option is announced through aria-activedescendant. The value changes only when the
 * rep picks an option with a real Enter or click (a page script can reach our open shadow root,
 * SECURITY.md), and only through onChange: nothing is saved from here.
 */
export function OutcomePicker({ outcomes, value, onChange, error }: OutcomePickerProps) {
  const [open, setOpen] = useState(false);
  /** What the rep typed; null while the box shows the current value's name. */
  const [query, setQuery] = useState<string | null>(null);
  /** The highlighted option's index in the shown list, -1 for none. */
  const [active, setActive] = useState(-1);
  const listRef = useRef<HTMLUListElement>(null);
  const fieldRef = useRef<HTMLInputElement>(null);
  const popupRef = useRef<HTMLDivElement>(null);
  // Focus selects the name, so typing replaces it; the click that focused must not undo that (issue 15).
  const justFocused = useRef(false);

  const choices = choicesOf(outcomes, value);
  const current = choices.find((c) => c.value === value) ?? choices[0]!;
  const shown = query ? choices.filter((c) => foldForSearch(c.name).includes(foldForSearch(query))) : choices;
  // With nothing matching, the list is not shown: "No matches" is said below the field instead.
  const expanded = open && shown.length > 0;
  const highlighted = expanded ? shown[active] : undefined;
  const described = highlighted ?? current;

  // A value set from outside (another call, a restored draft, a save) replaces what was typed.
  useEffect(() => {
    setQuery(null);
    setOpen(false);
  }, [value]);

  // Upward when there is more room above; held to the room it has (issue 15).
  useListRoom(fieldRef, popupRef, expanded, shown.length);
  useEffect(() => {
    const option = expanded && active >= 0 ? listRef.current?.querySelector<HTMLElement>(`#${optionId(active)}`) : undefined;
    if (option && popupRef.current) revealOption(popupRef.current, option);
  }, [expanded, active]);

  function close() {
    setOpen(false);
    setActive(-1);
    setQuery(null);
  }

  function pick(choice: Choice) {
    close();
    if (choice.value !== value) onChange(choice.value);
  }

  /** Opens the list with the current value highlighted (or the first option when it is filtered out). */
  function openAt(index?: number) {
    setOpen(true);
    const here = shown.findIndex((c) => c.value === value);
    setActive(index ?? (here >= 0 ? here : 0));
  }

  function onKeyDown(event: KeyboardEvent) {
    // A page script's key events neither move nor pick; Ctrl/Cmd+… belongs to the panel (Ctrl+Enter saves).
    if (!event.isTrusted || event.ctrlKey || event.metaKey) return;
    const last = shown.length - 1;
    switch (event.key) {
      case 'ArrowDown':
        // Arrows are the list's here, Alt+Down included (the panel uses Alt+arrows elsewhere for calls).
        event.preventDefault();
        event.stopPropagation();
        if (event.altKey) {
          if (!open) {
            setOpen(true);
            setActive(-1);
          }
        } else if (!open) openAt();
        else setActive(Math.min(active + 1, last));
        return;
      case 'ArrowUp':
        if (event.altKey) {
          // Alt+Up closes an open list without picking; on a closed one it is the panel's.
          if (!open) return;
          event.preventDefault();
          event.stopPropagation();
          close();
          return;
        }
        event.preventDefault();
        event.stopPropagation();
        if (!open) openAt(query ? last : undefined);
        else setActive(active <= 0 ? (active < 0 ? last : 0) : active - 1);
        return;
      case 'Enter': {
        if (!open) return;
        event.preventDefault();
        // What the rep typed and confirmed is picked: the highlighted option, else the first (or
        // only) match. With no match nothing is picked, and "No matches" stays in view.
        const choice = highlighted ?? (query ? shown[0] : undefined);
        if (choice) pick(choice);
        else if (!query) close();
        return;
      }
      case 'Escape':
        // With the list open, Esc closes the list only; with it closed, it closes the panel.
        if (!open) return;
        event.preventDefault();
        event.stopPropagation();
        close();
        return;
      case 'Tab': {
        // A name typed in full that only one outcome has is taken on Tab too (issue 15).
        const exact = query ? shown.filter((c) => foldForSearch(c.name) === foldForSearch(query.trim())) : [];
        if (exact.length === 1) pick(exact[0]!);
        else close();
        return;
      }
    }
  }

  const describedBy = [described.description ? HINT_ID : '', error ? ERROR_ID : ''].filter(Boolean).join(' ');

  return (
    <div class="field combobox-field">
      <label class="label" for={INPUT_ID}>
        {i18n.t('outcome.label')}
      </label>
      <div class="combobox">
        <input
          ref={fieldRef}
          id={INPUT_ID}
          type="text"
          role="combobox"
          autocomplete="off"
          spellcheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded ? 'true' : 'false'}
          aria-controls={LIST_ID}
          aria-activedescendant={highlighted ? optionId(active) : undefined}
          aria-describedby={describedBy || undefined}
          aria-invalid={error ? 'true' : undefined}
          data-value={value ?? ''}
          value={query ?? current.name}
          onInput={(e) => {
            const typed = e.currentTarget.value;
            setQuery(typed);
            setOpen(true);
            // The first match is highlighted as the rep types, as the Templates menu does; Enter takes it.
            setActive(typed ? 0 : -1);
          }}
          onFocus={(e) => {
            e.currentTarget.select();
            justFocused.current = true;
          }}
          onMouseUp={(e) => {
            if (justFocused.current) e.preventDefault();
            justFocused.current = false;
          }}
          onKeyDown={onKeyDown}
          onClick={() => !open && openAt()}
          onBlur={close}
        />
        <div
          ref={popupRef}
          class="combobox-popup"
          hidden={!expanded}
          // A press on the list, its scrollbar included, leaves the focus in the field, so the
          // list does not close before a click picks.
          onMouseDown={(e) => e.preventDefault()}
        >
          <ul id={LIST_ID} ref={listRef} role="listbox" aria-label={i18n.t('outcome.suggestions')}>
            {shown.map((choice, index) => (
              // Named by its text, not aria-labelledby: the option "No outcome" must not be one more
              // element "labelled Outcome" (getByLabel), only the combobox is.
              <li
                key={choice.value ?? ''}
                id={optionId(index)}
                role="option"
                // Focusable by script only (never by Tab, never focused: the arrows work from the field and
                // scroll the list): how a scrolling list's options are reachable (axe scrollable-region-focusable).
                tabIndex={-1}
                aria-selected={index === active ? 'true' : 'false'}
                aria-describedby={
                  [choice.description ? `${optionId(index)}-description` : '', choice.shortcut ? `${optionId(index)}-key` : '']
                    .filter(Boolean)
                    .join(' ') || undefined
                }
                class={`combobox-option${index === active ? ' active' : ''}${choice.value === value ? ' current' : ''}`}
                onMouseMove={() => index !== active && setActive(index)}
                onClick={trusted(() => pick(choice))}
              >
                <span class="combobox-check" aria-hidden="true">
                  {choice.value === value ? '✓' : ''}
                </span>
                <span class="combobox-text">
                  <span class="combobox-name">
                    {choice.name}
                  </span>
                  {choice.description && (
                    // Out of the option's name (a description, referenced below), so the name is the outcome's alone.
                    <span id={`${optionId(index)}-description`} class="combobox-description" aria-hidden="true">
                      {choice.description}
                    </span>
                  )}
                </span>
                {choice.shortcut && (
                  <>
                    <kbd class="combobox-key" aria-hidden="true">
                      {i18n.t('outcome.shortcut', [choice.shortcut])}
                    </kbd>
                    <span id={`${optionId(index)}-key`} hidden>
                      {i18n.t('outcome.shortcutDescription', [choice.shortcut])}
                    </span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
        {/* Always there, so that screen readers announce it when it fills. */}
        <p class="combobox-empty" aria-live="polite">
          {open && shown.length === 0 ? i18n.t('outcome.noMatches') : ''}
        </p>
      </div>
      {described.description && (
        <span id={HINT_ID} class="hint">
          {described.description}
        </span>
      )}
      {error && (
        <span id={ERROR_ID} class="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
