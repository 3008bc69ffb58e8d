// @ts-check
// Close keeps `note` (plain text) and `note_html` (rich text) in step: writing one regenerates the other. These are
// the two conversions, so that a client which sends `note` for a rich-text call visibly loses the formatting, as it
// would on Close.

const EMPTY_NOTE_HTML = '<body><p></p></body>';

/** @param {string} text */
export function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * Close stores rich text inside `<body>…</body>`; a client may send the inner HTML only.
 * @param {string} html
 */
export function wrapInBody(html) {
  const trimmed = html.trim();
  return /^<body\b[^>]*>[\s\S]*<\/body>$/i.test(trimmed) ? trimmed : `<body>${trimmed}</body>`;
}

/**
 * What Close stores as `note_html` when a client writes plain `note`.
 * @param {string | null} text
 */
export function plainTextToNoteHtml(text) {
  if (!text) return EMPTY_NOTE_HTML;
  return `<body><p>${escapeHtml(text).replace(/\r?\n/g, '<br />')}</p></body>`;
}

/** @type {Record<string, string>} */
const NAMED_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** @param {string} text */
export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name) => {
    const n = String(name);
    if (n[0] === '#') {
      const code = n[1] === 'x' || n[1] === 'X' ? parseInt(n.slice(2), 16) : parseInt(n.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[n.toLowerCase()] ?? whole;
  });
}

/**
 * What Close stores as `note` when a client writes `note_html`: tags stripped, line breaks and ends of blocks become
 * newlines (list ends add none, their last `</li>` already did), entities decoded.
 * @param {string | null} html
 */
export function noteHtmlToPlainText(html) {
  if (!html) return '';
  const text = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<\/?body\b[^>]*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<hr\b[^>]*>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li|blockquote|pre|tr)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text).trim();
}

/**
 * The pair of fields a PUT leaves behind. `note_html` wins when both are sent; `null` counts as empty.
 * @param {{ note?: string | null, note_html?: string | null }} body
 * @returns {{ note: string, note_html: string } | undefined} undefined when the body touches neither
 */
export function resolveNoteUpdate(body) {
  if ('note_html' in body) {
    const html = body.note_html ? wrapInBody(body.note_html) : EMPTY_NOTE_HTML;
    return { note_html: html, note: noteHtmlToPlainText(html) };
  }
  if ('note' in body) {
    const note = body.note ?? '';
    return { note, note_html: plainTextToNoteHtml(note) };
  }
  return undefined;
}
