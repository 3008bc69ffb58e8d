import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { Call, ContactName } from './close/schemas';

/** The browser's UI language, so that a German browser shows German dates. */
export const uiLocale = (): string | undefined => {
  try {
    return browser.i18n.getUILanguage() || undefined;
  } catch {
    return undefined;
  }
};

export function formatDuration(seconds: number | null | undefined): string {
  if (!seconds) return '0:00';
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

// One formatter per locale: toLocaleString builds a new one on every call, which a Call control
// of 500 calls felt on every render (issue 14, BENCHMARKS.md figure 10).
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatCallDate(iso: string | null | undefined, locale = uiLocale()): string {
  const date = iso ? new Date(iso) : undefined;
  if (!date || Number.isNaN(date.getTime())) return i18n.t('callPicker.unknownDate');
  let format = dateFormats.get(locale ?? '');
  if (!format) dateFormats.set(locale ?? '', (format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })));
  return format.format(date);
}

function direction(call: Call): string {
  if (call.direction === 'inbound') return i18n.t('callPicker.inbound');
  if (call.direction === 'outbound') return i18n.t('callPicker.outbound');
  return i18n.t('callPicker.call');
}

/** Who the call was with: the contact's name when the lead's contacts name it, else the phone number. */
export function party(call: Call, contacts: readonly ContactName[] | undefined): string {
  const contact = call.contact_id ? contacts?.find((c) => c.id === call.contact_id) : undefined;
  return contact?.name || call.remote_phone || call.phone || i18n.t('callPicker.unknownNumber');
}

/**
 * One line per call for the Call picker: direction, who (contact or phone), date, duration, and
 * a marker when no outcome is set. Dates follow the browser's UI language unless `locale` says.
 */
export function callLabel(call: Call, { contacts, locale }: { contacts?: readonly ContactName[]; locale?: string } = {}): string {
  const parts = [direction(call), party(call, contacts), formatCallDate(call.activity_at ?? call.date_created, locale ?? uiLocale()), formatDuration(call.duration)];
  if (!call.outcome_id) parts.push(i18n.t('callPicker.noOutcome'));
  return parts.join(' · ');
}
