// Figure 10 of `npm run bench` (BENCHMARKS.md; issue 14 point 1): the Call control with 500 calls.
// A lead with 500 calls, all five pages loaded with More calls: Alt+Down / Alt+Up (real key
// presses) → the Call control shows the next call, its 500 options rendered again. The reference,
// in the same run and browser: the same on a lead with 3 calls. Also the time from a press of
// More calls until the next 100 options are in the control.
const APP = 'https://app.close.com';
const TOTAL = 500;

/** The stand-in as Close really is, its 250-call lead given 250 older calls more. */
async function seed500(env) {
  const { DEMO, seedDemoData } = await import('../../test/close-stand-in/index.mjs');
  const data = seedDemoData({ closeAsItIs: true });
  const lead = DEMO.closeAsItIs.busyLead;
  const base = data.calls.get(lead.callIds.at(-1));
  const oldest = Date.parse(base.activity_at);
  for (let i = 1; data.calls.size && lead.callIds.length + i <= TOTAL; i++) {
    const id = `acti_Bench${String(i).padStart(5, '0')}`.padEnd(48, 'm');
    const at = new Date(oldest - i * 3 * 3_600_000).toISOString().replace('Z', '000+00:00');
    data.calls.set(id, { ...base, id, activity_at: at, date_created: at, date_updated: at });
  }
  env.standIn.reset(data);
  return { busy: lead, small: DEMO.leads.globex };
}

const optionCount = (page) =>
  page.evaluate(() => document.querySelector('close-quick-edit')?.shadowRoot?.querySelector('#quick-edit-call')?.options.length ?? 0);

/** Alt+Down, Alt+Up, … on the Note box: key press → the Call control showing another call, next frame included. */
async function steps(page, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    await page.evaluate(() => {
      const root = () => document.querySelector('close-quick-edit')?.shadowRoot;
      root()?.getElementById('quick-edit-note')?.focus();
      const from = root()?.querySelector('#quick-edit-call')?.value;
      window.__benchStep = new Promise((resolve) => {
        let pressedAt;
        // The Alt key's own keydown comes first: the arrow's is the one timed.
        const onKey = (event) => {
          if (!event.altKey || !event.key.startsWith('Arrow')) return;
          pressedAt ??= event.timeStamp;
          window.removeEventListener('keydown', onKey, true);
        };
        window.addEventListener('keydown', onKey, true);
        const check = () => {
          const moved = root()?.querySelector('#quick-edit-call')?.value !== from;
          if (pressedAt !== undefined && moved) resolve(performance.now() - pressedAt);
          else requestAnimationFrame(check);
        };
        check();
      });
    });
    await page.keyboard.press(i % 2 ? 'Alt+ArrowUp' : 'Alt+ArrowDown');
    samples.push(await page.evaluate(() => window.__benchStep));
  }
  return samples;
}

async function openOn(env, lead) {
  const page = await env.browser.context.newPage();
  await page.goto(`${APP}/lead/${lead.id}/`);
  await page.getByRole('button', { name: 'Quick edit call' }).click();
  await page.getByRole('textbox', { name: 'Note' }).waitFor();
  return page;
}

export async function callControl(env, { runs }) {
  const { busy, small } = await seed500(env);
  const page = await openOn(env, busy);
  const more = [];
  const moreButton = page.getByRole('button', { name: 'More calls' });
  while ((await moreButton.count()) > 0) {
    const before = await optionCount(page);
    const t0 = performance.now();
    await moreButton.click();
    await page.waitForFunction((n) => (document.querySelector('close-quick-edit')?.shadowRoot?.querySelector('#quick-edit-call')?.options.length ?? 0) > n, before);
    more.push(performance.now() - t0);
  }
  const options = await optionCount(page);
  const busySteps = await steps(page, runs);
  await page.close();
  const reference = await openOn(env, small);
  const smallOptions = await optionCount(reference);
  const smallSteps = await steps(reference, runs);
  await reference.close();
  env.standIn.reset();
  return { options, steps: busySteps, more, smallOptions, smallSteps };
}
