// Figure 9 of `npm run bench` (BENCHMARKS.md): Calls to log (issue 17). The requests one refresh
// of the queue makes (cold: the listing and each lead's name; warm: names cached), and Save & next
// in the queue → the next call (another lead's) interactive, at 0 ms and at --rtt ms per answer.
import { wallClock } from './browser.mjs';

const APP = 'https://app.close.com';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** `count` calls to log of the rep, across the demo's three leads, made in the last hours. */
async function seedQueue(env, count) {
  const { DEMO, seedDemoData } = await import('../../test/close-stand-in/index.mjs');
  const data = seedDemoData({ callsToLog: true });
  const base = data.calls.get(DEMO.callsToLog.toLog[0]);
  const leads = [DEMO.leads.acme, DEMO.leads.globex, DEMO.leads.initech];
  for (let i = 0; i < count; i++) {
    const id = `acti_Bench${String(i).padStart(5, '0')}`.padEnd(48, 'q');
    const at = new Date(Date.now() - (count - i) * 60_000).toISOString().replace('Z', '000+00:00');
    data.calls.set(id, { ...base, id, lead_id: leads[i % 3].id, contact_id: null, activity_at: at, date_created: at, date_updated: at });
  }
  env.standIn.reset(data);
}

/** One refresh asked by the popup (as opening it does): the API requests it made. */
async function popupRefresh(env, context, extensionId) {
  const from = wallClock();
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('button', { name: 'Log calls' }).waitFor();
  await sleep(300);
  const requests = env.apiArrivals(from).filter((r) => r.path === '/api/v1/activity/call/' || r.path.startsWith('/api/v1/lead/'));
  await popup.close();
  return { listing: requests.filter((r) => r.path === '/api/v1/activity/call/').length, leads: requests.filter((r) => r.path.startsWith('/api/v1/lead/')).length };
}

export async function refreshRequests(env, { extensionId, sizes = [5, 250] }) {
  const out = [];
  for (const size of sizes) {
    await seedQueue(env, size);
    const cold = await popupRefresh(env, env.browser.context, extensionId);
    const warm = await popupRefresh(env, env.browser.context, extensionId);
    out.push({ size: size + 5, cold, warm });
  }
  return out;
}

/** Save & next in the queue: the time from the key press until another call is shown with focus in its Note box. */
export async function queueNext(env, { runs }) {
  await seedQueue(env, runs + 2);
  const page = await env.browser.context.newPage();
  await page.goto(`${APP}/inbox/`);
  await page.goto(`${APP}/lead/${(await import('../../test/close-stand-in/index.mjs')).DEMO.leads.acme.id}/`);
  await page.getByRole('button', { name: 'Quick edit call' }).click();
  await page.getByRole('button', { name: /^Calls to log/ }).click();
  await page.waitForFunction(() => document.querySelector('close-quick-edit')?.shadowRoot?.activeElement?.id === 'quick-edit-note');
  const samples = [];
  for (let i = 0; i < runs; i++) {
    await page.keyboard.type(`Queue ${i} `);
    await page.keyboard.press('Alt+1');
    await sleep(200);
    await page.evaluate(() => {
      const root = () => document.querySelector('close-quick-edit')?.shadowRoot;
      const from = root()?.querySelector('#quick-edit-call')?.value;
      window.__benchNext = new Promise((resolve) => {
        let pressedAt;
        window.addEventListener('keydown', (event) => event.key === 'Enter' && event.shiftKey && (pressedAt ??= event.timeStamp), { capture: true });
        const check = () => {
          const shadow = root();
          const moved = shadow?.querySelector('#quick-edit-call')?.value !== from;
          if (pressedAt !== undefined && moved && shadow?.activeElement?.id === 'quick-edit-note') resolve(performance.now() - pressedAt);
          else requestAnimationFrame(check);
        };
        check();
      });
    });
    await page.keyboard.press('ControlOrMeta+Shift+Enter');
    samples.push(await page.evaluate(() => window.__benchNext));
  }
  await page.close();
  return samples;
}
