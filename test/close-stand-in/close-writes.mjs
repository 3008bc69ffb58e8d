// @ts-check
// What Close writes on a call by itself (FACTS.md "What Close does on its own"): the dialer's autosave while the rep
// types during a call, and after hang-up a Playbook's note template and Close AI's outcome, a few seconds apart. Each
// write bumps `date_updated` like any change and is logged in the event log without a user or key (the autosave
// with the rep's user, as the web app's), so a client sees exactly what it would see at Close.

import { recordCallChange } from './events.mjs';
import { noteHtmlToPlainText, plainTextToNoteHtml } from './notes.mjs';

/** @typedef {import('./types.mjs').Call} Call */
/** @typedef {import('./types.mjs').StandInState} StandInState */

/**
 * @typedef {{
 *   stillInProgressMs?: number,
 *   templateNoteHtml?: string, templateAfterMs?: number,
 *   aiOutcomeId?: string, aiOutcomeAfterMs?: number,
 * }} HangUpPlan
 *   All times from the hang-up. `stillInProgressMs` (default 0): the call keeps reading `in-progress` that long
 *   (a third-party observation). The template fills an empty note; a note the rep already has is kept and the
 *   template is appended below it (Close does not document which; this is the kinder reading). Left out: not written.
 */

/**
 * @param {{ state: () => StandInState, stamps: { next(after?: string): string } }} deps
 */
export function createCloseWriter({ state, stamps }) {
  /** @type {Set<ReturnType<typeof setTimeout>>} */
  const timers = new Set();
  /** @type {Map<ReturnType<typeof setTimeout>, { due: number, run: () => void }>} */
  const pending = new Map();
  let order = 0;

  /** @param {string} callId */
  const callOf = (callId) => {
    const call = state().calls.get(callId);
    if (!call) throw new Error(`close-writes: no call ${callId}`);
    return call;
  };

  /**
   * Changes a call as Close would, and logs it.
   * @param {string} callId @param {Partial<Call>} fields @param {string | null} userId
   */
  function write(callId, fields, userId = null) {
    const call = callOf(callId);
    const before = { ...call };
    Object.assign(call, fields);
    call.date_updated = stamps.next(call.date_updated);
    if (userId) {
      const user = state().users.get(userId);
      call.updated_by = userId;
      call.updated_by_name = user ? `${user.first_name} ${user.last_name}` : null;
    }
    // Close's own jobs leave updated_by as it was: they are nobody.
    recordCallChange(state(), call, before, {
      userId, apiKeyId: null, at: call.date_updated,
      ...(userId && { requestPath: `/api/v1/activity/call/${callId}/`, method: 'PUT' }),
    });
  }

  /** @param {number} ms @param {() => void} run */
  function later(ms, run) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      pending.delete(timer);
      run();
    }, ms);
    timers.add(timer);
    pending.set(timer, { due: ms + (order += 1e-6), run });
  }

  return {
    write,
    /**
     * The dialer's autosave: the rep's note, written by Close's web app as the rep's user while the call goes on.
     * @param {string} callId @param {string} note plain text
     */
    autosave(callId, note) {
      const call = callOf(callId);
      write(callId, { note, note_html: plainTextToNoteHtml(note) }, call.user_id);
    },
    /**
     * The call ends now: its status, then (later) the template note and the AI outcome.
     * @param {string} callId @param {HangUpPlan} [plan]
     */
    hangUp(callId, plan = {}) {
      const end = () => write(callId, { status: 'completed' });
      if (plan.stillInProgressMs) later(plan.stillInProgressMs, end);
      else end();
      const { templateNoteHtml, aiOutcomeId } = plan;
      if (templateNoteHtml !== undefined) {
        later(plan.templateAfterMs ?? 0, () => {
          const call = callOf(callId);
          const had = noteHtmlToPlainText(call.note_html ?? '').trim() !== '';
          const inner = (/** @type {string} */ html) => html.replace(/^<body>|<\/body>$/g, '');
          const note_html = had ? `<body>${inner(call.note_html ?? '')}${inner(templateNoteHtml)}</body>` : templateNoteHtml;
          write(callId, { note_html, note: noteHtmlToPlainText(note_html) });
        });
      }
      if (aiOutcomeId !== undefined) later(plan.aiOutcomeAfterMs ?? 0, () => write(callId, { outcome_id: aiOutcomeId }));
    },
    /** Runs every scheduled write now, in the order they were due (unit tests; no waiting). */
    flush() {
      const runs = [...pending.values()].sort((a, b) => a.due - b.due);
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      pending.clear();
      for (const { run } of runs) run();
    },
    /** Scheduled writes not done yet. */
    get pending() {
      return pending.size;
    },
    /** Drops every scheduled write (reset()). */
    clear() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      pending.clear();
    },
  };
}
