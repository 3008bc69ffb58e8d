import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Outcome } from '@/utils/close/schemas';
import { makeOutcome, outcomeId } from '../test/unit/helpers';
import { useLocale } from '../test/unit/i18n-setup';
import { OutcomePicker, foldForSearch } from './OutcomePicker';

const INTERESTED = makeOutcome(1, { name: 'Interested', description: 'Wants a follow-up call.' });
const NOT_INTERESTED = makeOutcome(2, { name: 'Not interested' });
const RESUME = makeOutcome(3, { name: 'Résumé sent', description: null });
const MEETING = makeOutcome(4, { name: 'Meeting booked', description: 'A meeting is in the calendar.' });
const OUTCOMES = [INTERESTED, NOT_INTERESTED, RESUME, MEETING];
const DELETED = outcomeId(99);

let root: HTMLElement;
/** What reached the panel around the picker: key presses that bubbled out, and onChange values. */
let bubbled: string[];
let changes: (string | null)[];

beforeEach(() => {
  root = document.createElement('div');
  document.body.replaceChildren(root);
  bubbled = [];
  changes = [];
  root.addEventListener('keydown', (e) => bubbled.push(e.key));
});
afterEach(() => {
  act(() => render(null, root));
});

/** The panel's side: it owns the value and changes it only from onChange. */
function Panel({ outcomes, initial, error }: { outcomes: Outcome[]; initial: string | null; error?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <OutcomePicker
      outcomes={outcomes}
      value={value}
      error={error}
      onChange={(id) => {
        changes.push(id);
        setValue(id);
      }}
    />
  );
}

function mount(initial: string | null = null, { outcomes = OUTCOMES, error }: { outcomes?: Outcome[]; error?: string } = {}) {
  act(() => render(<Panel outcomes={outcomes} initial={initial} error={error} />, root));
  const input = root.querySelector<HTMLInputElement>('#quick-edit-outcome')!;
  act(() => input.focus());
  return input;
}

/** A key press as a person makes it (trusted), or as a page script would (`trusted: false`). */
function press(target: Element, key: string, init: KeyboardEventInit = {}, trusted = true) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true, ...init });
  Object.defineProperty(event, 'isTrusted', { value: trusted });
  act(() => void target.dispatchEvent(event));
  return event;
}

function click(target: Element, trusted = true) {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: trusted });
  act(() => void target.dispatchEvent(event));
}

function type(input: HTMLInputElement, text: string) {
  input.value = text;
  act(() => void input.dispatchEvent(new Event('input', { bubbles: true })));
}

const listbox = () => root.querySelector<HTMLElement>('[role="listbox"]')!;
const options = () => [...root.querySelectorAll<HTMLElement>('[role="option"]')];
const optionNames = () => options().map((o) => o.querySelector('.combobox-name')!.textContent);
const isShown = () => !root.querySelector<HTMLElement>('.combobox-popup')!.hidden;
const activeOption = (input: HTMLInputElement) => {
  const id = input.getAttribute('aria-activedescendant');
  return id ? root.querySelector<HTMLElement>(`#${id}`) : null;
};
const activeName = (input: HTMLInputElement) => activeOption(input)?.querySelector('.combobox-name')?.textContent;
/** The text of the elements an aria-describedby names. */
const describedBy = (element: Element) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => root.querySelector(`#${id}`)?.textContent);

/** An option's name from its content: its text without aria-hidden or hidden parts. */
function accessibleText(element: Element): string {
  return [...element.childNodes]
    .map((node) => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
      if (!(node instanceof HTMLElement) || node.hidden || node.getAttribute('aria-hidden') === 'true') return '';
      return accessibleText(node);
    })
    .join('')
    .trim();
}

describe('the Outcome combobox', () => {
  it('is an editable combobox labelled Outcome that controls a listbox, closed at first', () => {
    const input = mount();
    expect(input.getAttribute('role')).toBe('combobox');
    expect(input.tagName).toBe('INPUT');
    expect(input.getAttribute('aria-autocomplete')).toBe('list');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.hasAttribute('aria-activedescendant')).toBe(false);
    expect(root.querySelector('label[for="quick-edit-outcome"]')?.textContent).toBe('Outcome');
    expect(input.getAttribute('aria-controls')).toBe(listbox().id);
    expect(listbox().getAttribute('role')).toBe('listbox');
    expect(isShown()).toBe(false);
    expect(input.value).toBe('No outcome');
  });

  it('lists "No outcome" first, then the org’s outcomes in order, the current one marked', () => {
    const input = mount(MEETING.id);
    expect(input.value).toBe('Meeting booked');
    press(input, 'ArrowDown');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(isShown()).toBe(true);
    expect(optionNames()).toEqual(['No outcome', 'Interested', 'Not interested', 'Résumé sent', 'Meeting booked']);
    // Down opens with the current value highlighted
    expect(activeName(input)).toBe('Meeting booked');
    expect(activeOption(input)!.getAttribute('aria-selected')).toBe('true');
    expect(options().filter((o) => o.getAttribute('aria-selected') === 'true')).toHaveLength(1);
    expect(options().find((o) => o.classList.contains('current'))?.textContent).toContain('Meeting booked');
    // options are never tab stops: the arrows work from the field
    expect(options().every((o) => o.tabIndex === -1)).toBe(true);
  });

  it('shows Alt+1…9 next to the first nine outcomes (not "No outcome"), and says it in each option’s description', () => {
    const many = Array.from({ length: 11 }, (_, i) => makeOutcome(i + 1));
    const input = mount(null, { outcomes: many });
    press(input, 'ArrowDown');
    const keys = options().map((o) => o.querySelector('kbd')?.textContent ?? null);
    expect(keys).toEqual([null, 'Alt+1', 'Alt+2', 'Alt+3', 'Alt+4', 'Alt+5', 'Alt+6', 'Alt+7', 'Alt+8', 'Alt+9', null, null]);
    expect(options()[1]!.querySelector('kbd')!.getAttribute('aria-hidden')).toBe('true');
    expect(describedBy(options()[1]!)).toContain('Shortcut Alt+1');
    expect(describedBy(options()[10]!)).toEqual([]);
  });

  it('filters as you type, ignoring case and accents, and says "No matches" when nothing matches', () => {
    const input = mount();
    type(input, 'INTER');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(optionNames()).toEqual(['Interested', 'Not interested']);
    expect(activeName(input)).toBe('Interested'); // the first match, as the rep types (issue 15)
    type(input, 'resume');
    expect(optionNames()).toEqual(['Résumé sent']);
    type(input, 'no');
    expect(optionNames()).toEqual(['No outcome', 'Not interested']);
    expect(root.querySelector('.combobox-empty')!.textContent).toBe('');
    type(input, 'zzz');
    expect(options()).toHaveLength(0);
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector('.combobox-empty')!.textContent).toBe('No matches');
    expect(root.querySelector('.combobox-empty')!.getAttribute('aria-live')).toBe('polite');
    type(input, '');
    expect(options()).toHaveLength(5);
    expect(changes).toEqual([]); // typing picks nothing
  });

  it('Down/Up move the highlight, Enter picks it and closes', () => {
    const input = mount();
    type(input, 'interest');
    expect(activeName(input)).toBe('Interested');
    press(input, 'ArrowDown');
    expect(activeName(input)).toBe('Not interested');
    press(input, 'ArrowDown'); // stays on the last
    expect(activeName(input)).toBe('Not interested');
    press(input, 'ArrowUp');
    expect(activeName(input)).toBe('Interested');
    press(input, 'ArrowUp'); // stays on the first
    expect(activeName(input)).toBe('Interested');
    press(input, 'ArrowDown');
    const enter = press(input, 'Enter');
    expect(enter.defaultPrevented).toBe(true);
    expect(changes).toEqual([NOT_INTERESTED.id]);
    expect(input.value).toBe('Not interested');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.hasAttribute('aria-activedescendant')).toBe(false);
    expect(isShown()).toBe(false);
  });

  it('typed and confirmed with Enter, without ↓: the first (or only) match is picked', () => {
    const input = mount();
    type(input, 'resume');
    press(input, 'Enter');
    expect(changes).toEqual([RESUME.id]);
    expect(input.value).toBe('Résumé sent');
    type(input, 'inter');
    press(input, 'Enter');
    expect(changes).toEqual([RESUME.id, INTERESTED.id]);
  });

  it('highlights the first match as the rep types (issue 15)', () => {
    const input = mount();
    type(input, 'inter');
    expect(activeName(input)).toBe('Interested');
    type(input, '');
    expect(input.getAttribute('aria-activedescendant')).toBeNull();
  });

  it('a name typed in full that one outcome has is taken on Tab; a part of one is not (issue 15)', () => {
    const input = mount();
    type(input, 'interested');
    press(input, 'Tab');
    expect(changes).toEqual([INTERESTED.id]);
    type(input, 'inter');
    press(input, 'Tab');
    expect(changes).toEqual([INTERESTED.id]);
  });

  it('focusing the field selects its text, so typing replaces it (issue 15)', () => {
    const input = mount(INTERESTED.id);
    act(() => void input.dispatchEvent(new FocusEvent('focus')));
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, 'Interested'.length]);
  });

  it('typed with no match and Enter: nothing is picked, and "No matches" stays', () => {
    const input = mount(INTERESTED.id);
    type(input, 'zzz');
    const enter = press(input, 'Enter');
    expect(enter.defaultPrevented).toBe(true);
    expect(changes).toEqual([]);
    expect(input.value).toBe('zzz');
    expect(root.querySelector('.combobox-empty')!.textContent).toBe('No matches');
  });

  it('Up on a closed list opens it; Enter on a closed list does nothing', () => {
    const input = mount(INTERESTED.id);
    press(input, 'Enter');
    expect(changes).toEqual([]);
    press(input, 'ArrowUp');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(activeName(input)).toBe('Interested');
  });

  it('Alt+Down opens the list without highlighting anything; Alt+Up closes it, and is the panel’s when closed', () => {
    const input = mount(INTERESTED.id);
    press(input, 'ArrowUp', { altKey: true });
    expect(bubbled).toEqual(['ArrowUp']); // closed: the panel may use Alt+Up
    press(input, 'ArrowDown', { altKey: true });
    expect(bubbled).toEqual(['ArrowUp']); // Alt+Down stays in the field
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(input.hasAttribute('aria-activedescendant')).toBe(false);
    press(input, 'ArrowUp', { altKey: true });
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(bubbled).toEqual(['ArrowUp']);
    press(input, 'ArrowDown', { altKey: true });
    press(input, 'Enter'); // nothing highlighted: closes, picks nothing
    expect(changes).toEqual([]);
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.value).toBe('Interested');
  });

  it('"No outcome" clears the value (null)', () => {
    const input = mount(MEETING.id);
    type(input, 'no out');
    press(input, 'ArrowDown');
    expect(activeName(input)).toBe('No outcome');
    press(input, 'Enter');
    expect(changes).toEqual([null]);
    expect(input.value).toBe('No outcome');
    expect(input.dataset.value).toBe('');
  });

  it('Escape with the list open closes the list only, and stops there; with it closed it reaches the panel', () => {
    const input = mount(INTERESTED.id);
    type(input, 'meet');
    const first = press(input, 'Escape');
    expect(first.defaultPrevented).toBe(true);
    expect(bubbled).toEqual([]);
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.value).toBe('Interested'); // what was typed is dropped
    expect(changes).toEqual([]);
    press(input, 'Escape');
    expect(bubbled).toEqual(['Escape']);
  });

  it('Escape after typing something that matches nothing still closes only the suggestions', () => {
    const input = mount();
    type(input, 'zzz');
    press(input, 'Escape');
    expect(bubbled).toEqual([]);
    expect(input.value).toBe('No outcome');
  });

  it('Tab picks nothing new and closes; leaving the field puts the current name back', () => {
    const input = mount(INTERESTED.id);
    type(input, 'meet');
    press(input, 'ArrowDown');
    expect(activeName(input)).toBe('Meeting booked');
    const tab = press(input, 'Tab');
    expect(tab.defaultPrevented).toBe(false); // focus moves on as usual
    expect(changes).toEqual([]);
    expect(input.getAttribute('aria-expanded')).toBe('false');
    type(input, 'not');
    act(() => input.blur());
    expect(input.value).toBe('Interested');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(changes).toEqual([]);
  });

  it('a click on an option picks it; a click on the field opens the list', () => {
    const input = mount();
    click(input);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const meeting = options().find((o) => o.textContent?.includes('Meeting booked'))!;
    click(meeting);
    expect(changes).toEqual([MEETING.id]);
    expect(input.value).toBe('Meeting booked');
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  it('a page script’s key presses and clicks change nothing (untrusted events)', () => {
    const input = mount(INTERESTED.id);
    press(input, 'ArrowDown', {}, false);
    expect(input.getAttribute('aria-expanded')).toBe('false');
    press(input, 'ArrowDown');
    press(input, 'ArrowDown');
    expect(activeName(input)).toBe('Not interested');
    press(input, 'Enter', {}, false);
    expect(changes).toEqual([]);
    const option = options().find((o) => o.textContent?.includes('Meeting booked'))!;
    click(option, false);
    expect(changes).toEqual([]);
    expect(input.value).toBe('Interested');
  });

  it('leaves Ctrl/Cmd+Enter to the panel (save), even with the list open', () => {
    const input = mount();
    press(input, 'ArrowDown');
    const save = press(input, 'Enter', { ctrlKey: true });
    expect(save.defaultPrevented).toBe(false);
    expect(bubbled).toContain('Enter');
    expect(changes).toEqual([]);
  });

  it('an outcome id no longer in the list is kept and shown as "Unknown outcome", with why', () => {
    const input = mount(DELETED);
    expect(input.value).toBe('Unknown outcome');
    expect(input.dataset.value).toBe(DELETED);
    expect(describedBy(input).join(' ')).toMatch(/no longer in your organisation’s list/);
    press(input, 'ArrowDown');
    expect(optionNames()).toEqual(['No outcome', 'Unknown outcome', 'Interested', 'Not interested', 'Résumé sent', 'Meeting booked']);
    expect(activeName(input)).toBe('Unknown outcome');
    press(input, 'Enter'); // picking it again changes nothing
    expect(changes).toEqual([]);
    // The Alt+N numbers count the org's outcomes only
    expect(options()[2]!.querySelector('kbd')?.textContent).toBe('Alt+1');
  });

  it('shows the description of the current outcome, and of the highlighted one, referenced by aria-describedby', () => {
    const input = mount(INTERESTED.id);
    expect(describedBy(input)).toEqual(['Wants a follow-up call.']);
    expect(root.querySelector('.hint')?.textContent).toBe('Wants a follow-up call.');
    press(input, 'ArrowDown');
    press(input, 'ArrowDown'); // Not interested: no description
    expect(activeName(input)).toBe('Not interested');
    expect(input.hasAttribute('aria-describedby')).toBe(false);
    expect(root.querySelector('.hint')).toBeNull();
    press(input, 'ArrowDown');
    press(input, 'ArrowDown'); // Meeting booked
    expect(describedBy(input)).toEqual(['A meeting is in the calendar.']);
    // the option itself carries it as its description; its name (its text less aria-hidden parts) is the outcome's alone
    const meeting = activeOption(input)!;
    expect(describedBy(meeting)).toEqual(['A meeting is in the calendar.', 'Shortcut Alt+4']);
    expect(accessibleText(meeting)).toBe('Meeting booked');
  });

  it('shows an error with aria-invalid, referenced by aria-describedby', () => {
    const input = mount(INTERESTED.id, { error: 'Object does not exist.' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(input)).toEqual(['Wants a follow-up call.', 'Object does not exist.']);
    expect(root.querySelector('.field-error')?.textContent).toBe('Object does not exist.');
  });

  it('speaks German in a German browser', () => {
    useLocale('de');
    const input = mount(DELETED);
    expect(root.querySelector('label')?.textContent).toBe('Ergebnis');
    expect(input.value).toBe('Unbekanntes Ergebnis');
    press(input, 'ArrowDown');
    expect(optionNames()[0]).toBe('Kein Ergebnis');
    type(input, 'zzz');
    expect(root.querySelector('.combobox-empty')!.textContent).toBe('Keine Treffer');
  });
});

describe('foldForSearch', () => {
  it('drops case and accents', () => {
    expect(foldForSearch('Résumé SENT')).toBe('resume sent');
    expect(foldForSearch('Über')).toBe('uber');
  });
});
