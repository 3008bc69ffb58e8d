import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { QUIET_FLAGS, findChromium, sandboxFlags } from '../../scripts/chromium.mjs';

// utils/note-html.ts and utils/note-content.ts in a real Chromium page. DOMPurify does not work under happy-dom (its
// maintainers call that combination unsupported: scripts and event handlers pass straight
// through), so what the sanitiser drops and keeps can only be tested in a browser. Tests skip
// where there is no Chromium; `npm test` installs one.

export const CHROME: string | undefined = findChromium();

/**
 * A page with `window.noteHtml`: every export of note-html.ts, plus `htmlOf(html)`, the
 * sanitised fragment serialised; and `window.noteContent`: note-content.ts, plus
 * `withParagraph(content, text)`, the rep's typed paragraph added.
 */
export async function noteHtmlPage(html = '<!doctype html><html><body></body></html>'): Promise<{ browser: Browser; page: Page }> {
  const bundle = await build({
    stdin: {
      contents:
        "import * as noteHtml from '../../utils/note-html';\n" +
        "import * as noteContent from '../../utils/note-content';\n" +
        "import { schema } from '../../utils/note-editor/schema';\n" +
        'const htmlOf = (html) => { const d = document.createElement("div"); d.append(noteHtml.sanitizeNoteHtml(html)); return d.innerHTML; };\n' +
        // The rep's edit as the editor makes it: a paragraph of typed text added at the end.
        'const withParagraph = (content, text) => { const doc = noteContent.docOfNote(content); return noteContent.noteOfDoc(doc.copy(doc.content.addToEnd(schema.node("paragraph", null, text ? [schema.text(text)] : [])))); };\n' +
        'window.noteHtml = { ...noteHtml, htmlOf };\n' +
        'window.noteContent = { ...noteContent, withParagraph };',
      resolveDir: fileURLToPath(new URL('.', import.meta.url)),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
  });
  const browser = await chromium.launch({
    executablePath: CHROME,
    headless: true,
    args: [...QUIET_FLAGS, ...sandboxFlags()],
  });
  const page = await browser.newPage();
  await page.setContent(html);
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  return { browser, page };
}
