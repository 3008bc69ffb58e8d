import { CALL_ID_IN_TEXT, type CallId } from '../close/ids';

/**
 * The first call linked from the page (UI-CONTRACT.md: used where the URL names no lead).
 * Keyed on links' hrefs, never on Close's generated class names.
 */
export function firstLinkedCallId(root: ParentNode): CallId | undefined {
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[href*="acti_"]')) {
    const id = CALL_ID_IN_TEXT.exec(link.getAttribute('href') ?? '')?.[0];
    if (id) return id as CallId;
  }
  return undefined;
}
