import DOMPurify from 'dompurify';
import type { Call, CallChanges } from './close/schemas';
import { editParagraph } from './rich-text/edit-line';
import { escapeHtml } from './rich-text/escape';
import { linesFromHtml } from './rich-text/from-html';
import { hasMarkup, linesToMarkup, markupToHtml, plainText } from './rich-text/markup';

// Close's notes come as plain `note` and rich `note_html`, and each overwrites the other
// (FACTS.md). The panel edits text; this module turns the rep's text back into a change that
// keeps every part of a rich note the rep did not touch, and escapes whatever the rep typed.

/** Close's rich-text subset (FACTS.md). Anything else is dropped before we read or resend it. */
const SANITIZE_CONFIG = {
  ALLOWED_TAGS: ['h1', 'p', 'br', 'em', 'strong', 'b', 'i', 'u', 's', 'span', 'code', 'ul', 'li', 'a', 'img', 'hr'],
  ALLOWED_ATTR: ['href', 'src', 'alt', 'style', 'class', 'data-type', 'data-id', 'data-label'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:)/i,
  // Without this, DOMPurify holds these values to ALLOWED_URI_REGEXP too and drops them all,
  // turning Close's mentions into plain spans.
  ADD_URI_SAFE_ATTR: ['data-type', 'data-id', 'data-label'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
};

// A colour and nothing else: no url(), var(), expression() or a second declaration.
const SAFE_COLOR_STYLE = /^\s*color\s*:\s*(?:#[0-9a-f]{3,8}|[a-z]{3,20}|(?:rgb|rgba|hsl|hsla)\(\s*[\d.%\s,/]+\))\s*;?\s*$/i;
let hooked = false;
/** Set while pasted HTML is sanitised: its styles are read for bold and italic, never rendered. */
let pasting = false;

/** What a pasted element's style says about bold, italic and Word's list markers; nothing else. */
function pastedStyle(style: string): string {
  const css = style.toLowerCase().replace(/\s+/g, '');
  const kept: string[] = [];
  const weight = /(?:^|;)font-weight:([a-z0-9]+)/.exec(css)?.[1];
  if (weight) kept.push(`font-weight:${weight === 'bold' || weight === 'bolder' || Number(weight) >= 600 ? 'bold' : 'normal'}`);
  const italic = /(?:^|;)font-style:([a-z]+)/.exec(css)?.[1];
  if (italic) kept.push(`font-style:${italic === 'italic' || italic === 'oblique' ? 'italic' : 'normal'}`);
  const list = /(?:^|;)mso-list:([a-z]+)/.exec(css)?.[1];
  if (list) kept.push(`mso-list:${list === 'ignore' ? 'ignore' : 'item'}`);
  return kept.join(';');
}

function purify() {
  if (!hooked) {
    // Styles only as colour, classes only as Close's mention marker.
    DOMPurify.addHook('uponSanitizeAttribute', (_node, data) => {
      if (pasting) {
        if (data.attrName === 'style') data.attrValue = pastedStyle(data.attrValue);
        return;
      }
      if (data.attrName === 'style' && !SAFE_COLOR_STYLE.test(data.attrValue)) data.keepAttr = false;
      if (data.attrName === 'class' && data.attrValue !== 'mention') data.keepAttr = false;
    });
    hooked = true;
  }
  return DOMPurify;
}

/** Close's note HTML, reduced to its rich-text subset; safe to render or to parse. */
export function sanitizeNoteHtml(html: string): DocumentFragment {
  const inner = html.replace(/^\s*<body[^>]*>|<\/body>\s*$/gi, '');
  return purify().sanitize(inner, { ...SANITIZE_CONFIG, RETURN_DOM_FRAGMENT: true });
}

/** Tags whose structure a paste keeps (as lines); all else is reduced to its text. */
const PASTE_TAGS = [
  // No <img>: a pasted image is nothing the Note box can show, and nothing to load.
  ...SANITIZE_CONFIG.ALLOWED_TAGS.filter((tag) => tag !== 'img'), 'div', 'h2', 'h3', 'h4', 'h5', 'h6', 'ol', 'blockquote', 'pre', 'table', 'thead',
  'tbody', 'tfoot', 'tr', 'td', 'th', 'section', 'article', 'header', 'footer', 'dl', 'dt', 'dd',
];

/**
 * HTML from the clipboard (Word, Google Docs, a web page) as sanitised, inert DOM: only the
 * structure and the bold/italic styles the Note box can show. It is read, never rendered.
 */
export function sanitizePastedHtml(html: string): DocumentFragment {
  const dompurify = purify();
  pasting = true;
  try {
    return dompurify.sanitize(html, {
      ...SANITIZE_CONFIG,
      ALLOWED_TAGS: PASTE_TAGS,
      ALLOWED_ATTR: ['href', 'style'],
      RETURN_DOM_FRAGMENT: true,
    });
  } finally {
    pasting = false;
  }
}

/** Pasted HTML as Note-box markup: paragraphs and headings as lines, bold, italic, bullets, links. */
export const pastedMarkup = (html: string): string => linesToMarkup(linesFromHtml(sanitizePastedHtml(html), { paste: true }));

export { escapeHtml };

interface Block {
  html: string;
  text: string;
  node: Element;
}

/** The text of a piece of note HTML as the rep sees it in the Note box, markup included. */
const markupOf = (node: Node): string => linesToMarkup(linesFromHtml(node));

/** The text alone, for a note whose only structure is paragraphs and line breaks. */
const textOf = (node: Node): string => linesFromHtml(node).map((line) => plainText(line.children)).join('\n');

const BLOCK_TAGS = new Set(['p', 'h1', 'ul', 'hr']);

/** Top-level blocks of a note; inline content between blocks is grouped into one block. */
function blocksOf(fragment: DocumentFragment): Block[] {
  const blocks: Block[] = [];
  let inline: Node[] = [];
  const flushInline = () => {
    if (inline.length) {
      // In the sanitiser's inert document: adopted into the page, an <img> from the note
      // would load, a tracking pixel fired by opening the panel (issue 5).
      const holder = fragment.ownerDocument.createElement('p');
      inline.forEach((node) => holder.append(node.cloneNode(true)));
      blocks.push({ html: holder.outerHTML, text: markupOf(holder), node: holder });
      inline = [];
    }
  };
  for (const node of [...fragment.childNodes]) {
    if (node instanceof Element && BLOCK_TAGS.has(node.tagName.toLowerCase())) {
      flushInline();
      blocks.push({ html: node.outerHTML, text: markupOf(node), node });
    } else if (node.nodeType === Node.TEXT_NODE && !node.nodeValue?.trim() && !inline.length) {
      continue; // whitespace between blocks
    } else {
      inline.push(node);
    }
  }
  flushInline();
  return blocks;
}

/** True when the note has formatting that sending plain `note` would destroy. */
function isRich(fragment: DocumentFragment): boolean {
  return [...fragment.querySelectorAll('*')].some((el) => !['p', 'br'].includes(el.tagName.toLowerCase()));
}

/** The call's note has formatting in Close (what the Note box cannot show, edits keep). */
export const hasFormatting = (call: Pick<Call, 'note_html'>): boolean =>
  !!call.note_html?.trim() && isRich(sanitizeNoteHtml(call.note_html));

/** What the Note box shows for a call. */
export function noteText(call: Pick<Call, 'note' | 'note_html'>): string {
  if (!call.note_html?.trim()) return call.note ?? '';
  const fragment = sanitizeNoteHtml(call.note_html);
  // A note without formatting shows as its text: a "*" in it is a star, not markup to escape.
  if (!isRich(fragment)) return textOf(fragment);
  return blocksOf(fragment).map((b) => b.text).join('\n');
}

/**
 * Rebuilds a rich note after the rep edited its text: blocks before and after the edited
 * region keep their original (sanitised) HTML, and so do the untouched ends of a single edited
 * paragraph (utils/rich-text/edit-line.ts); the edited region is read as markup
 * (markupToHtml: the rep's text escaped, formatting only as <strong>, <em>, <ul><li>, <a href>).
 */
export function mergeRichNote(blocks: Block[], edited: string): string {
  let start = 0;
  let first = 0;
  for (; first < blocks.length; first++) {
    const { text } = blocks[first]!;
    const end = start + text.length;
    if (edited.slice(start, end) !== text || (end !== edited.length && edited[end] !== '\n')) break;
    start = end + 1;
  }
  let stop = edited.length; // exclusive end of the edited region
  let last = blocks.length - 1;
  for (; last >= first; last--) {
    const { text } = blocks[last]!;
    const begin = stop - text.length;
    if (begin < start || edited.slice(begin, stop) !== text || (begin !== 0 && edited[begin - 1] !== '\n')) break;
    stop = begin - 1;
  }
  const region = edited.slice(start, Math.max(start, stop));
  // One paragraph edited: what it still starts and ends with keeps its HTML (a mention, a colour).
  const one = first === last ? editParagraph(blocks[first]!.node, region) : undefined;
  const middle = start <= stop ? (one ?? markupToHtml(region)) : '';
  const kept = (from: number, to: number) => blocks.slice(from, to).map((b) => b.html).join('');
  return `<body>${joinLists(joinLists(kept(0, first), middle), kept(last + 1, blocks.length))}</body>`;
}

/** Items added right after (or before) a kept list join that list instead of starting another. */
function joinLists(before: string, after: string): string {
  return before.endsWith('</ul>') && after.startsWith('<ul>') ? before.slice(0, -'</ul>'.length) + after.slice('<ul>'.length) : before + after;
}

/**
 * The note part of a call's change, or nothing when the text is what the panel loaded.
 * Plain notes are sent as `note`; rich notes, and notes the rep formatted, as `note_html`, so
 * their formatting survives.
 */
export function noteChange(
  call: Pick<Call, 'note' | 'note_html'>,
  edited: string,
): Pick<CallChanges, 'note' | 'note_html'> {
  if (edited === noteText(call)) return {};
  const fragment = call.note_html?.trim() ? sanitizeNoteHtml(call.note_html) : undefined;
  if (fragment && isRich(fragment)) return { note_html: mergeRichNote(blocksOf(fragment), edited) };
  return hasMarkup(edited) ? { note_html: `<body>${markupToHtml(edited)}</body>` } : { note: edited };
}
