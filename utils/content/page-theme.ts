// Close has its own appearance (Classic / Light / Dark / System) and documents no attribute that
// says which is on (FACTS.md), so the panel reads what the page shows: the computed background of
// the page's body (else its root). A page with no background of its own says nothing, and the
// operating system's preference decides (issue 14).

export type Theme = 'dark' | 'light';

/** Relative luminance (WCAG) of an `rgb()`/`rgba()` colour, or undefined if transparent or unreadable. */
export function luminance(color: string): number | undefined {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/i.exec(color.trim());
  if (!m) return undefined;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  if (!(alpha > 0.5)) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => {
    const c = Math.min(255, parseFloat(v!)) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The theme the page shows, if it shows one. Dark when its background is darker than mid-grey. */
export function pageTheme(doc: Document): Theme | undefined {
  const view = doc.defaultView;
  if (!view) return undefined;
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const l = luminance(view.getComputedStyle(el).backgroundColor);
    if (l !== undefined) return l < 0.18 ? 'dark' : 'light';
  }
  return undefined;
}

/** Close's theme where the page shows one, else the system's. */
export function themeFor(doc: Document): Theme {
  return pageTheme(doc) ?? (doc.defaultView?.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
}
