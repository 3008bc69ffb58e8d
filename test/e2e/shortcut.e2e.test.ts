import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { hasCommand } from '../../scripts/chromium.mjs';
import { startHarness, type Harness } from './harness';

// The manifest's real shortcut, pressed as a rep presses it: Chromium headed on a virtual X
// display, the key sent by xdotool. (npm test installs Xvfb and xdotool where apt-get can.)
const canRun = process.platform === 'linux' && hasCommand('Xvfb') && hasCommand('xdotool');
const DISPLAY = ':97';
let xvfb: ChildProcess | undefined;
let harness: Harness;

beforeAll(async () => {
  if (!canRun) return;
  xvfb = spawn('Xvfb', [DISPLAY, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  await new Promise((resolve) => setTimeout(resolve, 500));
  harness = await startHarness({ display: DISPLAY });
  await harness.connect();
});
afterAll(async () => {
  await harness?.close();
  xvfb?.kill();
});

test.skipIf(!canRun)('pressing Alt+Shift+K on a lead page opens the panel with focus in the note', async () => {
  const page = await harness.leadPage(DEMO.leads.globex.id);
  await page.getByRole('button', { name: 'Quick edit call' }).waitFor();
  await page.bringToFront();
  await page.getByRole('heading', { level: 1 }).click(); // focus the page, as a rep would be
  const dialog = page.getByRole('dialog', { name: /call/i });
  expect(await dialog.count()).toBe(0);
  const key = spawnSync('xdotool', ['key', '--clearmodifiers', 'alt+shift+k'], { env: { ...process.env, DISPLAY } });
  expect(key.status).toBe(0);
  await expect.poll(() => dialog.getByLabel('Note').inputValue()).toBe(DEMO.calls.globexPlainNote.note);
  await expect
    .poll(() => dialog.getByLabel('Note').evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement))
    .toBe(true);
  await page.close();
});
