import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { CallToLog, CallsToLogState } from '../calls-to-log';
import type { CallsToLogMessage, CallsToLogReplyFor } from '../calls-to-log-messages';
import type { Call } from '../close/schemas';
import type { CloseError } from '../close/errors';
import { formatCallDate, formatDuration } from '../format';
import type { PanelData, Reply } from '../messages';
import { send } from './send';

// Calls to log in the panel (issue 17): the queue is loaded whole (the background has listed it),
// so the Call control lists it and Save & next moves on from memory, with no request in between:
// the next call is on screen before Close answered the save (BENCHMARKS.md).

/** Asks the background a Calls to log question; no answer is a "not known". */
export async function askCallsToLog<M extends CallsToLogMessage>(message: M): Promise<CallsToLogReplyFor<M> | undefined> {
  try {
    const reply = (await browser.runtime.sendMessage(message)) as CallsToLogReplyFor<M> | undefined;
    return reply && typeof reply === 'object' && 'ok' in reply ? reply : undefined;
  } catch {
    return undefined;
  }
}

/** Why the queue cannot be shown, as the panel's error box says it (with Try again or Open settings). */
function queueProblem(state: Exclude<CallsToLogState, { state: 'ready' }>): CloseError {
  if (state.state === 'too-many')
    return { kind: 'validation', message: i18n.t('callsToLog.tooMany', [String(state.limit)]), nextStep: 'open-settings' };
  const cause = state.state === 'failed' ? state.error.message : '';
  return { kind: 'server', message: i18n.t('callsToLog.failed', [cause]).replace(/\s+/g, ' ').trim(), nextStep: 'retry' };
}

/**
 * The panel's data in Calls to log: the account and outcomes as panel.load gives them (no lead:
 * one cached request at most), the calls the queue's, oldest first, the first one shown.
 */
export async function loadQueue(): Promise<{ reply: Reply<PanelData>; queue?: CallToLog[] }> {
  const [listed, panel] = await Promise.all([askCallsToLog({ type: 'calls.list', fresh: true }), send({ type: 'panel.load' })]);
  if (!panel.ok || !panel.value.connected) return { reply: panel };
  if (!listed) return { reply: { ok: false, error: queueProblem({ state: 'failed', error: { kind: 'offline', message: '', nextStep: 'retry' } }) } };
  if (!listed.ok) return { reply: listed };
  const state = listed.value;
  if (state.state === 'disconnected') return { reply: { ok: true, value: { connected: false } } };
  if (state.state !== 'ready') return { reply: { ok: false, error: queueProblem(state) } };
  const calls = state.calls.map((entry) => entry.call);
  return {
    reply: { ok: true, value: { ...panel.value, calls, selectedCallId: calls[0]?.id ?? null, pending: [] } },
    queue: state.calls,
  };
}

/** How many of the queue are still to log: those without an outcome (a save replaces its call). */
export const leftToLog = (calls: readonly Call[]) => calls.filter((call) => !call.outcome_id).length;

/** One option of the Call control in Calls to log: lead, contact or phone, date, duration. */
export function queueCallLabel(call: Call, entry: CallToLog | undefined): string {
  return i18n.t('callsToLog.option', [
    entry?.leadName ?? i18n.t('callsToLog.unknownLead'),
    entry?.contactName ?? call.remote_phone ?? call.phone ?? i18n.t('callPicker.unknownNumber'),
    formatCallDate(call.activity_at ?? call.date_created),
    formatDuration(call.duration),
  ]);
}

/** Close's page for the call's lead, for the Open lead link; undefined for an id that is not a lead's. */
export const leadPath = (call: Call): string | undefined =>
  call.lead_id && /^lead_[A-Za-z0-9]+$/.test(call.lead_id) ? `/lead/${call.lead_id}/` : undefined;
