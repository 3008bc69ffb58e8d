import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLocale } from '@/test/unit/i18n-setup';
import { settings, TEMPLATE_NAME_MAX } from '@/utils/settings';
import { OptionsPage } from './OptionsPage';
import { setPageLanguage } from './page-language';

// The background's answers to the connection part (components/Settings.tsx): not connected.
vi.mock('@/components/ask', () => ({
  ask: vi.fn(async (message: { type: string }) =>
    message.type === 'key.status' ? { ok: true, value: { connected: false } } : { ok: true, value: [] },
  ),
}));

let root: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  root = document.createElement('main');
  document.body.replaceChildren(root);
});
afterEach(() => render(null, root));

const settle = async () => {
  for (let i = 0; i < 5; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
};
async function show() {
  await act(() => render(<OptionsPage />, root));
  await settle();
}
/** The element a visible label names (for=… or wrapping), as a rep or screen reader finds it. */
function byLabel<T extends HTMLElement>(text: string, within: ParentNode = root): T {
  const label = [...within.querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
  if (!label) throw new Error(`no label "${text}"`);
  const control = label.htmlFor ? root.querySelector(`#${label.htmlFor}`) : label.querySelector('input, textarea, select');
  if (!control) throw new Error(`label "${text}" names nothing`);
  return control as T;
}
const button = (name: string, within: ParentNode = root) => {
  const found = [...within.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
};
async function type(field: HTMLInputElement | HTMLTextAreaElement, value: string, commit = false) {
  field.value = value;
  await act(() => void field.dispatchEvent(new Event('input', { bubbles: true })));
  if (commit) await act(() => void field.dispatchEvent(new Event('change', { bubbles: true })));
  await settle();
}
const newForm = () => root.querySelector<HTMLFormElement>('form[aria-labelledby="new-template-heading"]')!;
async function addTemplate(name: string, body: string) {
  await type(byLabel('Name', newForm()), name);
  await type(byLabel('Text', newForm()), body);
  await act(() => button('Add template').click());
  await settle();
}
const alerts = () => [...root.querySelectorAll('[role="alert"]')].map((a) => a.textContent);
const status = (testId: string) => root.querySelector(`[data-testid="${testId}"]`)!;

describe('templates', () => {
  it('adds templates, stores them in order, and says so in a status', async () => {
    await show();
    expect(root.textContent).toContain('No templates yet.');
    expect(root.textContent).toContain('type “/” at the start of a line in the Note box');
    await addTemplate('Voicemail', 'Left a voicemail.');
    await addTemplate('  Follow-up ', 'Call back next week.');
    const stored = await settings.templates.get();
    expect(stored.map(({ name, body }) => ({ name, body }))).toEqual([
      { name: 'Voicemail', body: 'Left a voicemail.' },
      { name: 'Follow-up', body: 'Call back next week.' },
    ]);
    expect(new Set(stored.map((t) => t.id)).size).toBe(2);
    expect(status('templates-status').getAttribute('role')).toBe('status');
    expect(status('templates-status').textContent).toBe('Template added');
    expect(byLabel<HTMLInputElement>('Name', newForm()).value).toBe('');
    expect([...root.querySelectorAll('ul.templates legend')].map((l) => l.textContent)).toEqual(['Voicemail', 'Follow-up']);
  });

  it('refuses an empty name, a too-long name and a duplicate in an alert tied to the field, storing nothing', async () => {
    await settings.templates.set([{ id: 't1', name: 'Voicemail', body: '' }]);
    await show();
    const name = byLabel<HTMLInputElement>('Name', newForm());
    for (const [typed, message] of [
      ['   ', 'Name: give the template a name.'],
      ['x'.repeat(TEMPLATE_NAME_MAX + 1), `Name: ${TEMPLATE_NAME_MAX + 1} characters is too long, at most ${TEMPLATE_NAME_MAX}.`],
      ['VOICEMAIL', 'Name: there is already a template called “Voicemail”.'],
    ]) {
      await type(name, typed!);
      await act(() => button('Add template').click());
      await settle();
      expect(alerts()).toEqual([message]);
      expect(name.getAttribute('aria-invalid')).toBe('true');
      const alert = root.querySelector('[role="alert"]')!;
      expect(name.getAttribute('aria-describedby')).toBe(alert.id);
      expect(document.activeElement).toBe(name);
    }
    expect(await settings.templates.get()).toEqual([{ id: 't1', name: 'Voicemail', body: '' }]);
    await type(name, 'Fine');
    await act(() => button('Add template').click());
    await settle();
    expect(alerts()).toEqual([]);
    expect(name.hasAttribute('aria-invalid')).toBe(false);
  });

  it('edits a template when the field is left, and refuses an edit that empties the name', async () => {
    await settings.templates.set([{ id: 't1', name: 'Voicemail', body: 'Left a voicemail.' }]);
    await show();
    const row = root.querySelector('ul.templates li')!;
    await type(byLabel('Text', row), 'Left a second voicemail.');
    expect((await settings.templates.get())[0]!.body).toBe('Left a voicemail.'); // not on every key
    await type(byLabel('Text', row), 'Left a second voicemail.', true);
    expect((await settings.templates.get())[0]!.body).toBe('Left a second voicemail.');
    expect(status('templates-status').textContent).toBe('Saved');

    await type(byLabel('Name', row), '', true);
    expect(alerts()).toEqual(['Name: give the template a name.']);
    expect((await settings.templates.get())[0]!.name).toBe('Voicemail');
  });

  it('moves and deletes templates', async () => {
    await settings.templates.set([
      { id: 'a', name: 'A', body: '' },
      { id: 'b', name: 'B', body: '' },
    ]);
    await show();
    expect(button('Move “A” up').getAttribute('aria-disabled')).toBe('true');
    await act(() => button('Move “A” up').click());
    await act(() => button('Move “A” down').click());
    await settle();
    expect((await settings.templates.get()).map((t) => t.id)).toEqual(['b', 'a']);
    await act(() => button('Delete template “B”').click());
    await settle();
    expect((await settings.templates.get()).map((t) => t.id)).toEqual(['a']);
    expect(status('templates-status').textContent).toBe('Template deleted');
    expect(document.activeElement?.id).toBe('templates-heading');
  });

  it('shows a change made elsewhere (another settings tab) without a reload', async () => {
    await show();
    await settings.templates.set([{ id: 'x', name: 'From elsewhere', body: '' }]);
    await settle();
    expect([...root.querySelectorAll('ul.templates legend')].map((l) => l.textContent)).toEqual(['From elsewhere']);
  });
});

describe('the panel settings', () => {
  it('turns auto-open on (off by default) and docks the panel in a chosen corner', async () => {
    await show();
    const autoOpen = byLabel<HTMLInputElement>('Open the panel automatically on a call page');
    expect(autoOpen.checked).toBe(false);
    autoOpen.click();
    await settle();
    expect(await settings.autoOpen.get()).toBe(true);
    expect(status('panel-status').textContent).toBe('Saved');

    expect(byLabel<HTMLInputElement>('Bottom right').checked).toBe(true);
    byLabel<HTMLInputElement>('Top left').click();
    await settle();
    expect(await settings.panelPosition.get()).toEqual({ kind: 'dock', corner: 'top-left' });
  });

  it('turns “Close the panel after Save” on, off by default (issue 15)', async () => {
    await show();
    const close = byLabel<HTMLInputElement>('Close the panel after Save');
    expect(close.checked).toBe(false);
    expect(await settings.closeAfterSave.get()).toBe(false);
    close.click();
    await settle();
    expect(await settings.closeAfterSave.get()).toBe(true);
    expect(status('panel-status').textContent).toBe('Saved');
    close.click();
    await settle();
    expect(await settings.closeAfterSave.get()).toBe(false);
  });

  it('says when the panel was dragged to a place of its own, and resets it to a corner', async () => {
    await show();
    await settings.panelPosition.set({ kind: 'free', left: 200, top: 120 });
    await settle();
    expect(root.textContent).toContain('You dragged the panel to a place of your own');
    expect(root.querySelectorAll('input[name=corner]:checked')).toHaveLength(0);
    await act(() => button('Reset to corner').click());
    await settle();
    expect(await settings.panelPosition.get()).toEqual({ kind: 'dock', corner: 'bottom-right' });
    expect(root.textContent).not.toContain('You dragged the panel');
    expect(byLabel<HTMLInputElement>('Bottom right').checked).toBe(true);
  });
});

describe('language', () => {
  it('renders in German when the browser UI is German, with lang and title to match', async () => {
    useLocale('de');
    setPageLanguage('Einstellungen: Quick Edit für Close');
    await show();
    expect(document.documentElement.lang).toBe('de');
    expect(root.querySelector('h1')!.textContent).toBe('Einstellungen');
    expect(root.textContent).toContain('Vorlagen');
    expect(byLabel<HTMLInputElement>('API-Schlüssel').type).toBe('password');
    button('Vorlage hinzufügen');
    byLabel('Schnellbearbeitung auf einer Seite mit Anruf automatisch öffnen');
    byLabel('Unten rechts');
    await act(() => button('Vorlage hinzufügen').click());
    await settle();
    expect(alerts()).toEqual(['Name: Geben Sie der Vorlage einen Namen.']);
    expect(root.textContent).not.toMatch(/Templates|Settings|Panel position/);
  });

  it('falls back to English for a UI language without a translation', () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('fr-FR');
    setPageLanguage('x');
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('x');
  });
});
