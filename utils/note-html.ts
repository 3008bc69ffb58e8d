import DOMPurify from 'dompurify';
import type { Call } from './close/schemas';

// The gate for every piece of HTML that comes from Close or the clipboard: nothing reaches the
// note editor's parser (utils/note-editor/) without going through DOMPurify here first.

/** Links and images only to the web, mail and phone: no javascript:, data:, vbscript:, no relative URL. */
const SAFE_SCHEME = /^(?:https?|mailto|tel):/i;
const URL_ATTRS = new Set(['href', 'src', 'xlink:href', 'action', 'formaction', 'cite', 'longdesc']);
// What browsers ignore inside a URL's scheme ("java\tscript:").
const URL_IGNORED = /[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u180e\u2000-\u2029\u205f\u3000\ufeff]/g;

/**
 * A note from Close: DOMPurify's HTML profile (no SVG, MathML, scripts, handlers), minus what
 * could act, load or overlay: forms, frames, media, style sheets. What the editor's schema
 * cannot edit is kept (sanitised) as an opaque node, so it is not dropped.
 */
const NOTE_CONFIG = {
  USE_PROFILES: { html: true },
  // Scripts, frames, objects, embeds, links, metas are outside the HTML profile already; a <slot>
  // would show our shadow host's light DOM (the page's) inside the note.
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'select', 'option', 'textarea', 'video', 'audio', 'source', 'track', 'picture', 'template', 'slot'],
  FORBID_ATTR: ['srcset', 'poster', 'background', 'action', 'formaction', 'ping', 'id', 'name', 'autofocus', 'tabindex', 'contenteditable'],
  // DOMPurify's own ALLOWED_URI_REGEXP holds every attribute's value to it (a strict one would drop
  // target="_blank", width="300"); the schemes of URL attributes are checked in the hook below.
  ADD_URI_SAFE_ATTR: ['data-type', 'data-id', 'data-label'],
  // TipTap's links carry target and rel; we never follow them (links in the editor are inert).
  ADD_ATTR: ['data-type', 'data-id', 'data-label', 'target', 'rel'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
};

/** CSS that could load (url(), image-set(), @import), run (expression, behavior, binding) or escape its box. */
const UNSAFE_STYLE = /url\s*\(|image-set|@import|expression|behavior|binding|javascript:|\\|position\s*:|z-index/i;

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
  if (/(?:^|;)mso-list:ignore/.test(css)) kept.push('mso-list:ignore');
  return kept.join(';');
}

function purify() {
  if (!hooked) {
    DOMPurify.addHook('uponSanitizeAttribute', (_node, data) => {
      if (URL_ATTRS.has(data.attrName)) {
        const url = data.attrValue.replace(URL_IGNORED, '');
        // Relative URLs too: in Close's page they would reach Close's own origin.
        if (url && !SAFE_SCHEME.test(url)) data.keepAttr = false;
        return;
      }
      if (data.attrName !== 'style') return;
      if (pasting) data.attrValue = pastedStyle(data.attrValue);
      else if (UNSAFE_STYLE.test(data.attrValue)) data.keepAttr = false;
    });
    hooked = true;
  }
  return DOMPurify;
}

const MAX_INPUT = 8_000_000;

/** Close's note HTML (its <body> wrapper off), sanitised: inert DOM, safe to read and to render. */
export function sanitizeNoteHtml(html: string): DocumentFragment {
  const inner = html.length > MAX_INPUT ? '' : html.replace(/^\s*<body[^>]*>|<\/body>\s*$/gi, '');
  return purify().sanitize(inner, { ...NOTE_CONFIG, RETURN_DOM_FRAGMENT: true });
}

/** Tags whose structure a paste keeps; all else is reduced to its content. */
const PASTE_TAGS = [
  'p', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'em', 'i', 'u', 's', 'strike', 'del', 'code', 'span', 'ul', 'ol', 'li', 'a', 'hr',
  'div', 'blockquote', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'section', 'article', 'header', 'footer', 'dl', 'dt', 'dd',
];

/**
 * HTML from the clipboard (Word, Google Docs, a web page) as sanitised, inert DOM: structure,
 * links, and the bold/italic styles the editor turns into marks. No images (nothing to load).
 */
export function sanitizePastedHtml(html: string): DocumentFragment {
  const dompurify = purify();
  pasting = true;
  try {
    const fragment = dompurify.sanitize(html, {
      ALLOWED_TAGS: PASTE_TAGS,
      ALLOWED_ATTR: ['href', 'style'],
      RETURN_DOM_FRAGMENT: true,
    });
    // Word writes its list bullets as text in spans marked mso-list:ignore.
    fragment.querySelectorAll('[style*="mso-list:ignore"]').forEach((el) => el.remove());
    // Bold and italic by style (Google Docs, Word) as the tags the editor reads.
    for (const [style, tag] of [['font-weight:bold', 'strong'], ['font-style:italic', 'em']] as const) {
      fragment.querySelectorAll(`[style*="${style}"]`).forEach((el) => {
        const wrapper = fragment.ownerDocument.createElement(tag);
        wrapper.append(...el.childNodes);
        el.append(wrapper);
      });
    }
    return fragment;
  } finally {
    pasting = false;
  }
}

/** True when the sanitised note has formatting that sending plain `note` would destroy. */
export const hasFormattingIn = (sanitised: ParentNode): boolean =>
  [...sanitised.querySelectorAll('*')].some((el) => !['p', 'br'].includes(el.tagName.toLowerCase()));

/** The call's note has formatting in Close (a plain `note` would lose it). */
export const hasFormatting = (call: Pick<Call, 'note_html'>): boolean =>
  !!call.note_html?.trim() && hasFormattingIn(sanitizeNoteHtml(call.note_html));
