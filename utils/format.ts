import type { Call } from './close/schemas';

const DIRECTION: Record<string, string> = { inbound: 'Inbound', outbound: 'Outbound' };

export function formatDuration(seconds: number | null | undefined): string {
  if (!seconds) return '0:00';
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function formatCallDate(iso: string | null | undefined, locale?: string): string {
  const date = iso ? new Date(iso) : undefined;
  if (!date || Number.isNaN(date.getTime())) return 'unknown date';
  return date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/** One line per call for the Call picker: direction, phone, date, duration, and a missing outcome. */
export function callLabel(call: Call, locale?: string): string {
  const direction = DIRECTION[call.direction ?? ''] ?? 'Call';
  const phone = call.remote_phone || call.phone || 'unknown number';
  const parts = [direction, phone, formatCallDate(call.activity_at ?? call.date_created, locale), formatDuration(call.duration)];
  return `${parts.join(' · ')}${call.outcome_id ? '' : ' · no outcome'}`;
}
