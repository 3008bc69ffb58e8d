import { CALL_ID_IN_TEXT, type CallId } from '../close/ids';

/**
 * Every `acti_…` id linked from the page, in page order, once each. Which of them are calls is
 * Close's answer (call-confirmations.ts), not ours: an activity id may be an email's.
 * Keyed on links' hrefs, never on Close's generated class names.
 */
export function linkedActivityIds(root: ParentNode): CallId[] {
  const ids = new Set<CallId>();
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[href*="acti_"]')) {
    const id = CALL_ID_IN_TEXT.exec(link.getAttribute('href') ?? '')?.[0];
    if (id) ids.add(id as CallId);
  }
  return [...ids];
}
