// Issue 12: the Note box is a rich-text editor (ProseMirror) in the panel's shadow root (Firefox
// needs prosemirror-view >= 1.33.10 for that), in both browsers against the production build:
// typing, selection across marks, undo, buttons and shortcuts, IME and CJK text, paste, "/"
// templates, a mention and a table kept through an edit, and what Close receives, on the wire.
// Paste: the page fills the browser's own clipboard and a real Ctrl+V makes the browser fire
// the trusted paste. One part runs in Chromium only, behind driver.can.imeComposition: WebDriver
// BiDi has no IME API, so Firefox gets the CJK text as key actions (no composition events).
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { startDriver, type Driver, type El, type Tab, type Target } from '../drivers';
import { unsafeHtmlViolations } from '../fixtures/safe-html';
import { PANEL, apiRequests, openPanel, sleep } from './ui';

let driver: Driver;
beforeAll(async () => {
  driver = await startDriver();
  await driver.connect();
});
afterAll(() => driver?.close());
beforeEach(() => {
  driver.standIn.reset();
});

const puts = () => apiRequests(driver.standIn, 'PUT');
const stored = (id: string) => driver.standIn.state.calls.get(id)!;
const saved = (tab: Tab) => expect.poll(() => tab.get(PANEL.status).text()).toBe('Saved');
const button = (name: string): Target => ({ role: 'button', name, in: 'panel' });
const inPanel = (css: string): Target => ({ css, in: 'panel' });

/** The box's lines as the rep sees them: one per paragraph or list item. */
const lines = (box: El) => box.evaluate((el) => [...el.querySelectorAll('p, h1, h2, li > p')].map((p) => p.textContent));
/** The text of each element in the box that matches `selector`. */
const texts = (box: El, selector: string) => box.evaluate((el, s) => [...el.querySelectorAll(s)].map((e) => e.textContent), selector);

/** Selects `text` (its first occurrence, across formatting) in the box, as a rep would with the mouse. */
async function select(box: El, text: string) {
  await box.evaluate((el, t) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    const at = nodes.map((n) => n.data).join('').indexOf(t);
    if (at < 0) throw new Error(`"${t}" is not in the note`);
    const point = (offset: number, end: boolean) => {
      let seen = 0;
      for (const n of nodes) {
        if (offset < seen + n.data.length || (end && offset === seen + n.data.length)) return [n, offset - seen] as const;
        seen += n.data.length;
      }
      throw new Error('offset out of range');
    };
    const [a, ao] = point(at, false);
    const [b, bo] = point(at + t.length, true);
    (el as HTMLElement).focus();
    document.getSelection()!.setBaseAndExtent(a, ao, b, bo);
  }, text);
  await sleep(100); // selectionchange reaches ProseMirror
}

test('formatting by button and shortcut, across marks, with undo and redo: Close gets exactly that HTML', async () => {
  const call = DEMO.calls.globexPlainNote;
  const tab = await openPanel(driver, DEMO.leads.globex.id);
  const box = tab.get(PANEL.note);
  expect(await box.attribute('aria-multiline')).toBe('true');
  await expect.poll(() => lines(box)).toEqual(call.note!.split('\n'));
  await box.fill('Budget approved today');

  const bold = tab.get(button('Bold'));
  expect(await bold.attribute('aria-keyshortcuts')).toContain('Control+B');
  await select(box, 'approved');
  await bold.click();
  expect(await texts(box, 'strong')).toEqual(['approved']);
  // The box kept the focus (the button does not take it).
  expect(await box.isFocused()).toBe(true);
  // Ctrl+B takes it off again, and puts it back.
  await box.press('Control+b');
  expect(await texts(box, 'strong')).toEqual([]);
  await box.press('Control+b');
  expect(await texts(box, 'strong')).toEqual(['approved']);

  // A selection from plain text into bold text, made italic.
  await select(box, 'get appr');
  await box.press('Control+i');
  expect(await texts(box, 'em')).toEqual(['get ', 'appr']);
  // Undo takes it back; redo and undo again.
  await box.press('Control+z');
  expect(await texts(box, 'em')).toEqual([]);
  await box.press('Control+Shift+z');
  expect(await texts(box, 'em')).toHaveLength(2);
  await box.press('Control+z');

  // A new line: a bulleted list by shortcut, numbered by its button, bulleted and numbered again
  // by the buttons (each switches the list over).
  await box.press('Control+End');
  await box.press('Enter');
  await tab.type('Send contract');
  await box.press('Control+Shift+8');
  expect(await texts(box, 'ul li')).toEqual(['Send contract']);
  await tab.get(button('Numbered list')).click();
  expect(await texts(box, 'ol li')).toEqual(['Send contract']);
  await tab.get(button('Bulleted list')).click();
  expect(await texts(box, 'ul li')).toEqual(['Send contract']);
  expect(await texts(box, 'ol')).toEqual([]);
  await tab.get(button('Numbered list')).click();
  expect(await texts(box, 'ol li')).toEqual(['Send contract']);
  await box.press('Enter');
  await box.press('Enter'); // out of the list
  await tab.type('Ask about 5 * 3 seats, **really**');

  await tab.get(PANEL.save).click();
  await saved(tab);
  expect(puts().map((p) => p.body)).toEqual([
    {
      note_html:
        '<body><p>Budget <strong>approved</strong> today</p><ol><li><p>Send contract</p></li></ol><p>Ask about 5 * 3 seats, <strong>really</strong></p></body>',
    },
  ]);

  // Reopened: the formatting shows as formatting, and saving it unchanged sends nothing.
  await box.press('Escape');
  await expect.poll(() => tab.get(PANEL.dialog).count()).toBe(0);
  await tab.close();
  const again = await openPanel(driver, DEMO.leads.globex.id);
  const box2 = again.get(PANEL.note);
  await expect.poll(() => texts(box2, 'strong')).toEqual(['approved', 'really']);
  expect(await box2.text()).not.toContain('**');
  await box2.press('Control+Enter');
  await expect.poll(() => again.get(PANEL.status).text()).toMatch(/nothing to save/i);
  expect(puts()).toHaveLength(1);
  await again.close();
});

test('a plain note with markers stays plain: an edit elsewhere sends exactly the text as `note`', async () => {
  const call = DEMO.calls.globexPlainNote;
  const note = 'Call *me* back\n- not a list\n• nor this\n\n#1 \\ [x](y)  two spaces';
  Object.assign(stored(call.id), { note, note_html: null });
  const tab = await openPanel(driver, DEMO.leads.globex.id);
  const box = tab.get(PANEL.note);
  await expect.poll(() => lines(box)).toEqual(note.split('\n'));
  expect(await texts(box, 'ul, ol, em, strong')).toEqual([]);
  await box.press('Control+End');
  await tab.type(' ok');
  await tab.get(PANEL.save).click();
  await saved(tab);
  expect(puts().map((p) => p.body)).toEqual([{ note: `${note} ok` }]);
  await tab.close();
});

test('CJK text arrives once: typed as key actions and, where the driver can, through an IME composition', async () => {
  const tab = await openPanel(driver, DEMO.leads.globex.id);
  const box = tab.get(PANEL.note);
  await box.fill('Tokyo: 東京');
  await expect.poll(() => lines(box)).toEqual(['Tokyo: 東京']);
  let note = 'Tokyo: 東京';
  // Chromium only: the DevTools protocol composes (Input.imeSetComposition); BiDi has no IME API.
  if (driver.can.imeComposition) {
    await box.press('End');
    await tab.type(', Kyoto: ');
    await tab.compose(['きょう', 'きょうと'], '京都');
    note += ', Kyoto: 京都';
    await expect.poll(() => lines(box)).toEqual([note]);
  }
  await tab.get(PANEL.save).click();
  await saved(tab);
  expect(puts().map((p) => p.body)).toEqual([{ note }]);
  await tab.close();
});

test('pasting Word HTML: clean formatting in the box and inert HTML on the wire; plain text pastes as text; 5 MB is refused', async () => {
  const tab = await openPanel(driver, DEMO.leads.globex.id);
  const box = tab.get(PANEL.note);
  await expect.poll(() => lines(box)).toEqual(DEMO.calls.globexPlainNote.note!.split('\n'));
  await box.fill('Summary:');
  await box.press('End');
  await box.press('Enter');
  const word =
    '<meta charset="utf-8"><style>p{color:red}</style><!--StartFragment-->' +
    '<p class="MsoNormal" style="margin:0">Spoke with <b>Dana</b> and <span style="font-style:italic">Lee</span><o:p></o:p></p>' +
    '<ul><li>Budget <strong>approved</strong></li><li>Deck: <a href="https://example.com/deck">slides</a></li></ul>' +
    '<p>Bad <a href="javascript:alert(1)">link</a><img src="x" onerror="alert(1)"><script>alert(1)</script></p><!--EndFragment-->';
  await tab.writeClipboard({ 'text/html': word, 'text/plain': 'plain fallback' });
  await box.press('Control+v');
  await expect.poll(() => lines(box)).toEqual(['Summary:', 'Spoke with Dana and Lee', 'Budget approved', 'Deck: slides', 'Bad link']);
  // Word's classes and styles stay out of the box, as do its image and script.
  expect(await texts(box, '[class^="Mso"], [style], img:not(.ProseMirror-separator), script, o\\:p')).toEqual([]);

  // Plain text pastes as it is: its markup is characters.
  await tab.writeClipboard({ 'text/plain': ' **not** <b>html</b>' });
  await box.press('Control+v');
  await expect.poll(() => lines(box)).toEqual(['Summary:', 'Spoke with Dana and Lee', 'Budget approved', 'Deck: slides', 'Bad link **not** <b>html</b>']);

  await tab.get(PANEL.save).click();
  await saved(tab);
  const sent = puts().map((p) => p.body) as { note_html: string }[];
  expect(sent).toEqual([
    {
      note_html:
        '<body><p>Summary:</p><p>Spoke with <strong>Dana</strong> and <em>Lee</em></p>' +
        '<ul><li><p>Budget <strong>approved</strong></p></li><li><p>Deck: <a href="https://example.com/deck">slides</a></p></li></ul>' +
        '<p>Bad link **not** &lt;b&gt;html&lt;/b&gt;</p></body>',
    },
  ]);
  expect(await tab.evaluate(unsafeHtmlViolations, sent[0]!.note_html)).toEqual([]);

  // 5 MB of HTML is refused in words; the note is as it was.
  await tab.writeClipboard({ 'text/html': `<p>${'x'.repeat(5_100_000)}</p>`, 'text/plain': 'x' });
  await box.press('Control+v');
  await expect.poll(() => tab.get(PANEL.alert).text()).toMatch(/too much to paste/i);
  expect((await lines(box)).at(-1)).toBe('Bad link **not** <b>html</b>');
  await tab.close();
});

test('a rich note with a mention and a table: an edit in one paragraph sends every other block as Close had it', async () => {
  const call = DEMO.calls.acmeRichNote;
  const mention = '<p>Ask <span data-type="mention" data-id="user_42" data-label="Road Runner" class="mention">@Road Runner</span> to join.</p>';
  const table = '<table><tbody><tr><td>Units</td><td><strong>50</strong></td></tr></tbody></table>';
  const rest = '<h2 class="x">Not editable here</h2><p>Last <span style="color: #958DF1">line</span>.</p>';
  Object.assign(stored(call.id), { note_html: `<body>${mention}${table}<p>Edit me</p>${rest}</body>` });
  const tab = await openPanel(driver, DEMO.leads.acme.id);
  const box = tab.get(PANEL.note);
  await expect.poll(() => texts(box, '.mention')).toEqual(['@Road Runner']);
  // The table is shown (inert, not editable) and the mention is one atomic chip.
  expect(await texts(box, '.note-opaque td')).toEqual(['Units', '50']);
  expect(await box.evaluate((el) => el.querySelector('.mention')?.getAttribute('contenteditable'))).toBe('false');

  await select(box, 'Edit me');
  await box.press('End');
  await tab.type(' now <i>typed</i> <b>here</b>');
  // An edit next to the mention keeps it.
  await select(box, 'to join');
  await box.press('Control+b');
  await tab.get(PANEL.save).click();
  await saved(tab);
  expect(puts().map((p) => p.body)).toEqual([
    {
      note_html:
        '<body><p>Ask <span data-type="mention" data-id="user_42" data-label="Road Runner" class="mention">@Road Runner</span> <strong>to join</strong>.</p>' +
        `${table}<p>Edit me now &lt;i&gt;typed&lt;/i&gt; &lt;b&gt;here&lt;/b&gt;</p>${rest}</body>`,
    },
  ]);
  await tab.close();
});

test('no templates: a hint; with templates: "/" and Enter inserts one, its text as text', async () => {
  await driver.setStorage({ 'settings.templates': [] });
  const tab = await openPanel(driver, DEMO.leads.globex.id);
  const box = tab.get(PANEL.note);
  await box.fill('/');
  await expect.poll(() => tab.get(inPanel('#quick-edit-templates-empty')).text()).toMatch(/No templates yet/);
  expect(await tab.get(inPanel('#quick-edit-templates')).count()).toBe(0); // the template list (Outcome has its own)

  await driver.setStorage({ 'settings.templates': [{ id: 'fu', name: 'Follow up', body: 'Follow-up: send *pricing*' }] });
  await tab.bringToFront();
  await box.fill('/fo');
  await expect.poll(() => tab.get(inPanel('#quick-edit-templates [role=option]')).count()).toBe(1);
  await tab.press('Enter');
  // The template's text is text: its "*" are characters.
  await expect.poll(() => lines(box)).toEqual(['Follow-up: send *pricing*']);
  await tab.get(PANEL.save).click();
  await saved(tab);
  expect(puts().map((p) => p.body)).toEqual([{ note: 'Follow-up: send *pricing*' }]);
  await tab.close();
});

test('a script on the page cannot format or edit the note: untrusted clicks, keys and DOM edits do nothing', async () => {
  const tab = await openPanel(driver, DEMO.leads.globex.id);
  const box = tab.get(PANEL.note);
  await box.fill('plain words');
  await select(box, 'words');
  await tab.evaluate(() => {
    const root = document.querySelector('close-quick-edit')!.shadowRoot!;
    (root.querySelector('button[aria-label="Bold"]') as HTMLButtonElement).click();
    const el = root.getElementById('quick-edit-note')!;
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'i', ctrlKey: true, bubbles: true }));
  });
  await sleep(1_500); // past the window in which a real key press lets a DOM change count
  await tab.evaluate(() => {
    const root = document.querySelector('close-quick-edit')!.shadowRoot!;
    root.getElementById('quick-edit-note')!.querySelector('p')!.textContent = 'forged by the page';
  });
  await expect.poll(() => lines(box)).toEqual(['plain words']);
  expect(await texts(box, 'strong, em')).toEqual([]);
  await tab.close();
});
