import { browser } from 'wxt/browser';

/** The languages locales/ has; any other UI language gets the default, English. */
const SHIPPED = ['en', 'de'];

/**
 * Tells the page (and screen readers, spell checkers) which language it is in: the browser's UI
 * language where we ship it, English otherwise; and gives the tab its translated title.
 */
export function setPageLanguage(title: string, doc: Document = document) {
  const ui = browser.i18n.getUILanguage();
  doc.documentElement.lang = SHIPPED.includes(ui.split('-')[0]!.toLowerCase()) ? ui : 'en';
  doc.title = title;
}
