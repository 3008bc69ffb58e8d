import type { Call, CallBase } from './schemas';

/**
 * The parts of a call a save may overwrite, as the panel saw them. Its own file, with type
 * imports only, so the panel script does not pull in zod (BENCHMARKS.md: about 25 KB gzip).
 */
export const callBase = (call: Call): CallBase => ({
  date_updated: call.date_updated,
  note: call.note ?? null,
  note_html: call.note_html ?? null,
  outcome_id: call.outcome_id ?? null,
});
