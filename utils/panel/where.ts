import type { Call } from '../close/schemas';

// Where the rep is in a run of calls without an outcome (issue 15): Save & next said the same
// sentence on every step; now the panel says "2 of 3 without an outcome · Marvin Acme · Nov 20",
// and once none is left, that. Pure: the panel's words come from components/SessionNotices.tsx.

export type Where =
  /** The shown call is the `index`-th of the `total` calls that had no outcome when the panel loaded them. */
  | { kind: 'at'; index: number; total: number; call: Call }
  /** Every one of those has an outcome now. */
  | { kind: 'all-done'; total: number };

/**
 * `loaded`: the calls as the panel loaded them, in the Call control's order; `calls`: as they are
 * now (a confirmed save replaced its call); `startId`: the call the panel opened on. The run is
 * walked as Save & next walks it: from the call the panel opened on, wrapping round. Nothing
 * is said of a run of one, or of a call that is not in the run (it had an outcome already).
 */
export function whereInRun(loaded: readonly Call[], calls: readonly Call[], shownId: string | null, startId: string | null): Where | undefined {
  const start = Math.max(0, loaded.findIndex((call) => call.id === startId));
  const walk = [...loaded.slice(start), ...loaded.slice(0, start)];
  const run = walk.filter((call) => !call.outcome_id);
  if (run.length < 2) return undefined;
  const now = new Map(calls.map((call) => [call.id, call]));
  const left = run.filter((call) => !(now.get(call.id) ?? call).outcome_id);
  if (left.length === 0) return { kind: 'all-done', total: run.length };
  const index = run.findIndex((call) => call.id === shownId);
  const shown = calls.find((call) => call.id === shownId);
  if (index < 0 || !shown || shown.outcome_id) return undefined;
  return { kind: 'at', index: index + 1, total: run.length, call: shown };
}

/** A call's day, short: "Nov 20" ("20. Nov." in German). */
export function shortCallDate(call: Call, locale?: string): string {
  const date = new Date(call.activity_at ?? call.date_created ?? '');
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleDateString(locale, { month: 'short', day: 'numeric' });
}
