// @ts-check
// Close's timestamps carry microseconds (`2026-11-23T15:42:00.123456+00:00`). Clients detect concurrent edits by
// comparing `date_updated`, so two updates must never get the same stamp, not even within one millisecond.

/**
 * Microseconds since the epoch, or NaN.
 * @param {string} iso
 */
export function toMicros(iso) {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return NaN;
  const fraction = /\.(\d+)/.exec(iso)?.[1] ?? '';
  const extraMicros = Number(fraction.padEnd(6, '0').slice(3, 6));
  return ms * 1000 + extraMicros;
}

/** @param {number} micros */
export function formatMicros(micros) {
  const ms = Math.floor(micros / 1000);
  const iso = new Date(ms).toISOString(); // 2026-11-23T15:42:00.123Z
  return `${iso.slice(0, 23)}${String(micros % 1000).padStart(3, '0')}+00:00`;
}

/**
 * @param {() => number} [now] milliseconds, like Date.now
 */
export function createStampClock(now = Date.now) {
  let last = 0;
  return {
    /**
     * A stamp later than the clock, than every stamp issued before and than `after` (the record's current
     * `date_updated`, which seeded data may put in the future of a skewed clock).
     * @param {string} [after]
     */
    next(after) {
      const floor = after ? toMicros(after) : NaN;
      last = Math.max(now() * 1000, last + 1, Number.isNaN(floor) ? 0 : floor + 1);
      return formatMicros(last);
    },
  };
}

/** ISO 8601 date-time with a time zone, as Close's `format: date-time` fields accept. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** @param {string} value */
export function isDateTime(value) {
  return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value.replace(' ', 'T')));
}
