// An oracle for "this HTML is inside Close's rich-text subset" that shares no code with the
// sanitiser it judges: the browser parses the HTML as any consumer would, and every element
// and attribute is held to FACTS.md's list. Self-contained, so that Playwright can run it in
// a page (`page.evaluate(closeSubsetViolations, html)`).

/** What is outside Close's subset, or parses differently a second time (mutation XSS); [] when safe. */
export function closeSubsetViolations(html: string): string[] {
  const TAGS = ['H1', 'P', 'BR', 'EM', 'STRONG', 'B', 'I', 'U', 'S', 'SPAN', 'CODE', 'UL', 'LI', 'A', 'IMG', 'HR'];
  const ATTRS = ['href', 'src', 'alt', 'style', 'class', 'data-type', 'data-id', 'data-label'];
  const SAFE_URL = /^(?:https?:|mailto:|tel:)/i;
  const COLOUR = /^\s*color\s*:\s*(?:#[0-9a-f]{3,8}|[a-z]{3,20}|(?:rgb|rgba|hsl|hsla)\(\s*[\d.%\s,/]+\))\s*;?\s*$/i;
  const found: string[] = [];
  const parse = (source: string) => new DOMParser().parseFromString(source, 'text/html');
  const doc = parse(html);
  if (doc.head.childNodes.length) found.push(`content in <head>: ${doc.head.innerHTML}`);
  for (const element of doc.body.querySelectorAll('*')) {
    if (element.namespaceURI !== 'http://www.w3.org/1999/xhtml' || !TAGS.includes(element.tagName))
      found.push(`element <${element.tagName.toLowerCase()}>`);
    for (const { name, value } of element.attributes) {
      if (!ATTRS.includes(name)) found.push(`attribute ${name} on <${element.tagName.toLowerCase()}>`);
      else if ((name === 'href' || name === 'src') && !SAFE_URL.test(value.trim())) found.push(`${name}="${value}"`);
      else if (name === 'style' && !COLOUR.test(value)) found.push(`style="${value}"`);
      else if (name === 'class' && value !== 'mention') found.push(`class="${value}"`);
    }
  }
  const once = doc.body.innerHTML;
  const twice = parse(once).body.innerHTML;
  if (once !== twice) found.push(`parses differently the second time: ${once} -> ${twice}`);
  return found;
}
