import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  checkTemplate,
  DEFAULT_PANEL_POSITION,
  settings,
  TEMPLATE_BODY_MAX,
  TEMPLATE_NAME_MAX,
  TEMPLATES_MAX,
  TemplateSchema,
  type Template,
} from './settings';

beforeEach(() => fakeBrowser.reset());

describe('settings', () => {
  it('defaults: no templates, auto-open off, panel bottom-right', async () => {
    expect(await settings.templates.get()).toEqual([]);
    expect(await settings.autoOpen.get()).toBe(false);
    expect(await settings.panelPosition.get()).toEqual(DEFAULT_PANEL_POSITION);
  });

  it('round-trips valid values and stores them under their keys', async () => {
    await settings.templates.set([{ id: 't1', name: 'Voicemail', body: 'Left a voicemail.' }]);
    await settings.panelPosition.set({ kind: 'free', left: 10, top: 20 });
    expect(await settings.templates.get()).toEqual([{ id: 't1', name: 'Voicemail', body: 'Left a voicemail.' }]);
    expect(await settings.panelPosition.get()).toEqual({ kind: 'free', left: 10, top: 20 });
    const raw = await fakeBrowser.storage.local.get(null);
    expect(raw['settings.templates']).toHaveLength(1);
    expect(raw['settings.panelPosition']).toEqual({ kind: 'free', left: 10, top: 20 });
  });

  it('falls back to the default when what is stored is damaged', async () => {
    await fakeBrowser.storage.local.set({ 'settings.autoOpen': 'yes', 'settings.templates': [{ id: 1 }] });
    await fakeBrowser.storage.local.set({ 'settings.panelPosition': { kind: 'free', left: 'x' } });
    expect(await settings.autoOpen.get()).toBe(false);
    expect(await settings.templates.get()).toEqual([]);
    expect(await settings.panelPosition.get()).toEqual(DEFAULT_PANEL_POSITION);
  });

  it('refuses to store an invalid value', async () => {
    await expect(settings.templates.set([{ id: '', name: '', body: '' }])).rejects.toThrow();
    expect(await settings.templates.get()).toEqual([]);
  });
});

describe('checkTemplate', () => {
  const voicemail: Template = { id: 'v', name: 'Voicemail', body: 'Left a voicemail.' };
  const t = (name: string, body = '', id = 'n'): Template => ({ id, name, body });

  it('accepts what the schema accepts, up to the limits', () => {
    for (const ok of [t('A'), t('x'.repeat(TEMPLATE_NAME_MAX), 'y'.repeat(TEMPLATE_BODY_MAX))]) {
      expect(checkTemplate(ok, [voicemail])).toBeUndefined();
      expect(TemplateSchema.safeParse(ok).success).toBe(true);
    }
  });

  it('names what is wrong: empty or too-long name, too-long text, a name taken, a full list', () => {
    expect(checkTemplate(t(''), [])).toEqual({ kind: 'nameEmpty' });
    expect(checkTemplate(t('x'.repeat(TEMPLATE_NAME_MAX + 1)), [])).toEqual({ kind: 'nameTooLong', length: TEMPLATE_NAME_MAX + 1 });
    expect(checkTemplate(t('A', 'y'.repeat(TEMPLATE_BODY_MAX + 1)), [])).toEqual({ kind: 'bodyTooLong', length: TEMPLATE_BODY_MAX + 1 });
    expect(checkTemplate(t('voiceMAIL'), [voicemail])).toEqual({ kind: 'duplicate', name: 'Voicemail' });
    const full = Array.from({ length: TEMPLATES_MAX }, (_, i) => t(`T${i}`, '', `id${i}`));
    expect(checkTemplate(t('New'), full)).toEqual({ kind: 'tooMany' });
  });

  it('lets a template keep its own name and be edited in a full list', () => {
    expect(checkTemplate({ ...voicemail, body: 'changed' }, [voicemail])).toBeUndefined();
    const full = [voicemail, ...Array.from({ length: TEMPLATES_MAX - 1 }, (_, i) => t(`T${i}`, '', `id${i}`))];
    expect(checkTemplate({ ...voicemail, name: 'Renamed' }, full)).toBeUndefined();
  });
});

describe('watch', () => {
  it('hears a change parsed, and the default when the value is removed or damaged', async () => {
    const heard: unknown[] = [];
    const unwatch = settings.panelPosition.watch((value) => heard.push(value));
    await settings.panelPosition.set({ kind: 'dock', corner: 'top-left' });
    await fakeBrowser.storage.local.set({ 'settings.panelPosition': { kind: 'free' } });
    await settings.panelPosition.reset();
    unwatch();
    await settings.panelPosition.set({ kind: 'dock', corner: 'top-right' });
    expect(heard).toEqual([{ kind: 'dock', corner: 'top-left' }, DEFAULT_PANEL_POSITION, DEFAULT_PANEL_POSITION]);
  });
});
