import { escapeHtml } from './escape';

// The Note box is a <textarea>; formatting is light markup in its text, as in GitHub's comment
// box (issue 4): **bold**, *italic* (or _italic_), "• item" lines (also "- item", "* item"),
// [text](https://…). This module is the one place that reads and writes that markup. Its HTML
// side is Close's rich-text subset only (FACTS.md), and every character the rep typed reaches
// it through escapeHtml: markup makes <strong>, <em>, <ul><li>, <a href>, never anything else.

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong' | 'em'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] };

/** One line of the Note box: a paragraph or a bulleted item. */
export interface Line {
  kind: 'p' | 'li';
  children: Inline[];
}

/** Links we write: http(s) and mailto, nothing a browser would run or that needs quoting. */
export const LINK_URL = /^(?:https?:\/\/|mailto:)[^\s()<>"'`\\]+$/i;

const BULLET = /^(?:•|-|\*)[ \t]/;
const ESCAPABLE = new Set(['\\', '*', '_', '[', ']']);
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);

interface Delimiter {
  kind: 'delim';
  char: '*' | '_';
  count: number;
  canOpen: boolean;
  canClose: boolean;
}
type Token = Inline | Delimiter;

/** Reads one line's inline markup. Whatever is not markup is text, character for character. */
export function parseInline(source: string, links = true): Inline[] {
  const tokens: Token[] = [];
  const pushText = (text: string) => {
    const last = tokens.at(-1);
    if (last?.kind === 'text') last.text += text;
    else tokens.push({ kind: 'text', text });
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\' && ESCAPABLE.has(source[i + 1] ?? '')) {
      pushText(source[i + 1]!);
      i += 2;
    } else if (c === '*' || c === '_') {
      let end = i;
      while (source[end] === c) end++;
      const before = source[i - 1];
      const after = source[end];
      let canOpen = !isSpace(after);
      let canClose = !isSpace(before);
      // "snake_case_name" and "__proto__" are words, not emphasis; "_" is italic only.
      if (c === '_') {
        canOpen &&= !isWord(before) && end - i === 1;
        canClose &&= !isWord(after) && end - i === 1;
      }
      tokens.push({ kind: 'delim', char: c, count: end - i, canOpen, canClose });
      i = end;
    } else if (c === '[' && links) {
      const link = readLink(source, i);
      if (link) {
        tokens.push({ kind: 'link', href: link.href, children: parseInline(link.text, false) });
        i = link.end;
      } else {
        pushText(c);
        i++;
      }
    } else {
      pushText(c);
      i++;
    }
  }
  return resolveEmphasis(tokens);
}

/** `[text](url)` at `start`, the text free of unescaped brackets, the url one LINK_URL. */
function readLink(source: string, start: number): { text: string; href: string; end: number } | undefined {
  let i = start + 1;
  while (i < source.length && source[i] !== ']') {
    if (source[i] === '[') return undefined;
    i += source[i] === '\\' && ESCAPABLE.has(source[i + 1] ?? '') ? 2 : 1;
  }
  if (source[i] !== ']' || source[i + 1] !== '(' || i === start + 1) return undefined;
  const close = source.indexOf(')', i + 2);
  if (close < 0) return undefined;
  const href = source.slice(i + 2, close);
  return LINK_URL.test(href) ? { text: source.slice(start + 1, i), href, end: close + 1 } : undefined;
}

/** Pairs `*`/`_` runs as CommonMark does, simplified: nearest opener, two for strong. */
function resolveEmphasis(tokens: Token[]): Inline[] {
  const list = [...tokens];
  for (let closer = 0; closer < list.length; closer++) {
    const close = list[closer]!;
    if (close.kind !== 'delim' || !close.canClose) continue;
    while (close.count > 0) {
      let opener = closer - 1;
      for (; opener >= 0; opener--) {
        const open = list[opener]!;
        if (open.kind === 'delim' && open.char === close.char && open.canOpen && open.count > 0) break;
      }
      if (opener < 0) break;
      const open = list[opener] as Delimiter;
      const inner = list.slice(opener + 1, closer);
      // Markers around nothing are text ("****").
      if (!inner.length) break;
      const use = open.count >= 2 && close.count >= 2 ? 2 : 1;
      const node: Inline = { kind: use === 2 ? 'strong' : 'em', children: finish(inner) };
      open.count -= use;
      close.count -= use;
      list.splice(opener + 1, inner.length, node);
      closer = opener + 2;
    }
  }
  return finish(list);
}

/** Leftover markers become text again; adjacent text is joined. */
function finish(tokens: Token[]): Inline[] {
  const out: Inline[] = [];
  for (const token of tokens) {
    const node: Inline | undefined =
      token.kind === 'delim' ? (token.count ? { kind: 'text', text: token.char.repeat(token.count) } : undefined) : token;
    if (!node) continue;
    const last = out.at(-1);
    if (node.kind === 'text' && last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + node.text };
    else out.push(node.kind === 'text' ? { ...node } : node);
  }
  return out;
}

/** The Note box's text as lines: "• ", "- " and "* " at the start make a bulleted item. */
export function parseMarkup(text: string): Line[] {
  return text.split('\n').map((line): Line => {
    if (BULLET.test(line)) return { kind: 'li', children: parseInline(line.slice(2)) };
    // "\- not a list": the backslash says the marker is text.
    const literal = /^\\[•\-*][ \t]/.test(line) ? line.slice(1) : line;
    if (literal !== line) return { kind: 'p', children: [{ kind: 'text', text: literal[0]! }, ...parseInline(literal.slice(1))] };
    return { kind: 'p', children: parseInline(line) };
  });
}

const hasFormat = (nodes: Inline[]): boolean => nodes.some((n) => n.kind !== 'text');

/** True when the text has formatting: sending it as plain `note` would lose something. */
export const hasMarkup = (text: string): boolean =>
  parseMarkup(text).some((line) => line.kind === 'li' || hasFormat(line.children));

export function inlineHtml(nodes: Inline[]): string {
  return nodes
    .map((node) => {
      switch (node.kind) {
        case 'text':
          return escapeHtml(node.text);
        case 'strong':
          return `<strong>${inlineHtml(node.children)}</strong>`;
        case 'em':
          return `<em>${inlineHtml(node.children)}</em>`;
        case 'link':
          // Checked again here: a Line may come from elsewhere than parseInline.
          return LINK_URL.test(node.href)
            ? `<a href="${escapeHtml(node.href)}">${inlineHtml(node.children)}</a>`
            : inlineHtml(node.children);
      }
    })
    .join('');
}

/** Lines as Close's subset: <p> for each paragraph, one <ul> for each run of items. */
export function linesHtml(lines: Line[]): string {
  let html = '';
  let inList = false;
  for (const line of lines) {
    if (line.kind === 'li' && !inList) html += '<ul>';
    if (line.kind !== 'li' && inList) html += '</ul>';
    inList = line.kind === 'li';
    html += line.kind === 'li' ? `<li>${inlineHtml(line.children)}</li>` : `<p>${inlineHtml(line.children)}</p>`;
  }
  return inList ? `${html}</ul>` : html;
}

/** The Note box's text as Close's rich-text subset (without the <body> wrapper). */
export const markupToHtml = (text: string): string => linesHtml(parseMarkup(text));

/** The text the rep sees once the markers are gone. */
export function plainText(nodes: Inline[]): string {
  return nodes.map((n) => (n.kind === 'text' ? n.text : plainText(n.children))).join('');
}

// --- Writing markup (a note from Close, a paste) ---------------------------------------------

const escapeText = (text: string) => text.replace(/[\\*_[\]]/g, '\\$&');

export function renderInline(nodes: Inline[], escape: boolean): string {
  return nodes
    .map((node) => {
      if (node.kind === 'text') return escape ? escapeText(node.text) : node.text;
      const inner = renderInline(node.children, escape);
      if (node.kind === 'link') return LINK_URL.test(node.href) && inner.trim() ? `[${inner}](${node.href})` : inner;
      // Markers hug the text: "** Dana **" would not be bold, so spaces go outside.
      const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
      if (!core) return inner;
      const marker = node.kind === 'strong' ? '**' : '*';
      return `${lead}${marker}${core}${marker}${trail}`;
    })
    .join('');
}

/** What each character looks like: the meaning markup must keep when it is read back. */
function styled(nodes: Inline[], style: string[] = []): string[] {
  return nodes.flatMap((node) => {
    // A space looks the same bold or not: "**a** b" may end the bold before the space.
    if (node.kind === 'text') return [...node.text].map((c) => (/\s/.test(c) ? c : `${c}\u0001${style.join(',')}`));
    const mark = node.kind === 'link' ? `a(${node.href})` : node.kind === 'strong' ? 'b' : 'i';
    return styled(node.children, [...new Set([...style, mark])].sort());
  });
}

/** Same text with the same bold, italic and links, however nested. */
export const sameMeaning = (a: Inline[], b: Inline[]) => styled(a).join('\u0000') === styled(b).join('\u0000');

/**
 * One line as markup. Text is written as it is unless it would read back as markup ("a*b*c",
 * "[x](https://y)", "snake_case" is fine); then its markup characters get a backslash.
 */
export function lineToMarkup(line: Line): string {
  const bullet = line.kind === 'li' ? '• ' : '';
  const write = (escape: boolean) => {
    const body = renderInline(line.children, escape);
    // A paragraph that starts like an item ("- x") gets a backslash: "\- x".
    return line.kind === 'p' && parseMarkup(body)[0]!.kind === 'li' ? `\\${body}` : body;
  };
  for (const escape of [false, true]) {
    const markup = bullet + write(escape);
    const back = parseMarkup(markup);
    if (back.length === 1 && back[0]!.kind === line.kind && sameMeaning(back[0]!.children, line.children)) return markup;
  }
  // Not expressible exactly (e.g. <strong><em> order): the closest markup, text escaped.
  return bullet + write(true);
}

export const linesToMarkup = (lines: Line[]): string => lines.map(lineToMarkup).join('\n');
