import DOMPurify from 'dompurify';
import type { Call, CallChanges } from './close/schemas';

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

function purify() {
  if (!hooked) {
    // Styles only as colour, classes only as Close's mention marker.
    DOMPurify.addHook('uponSanitizeAttribute', (_node, data) => {
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

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

interface Block {
  html: string;
  text: string;
}

/** The text of a piece of note HTML as the rep sees it in the Note box. */
function textOf(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.nodeValue ?? '';
  if (!(node instanceof Element)) return '';
  const tag = node.tagName.toLowerCase();
  if (tag === 'br') return '\n';
  if (tag === 'hr') return '---';
  if (tag === 'img') return '';
  if (tag === 'ul') return [...node.children].map((li) => `• ${textOf(li)}`).join('\n');
  return [...node.childNodes].map(textOf).join('');
}

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
      blocks.push({ html: holder.outerHTML, text: textOf(holder) });
      inline = [];
    }
  };
  for (const node of [...fragment.childNodes]) {
    if (node instanceof Element && BLOCK_TAGS.has(node.tagName.toLowerCase())) {
      flushInline();
      blocks.push({ html: node.outerHTML, text: textOf(node) });
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

/** The call's note has formatting that the Note box cannot show (and that edits keep). */
export const hasFormatting = (call: Pick<Call, 'note_html'>): boolean =>
  !!call.note_html?.trim() && isRich(sanitizeNoteHtml(call.note_html));

/** What the Note box shows for a call. */
export function noteText(call: Pick<Call, 'note' | 'note_html'>): string {
  if (call.note_html?.trim()) return blocksOf(sanitizeNoteHtml(call.note_html)).map((b) => b.text).join('\n');
  return call.note ?? '';
}

const paragraphs = (text: string) =>
  text.split('\n').map((line) => `<p>${escapeHtml(line)}</p>`).join('');

/**
 * Rebuilds a rich note after the rep edited its text: blocks before and after the edited
 * region keep their original (sanitised) HTML; the edited region becomes escaped paragraphs.
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
  const middle = start <= stop ? paragraphs(edited.slice(start, Math.max(start, stop))) : '';
  const kept = (from: number, to: number) => blocks.slice(from, to).map((b) => b.html).join('');
  return `<body>${kept(0, first)}${middle}${kept(last + 1, blocks.length)}</body>`;
}

/**
 * The note part of a call's change, or nothing when the text is what the panel loaded.
 * Plain notes are sent as `note`; rich notes as `note_html`, so their formatting survives.
 */
export function noteChange(
  call: Pick<Call, 'note' | 'note_html'>,
  edited: string,
): Pick<CallChanges, 'note' | 'note_html'> {
  if (edited === noteText(call)) return {};
  if (!call.note_html?.trim()) return { note: edited };
  const fragment = sanitizeNoteHtml(call.note_html);
  return isRich(fragment) ? { note_html: mergeRichNote(blocksOf(fragment), edited) } : { note: edited };
}
