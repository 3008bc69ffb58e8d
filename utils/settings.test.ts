import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PANEL_POSITION, settings } from './settings';

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
