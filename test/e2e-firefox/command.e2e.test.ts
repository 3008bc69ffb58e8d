import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { startFirefoxHarness, type FirefoxHarness } from './harness';
import { PANEL, count, find, isFocused, valueOf } from './ui';
import { canPressRealKeys, startVirtualDisplay } from './virtual-display';

// The manifest's real shortcut, pressed as a rep presses it: WebDriver BiDi's key input stays
// inside the page and never reaches Firefox's shortcut handling, so Firefox runs headed on a
// virtual X display and xdotool sends the keys through the X server.
let display: Awaited<ReturnType<typeof startVirtualDisplay>> | undefined;
let harness: FirefoxHarness;

beforeAll(async () => {
  if (!canPressRealKeys) return;
  display = await startVirtualDisplay();
  harness = await startFirefoxHarness({ display: display.display });
  await harness.connect();
});
afterAll(async () => {
  await harness?.close();
  display?.stop();
});

type Command = { name: string; shortcut?: string; description?: string };

test.skipIf(!canPressRealKeys)('Firefox registered exactly one command, on Alt+Shift+K', async () => {
  const page = await harness.openExtensionPage('popup.html');
  const commands = await page.evaluate(() =>
    (globalThis as unknown as { browser: { commands: { getAll(): Promise<Command[]> } } }).browser.commands.getAll(),
  );
  await page.close();
  expect(commands).toHaveLength(1);
  expect(commands[0]).toMatchObject({ name: 'open-quick-edit', shortcut: 'Alt+Shift+K' });
  expect(commands[0]?.description).toMatch(/panel/);
});

test.skipIf(!canPressRealKeys)('pressing Alt+Shift+K on a lead page opens the panel with focus in the note', async () => {
  const page = await harness.leadPage(DEMO.leads.globex.id);
  await find(page, PANEL.launcher);
  await page.bringToFront();
  await (await find(page, 'h1')).click(); // focus the page, as a rep would be
  expect(await count(page, PANEL.dialog)).toBe(0);

  const key = spawnSync('xdotool', ['key', '--clearmodifiers', 'alt+shift+k'], {
    env: { ...process.env, DISPLAY: display!.display },
  });
  expect(key.status).toBe(0);
  await expect.poll(() => valueOf(page, PANEL.note)).toBe(DEMO.calls.globexPlainNote.note);
  await expect.poll(() => isFocused(page, PANEL.note)).toBe(true);

  // Typing in the panel never reaches Close's own shortcuts.
  await page.evaluate(() => {
    (window as unknown as { pageKeys: string[] }).pageKeys = [];
    document.addEventListener('keydown', (e) => (window as unknown as { pageKeys: string[] }).pageKeys.push(e.key));
  });
  await page.keyboard.type('cgk');
  await expect.poll(() => valueOf(page, PANEL.note)).toBe(`${DEMO.calls.globexPlainNote.note}cgk`);
  expect(await page.evaluate(() => (window as unknown as { pageKeys: string[] }).pageKeys)).toEqual([]);

  await page.keyboard.press('Escape');
  await expect.poll(() => count(page, PANEL.dialog)).toBe(0);
  await page.close();
});
