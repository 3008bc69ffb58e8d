// @vitest-environment node
// Every payload of the XSS corpus through note-html.ts and the note editor's document
// (note-content.ts) in real Chromium (DOMPurify does not work under happy-dom), on both paths:
// a note from Close that is read and resent, and text the rep typed. The sanitiser's output is
// rendered into a live page, so an execution would show; and an oracle that shares no code with
// DOMPurify checks that what we would send to Close can do nothing (test/fixtures/safe-html.ts).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME, noteHtmlPage } from '../unit/note-html-page';
import { XSS_BEACON_PATH, XSS_PAYLOADS, xssScript } from '../fixtures/xss-payloads';
import { unsafeHtmlViolations } from '../fixtures/safe-html';

const RICH = '<body><p><b>Rich</b> note</p></body>';
type NoteContentPage = typeof import('../../utils/note-content') & {
  withParagraph: (content: import('../../utils/note-content').NoteContent, text: string) => import('../../utils/note-content').NoteContent;
};


interface PathResult {
  n: number;
  /** HTML we would send back to Close, if any. */
  sent?: string;
  /** What the Note box shows again after the round trip (write path). */
  roundTrip?: string;
}

describe.skipIf(!CHROME)('the XSS corpus through note-html.ts in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const requested: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    ({ browser, page } = await noteHtmlPage('<!doctype html><html><body><main id="rendered"></main></body></html>'));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.route('**/*', (route) => {
      requested.push(route.request().url());
      return route.fulfill({ status: 404, body: '' });
    });
    await page.evaluate(() => {
      const w = window as unknown as { __xss: (n: number) => void; __xssHits: number[] };
      w.__xssHits = [];
      w.__xss = (n) => w.__xssHits.push(n);
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('has at least 50 payloads, in every category', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(XSS_PAYLOADS.map((p) => p.category))).toEqual(
      new Set(['classic', 'mutation', 'svg-mathml', 'link', 'css', 'wrapper']),
    );
  });

  it('the detectors work: unsanitised, many payloads run and are seen', async () => {
    const control = await browser.newPage();
    const seen: string[] = [];
    await control.route('**/*', (route) => {
      seen.push(route.request().url());
      return route.fulfill({ status: 404, body: '' });
    });
    await control.setContent('<!doctype html><html><body></body></html>');
    await control.evaluate((htmls) => {
      const w = window as unknown as { __xss: (n: number) => void; __xssHits: number[] };
      w.__xssHits = [];
      w.__xss = (n) => w.__xssHits.push(n);
      for (const one of htmls) document.body.insertAdjacentHTML('beforeend', `<div>${one}</div>`);
    }, XSS_PAYLOADS.map((payload, i) => payload.html(xssScript(i + 1))));
    await settle(control);
    const hits = new Set(await control.evaluate(() => (window as unknown as { __xssHits: number[] }).__xssHits));
    const marked = await control.evaluate(() => Object.keys(document.documentElement.dataset).length);
    await control.close();
    // innerHTML runs no <script> and nobody clicks the links, so only some payloads fire here.
    expect(hits.size).toBeGreaterThanOrEqual(10);
    expect(marked).toBe(hits.size);
    expect(seen.filter((url) => url.includes(XSS_BEACON_PATH)).length).toBeGreaterThanOrEqual(hits.size);
  });

  it('reading a note, without rendering it, loads nothing the note names (no tracking pixel)', async () => {
    const before = requested.length;
    const note_html =
      '<body>text <img src="https://api.close.com/__pixel/inline"><p>x<img src="https://api.close.com/__pixel/block"></p>' +
      '<span style="color:red">y</span><img src="https://api.close.com/__pixel/last"></body>';
    const read = await page.evaluate((html) => {
      const { hasFormatting } = (window as unknown as { noteHtml: typeof import('../../utils/note-html') }).noteHtml;
      const { noteOfCall, noteChangeFor, withParagraph } = (window as unknown as { noteContent: NoteContentPage }).noteContent;
      const call = { note: '', note_html: html };
      return { rich: hasFormatting(call), change: noteChangeFor(call, withParagraph(noteOfCall(call), 'more')) };
    }, note_html);
    await page.waitForTimeout(500);
    expect(read.rich).toBe(true);
    expect(read.change.note_html).toContain('https://api.close.com/__pixel/inline'); // kept for Close, not loaded by us
    expect(requested.slice(before)).toEqual([]);
  });

  it('styles: nothing that loads, runs or leaves its box; the editor takes only a single colour as colour', async () => {
    const out = await page.evaluate(() => {
      const { sanitizeNoteHtml } = (window as unknown as { noteHtml: typeof import('../../utils/note-html') }).noteHtml;
      const { noteOfCall, docOfNote } = (window as unknown as { noteContent: NoteContentPage }).noteContent;
      const note_html =
        '<p><span style="color: expression(alert(1))">a</span><span style="background: url(https://t.example/p.gif)">b</span>' +
        '<span style="color: red; color: blue">c</span><span style="color: rgb(10, 20, 30)">d</span>' +
        '<span style="color:#1b5fd9">e</span><span style="position: fixed; top: 0">f</span></p>';
      const div = document.createElement('div');
      div.append(sanitizeNoteHtml(note_html));
      const marks: string[] = [];
      docOfNote(noteOfCall({ note: '', note_html })).descendants((node) => {
        if (node.isText) marks.push(`${node.text}:${node.marks.map((m) => m.attrs.style).join()}`);
        else if (node.type.name === 'opaque_inline') marks.push(`${node.attrs.text}:opaque`);
      });
      return { html: div.innerHTML, marks };
    });
    expect(out.html).toBe(
      '<p><span>a</span><span>b</span><span style="color: red; color: blue">c</span><span style="color: rgb(10, 20, 30)">d</span>' +
        '<span style="color:#1b5fd9">e</span><span>f</span></p>',
    );
    // A span whose only style went is a bare span: its text is plain text.
    expect(out.marks).toEqual(['ab:', 'c:opaque', 'd:color: rgb(10, 20, 30)', 'e:color: #1b5fd9', 'f:']);
  });

  it('reading a note from Close: rendered sanitised, resent inert, nothing runs', async () => {
    const notes = XSS_PAYLOADS.map((payload, i) => `<body>${payload.html(xssScript(i + 1))}</body>`);
    const results = await page.evaluate((htmls) => {
      const { sanitizeNoteHtml } = (window as unknown as { noteHtml: typeof import('../../utils/note-html') }).noteHtml;
      const { noteOfCall, noteChangeFor, withParagraph } = (window as unknown as { noteContent: NoteContentPage }).noteContent;
      const rendered = document.getElementById('rendered')!;
      return htmls.map((note_html, i) => {
        const call = { note: 'plain', note_html };
        const holder = document.createElement('div');
        holder.append(sanitizeNoteHtml(note_html));
        rendered.append(holder); // as if shown: live document, images load, handlers would fire
        const change = noteChangeFor(call, withParagraph(noteOfCall(call), 'Added by the rep'));
        if (change.note_html) rendered.insertAdjacentHTML('beforeend', change.note_html);
        return { n: i + 1, sent: change.note_html };
      });
    }, notes);
    await settle(page);

    for (const { n, sent } of results as PathResult[]) {
      if (sent === undefined) continue;
      expect(await page.evaluate(unsafeHtmlViolations, sent), `payload ${n}: ${XSS_PAYLOADS[n - 1]!.name}`).toEqual([]);
      expect(sent, `payload ${n}`).toContain('<p>Added by the rep</p>');
    }
    expect(results.filter((r) => r.sent !== undefined).length).toBeGreaterThan(0);
    await expectNoExecution(page, requested, dialogs);
  });

  it('a note the rep typed: sent as text, read back as the same text, nothing runs', async () => {
    const typed = XSS_PAYLOADS.map((payload, i) => payload.html(xssScript(100 + i + 1)));
    const results = await page.evaluate(
      ([texts, rich]) => {
        const { noteOfCall, noteChangeFor, noteFromLegacyDraft, notePlainText, withParagraph } = (window as unknown as { noteContent: NoteContentPage }).noteContent;
        const rendered = document.getElementById('rendered')!;
        return texts.map((text, i) => {
          const plain = noteChangeFor({ note: '', note_html: null }, noteFromLegacyDraft(text));
          const richCall = { note: '', note_html: rich };
          const change = noteChangeFor(richCall, withParagraph(noteOfCall(richCall), text));
          rendered.insertAdjacentHTML('beforeend', change.note_html ?? '');
          return {
            n: 101 + i,
            plain: plain.note,
            sent: change.note_html,
            roundTrip: notePlainText(noteOfCall({ note: null, note_html: change.note_html ?? null })),
          };
        });
      },
      [typed, RICH] as const,
    );
    await settle(page);

    for (const [i, result] of results.entries()) {
      expect(result.plain, `payload ${result.n}`).toBe(typed[i]);
      expect(await page.evaluate(unsafeHtmlViolations, result.sent!), `payload ${result.n}`).toEqual([]);
      expect(result.roundTrip, `payload ${result.n}`).toBe(`Rich note\n${typed[i]}`);
      expect(result.sent, `payload ${result.n}`).toMatch(/^<body><p><b>Rich<\/b> note<\/p><p>/);
    }
    await expectNoExecution(page, requested, dialogs);
  });
});

/** Long enough for error events, animations and focus handlers to have fired. */
const settle = (page: Page) => page.waitForTimeout(1_000);

async function expectNoExecution(page: Page, requested: string[], dialogs: string[]) {
  const marks = await page.evaluate(() => ({
    hits: (window as unknown as { __xssHits: number[] }).__xssHits,
    dataset: Object.keys(document.documentElement.dataset),
  }));
  expect(marks).toEqual({ hits: [], dataset: [] });
  expect(requested.filter((url) => url.includes(XSS_BEACON_PATH))).toEqual([]);
  expect(dialogs).toEqual([]);
}
