// `npm start`: the built extension in Chromium against the embedded Close stand-in, on a demo
// lead page, with the panel open. Headed where there is a display; otherwise it says so and
// writes a screenshot of the open panel instead.
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { connectThroughPopup } from './connect-popup.mjs';
import { ensureNodeModules } from './deps.mjs';
import { QUIET_FLAGS, ensureChromium, sandboxFlags, standInFlags } from './chromium.mjs';

ensureNodeModules();
const executablePath = ensureChromium();
console.log('Building the production extension…');
execSync('npx wxt build', { stdio: 'inherit' });

// Imported only now: they come from the packages ensureNodeModules() just installed.
const { chromium } = await import('playwright-core');
const { createCloseStandIn, startStandInServer, DEMO, seedDemoData } = await import('../test/close-stand-in/index.mjs');

// Close as it really is (issue 14): a lead with 250 calls, a call in progress, a German feed.
const standIn = createCloseStandIn({ data: seedDemoData({ closeAsItIs: true, callsToLog: true }) });
// Hooli's call ends a minute in; Close then writes its note template and its AI outcome by itself.
const HANG_UP_AFTER_MS = 60_000;
setTimeout(() => standIn.closeWrites.hangUp(DEMO.closeAsItIs.liveCalls.inProgress.id, DEMO.closeAsItIs.hangUp), HANG_UP_AFTER_MS).unref();
const server = await startStandInServer({ standIn, port: 0 });
const extension = resolve('.output/chrome-mv3');
const headed = process.platform === 'darwin' || process.platform === 'win32' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
const profile = mkdtempSync(join(tmpdir(), 'close-quick-edit-demo-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: !headed,
  viewport: headed ? null : { width: 1280, height: 800 },
  args: [
    `--disable-extensions-except=${extension}`,
    `--load-extension=${extension}`,
    ...QUIET_FLAGS,
    ...sandboxFlags(),
    ...standInFlags(server.port),
  ],
});

const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;

// Connect the demo key through the popup, exactly as a rep would.
await connectThroughPopup(context, extensionId, DEMO.apiKey);

const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`https://app.close.com/lead/${DEMO.leads.acme.id}/`);
await page.getByRole('button', { name: 'Quick edit call' }).click();
await page.getByRole('dialog', { name: /call/i }).getByLabel('Note').waitFor();

console.log(`
Close stand-in: app.close.com and api.close.com are mapped to 127.0.0.1:${server.port} in this browser only.
Demo API key (to try the popup): ${DEMO.apiKey}
Demo leads: ${Object.values(DEMO.leads).map((l) => `https://app.close.com/lead/${l.id}/`).join('\n            ')}
Close as it really is: ${DEMO.closeAsItIs.busyLead.display_name} (250 calls), ${DEMO.closeAsItIs.germanLead.display_name} (a German feed),
  ${DEMO.closeAsItIs.liveLead.display_name} (a call in progress; Close hangs it up a minute in, then writes a note template at
  +${DEMO.closeAsItIs.hangUp.templateAfterMs / 1000} s and picks an outcome at +${DEMO.closeAsItIs.hangUp.aiOutcomeAfterMs / 1000} s), all in the sidebar.
Keyboard: Alt+Shift+K opens the panel, Ctrl/Cmd+Enter saves, Ctrl/Cmd+Shift+Enter saves and goes to the next
call without an outcome, Esc closes; press ? in the panel (outside the note) for every shortcut.`);

async function shutDown(code = 0) {
  await context.close().catch(() => undefined);
  await server.close();
  rmSync(profile, { recursive: true, force: true });
  process.exit(code);
}

if (headed) {
  console.log('\nChromium is open with the panel on a demo lead page. Close the browser (or press Ctrl+C) to stop.');
  context.on('close', () => void shutDown());
  process.on('SIGINT', () => void shutDown());
} else {
  const file = resolve(process.env.DEMO_SCREENSHOT ?? 'demo-panel.png');
  await page.screenshot({ path: file });
  console.log(`\nNo display here (DISPLAY is not set), so Chromium ran headless.\nScreenshot of the open panel: ${file}`);
  await shutDown();
}
