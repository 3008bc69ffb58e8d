import { useEffect, useRef, useState } from 'preact/hooks';
import { drafts } from '../drafts';
import type { ContentMessage, Reply, SaveResult } from '../messages';
import type { PageTarget } from '../page';
import { saveEvents } from './save-events';
import { initialSession, reduce, sessionDraft, type CallEndChoice, type Effect, type Event, type Session } from './save-session';
import { send } from './send';
import { loadQueue } from './queue';
import { sessionSaveLabel } from './save-label';
import type { PanelViewName } from '../content/controller';

// Runs the save session's effects (save-session.ts) and feeds what they answer back in. The
// session's state lives in a ref, so an answer is always reduced against the latest state,
// never a render's stale copy.

const DRAFT_DELAY_MS = 300;
/** How often, and how long, a save is asked after the worker did not answer (it restarts). */
const NO_ANSWER_PAUSE_MS = 500;
const NO_ANSWER_TRIES = 20;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface NoteHandle {
  focus(): void;
}

export function useSaveSession(target: PageTarget, view: PanelViewName = 'page') {
  const first = useRef<[Session, Effect[]]>();
  first.current ??= initialSession(view);
  const state = useRef<Session>(first.current[0]);
  const [, rerender] = useState(0);
  const noteRef = useRef<NoteHandle>(null);
  const mounted = useRef(true);
  const draftTimer = useRef<ReturnType<typeof setTimeout>>();
  const pendingDraft = useRef<() => Promise<void>>();

  function dispatch(event: Event) {
    if (!mounted.current) return;
    const [next, effects] = reduce(state.current, event, Date.now());
    if (next !== state.current) {
      state.current = next;
      rerender((n) => n + 1);
    }
    effects.forEach(run);
  }

  /** Asks until the worker answers (a restarting worker answers nothing for a moment). */
  async function ask<M extends ContentMessage>(message: M) {
    let reply = await send(message);
    for (let tries = 0; !reply.ok && 'noAnswer' in reply.error && reply.error.noAnswer && tries < NO_ANSWER_TRIES && mounted.current; tries++) {
      await pause(NO_ANSWER_PAUSE_MS);
      reply = await send(message);
    }
    return reply;
  }

  function answer(saveId: string, reply: Reply<SaveResult>) {
    if (reply.ok) dispatch({ type: 'result', saveId, result: reply.value });
    else if (reply.error.kind === 'rejected') dispatch({ type: 'refused', saveId, error: reply.error });
    else dispatch({ type: 'result', saveId, result: { state: 'failed', error: reply.error } });
  }

  /** Follows a save the outbox holds until it ends; pushes say the same, and the session acts once. */
  async function follow(saveId: string) {
    while (mounted.current) {
      const reply = await ask({ type: 'save.status', saveId });
      if (!reply.ok) return answer(saveId, reply);
      dispatch({ type: 'result', saveId, result: reply.value });
      const result = reply.value;
      if (result.state !== 'waiting') {
        if (result.state === 'sending' || result.state === 'accepted') continue;
        return;
      }
      // Held (waiting for Close's time, the network or an account): pushes tell the rest; look again when due.
      if (result.until === undefined) return;
      await pause(Math.max(1_000, result.until - Date.now() + 1_000));
    }
  }

  async function sendSave(effect: Extract<Effect, { type: 'send' }>) {
    const { saveId, callId, changes, base, draft } = effect;
    clearTimeout(draftTimer.current);
    pendingDraft.current = undefined;
    if (draft) {
      try {
        await drafts.set(callId, draft);
      } catch {
        // Not even the draft could be stored: nothing is sent, and the rep is told (the text stays).
        return dispatch({ type: 'refused', saveId, error: { kind: 'rejected', message: '', notStored: true } });
      }
    }
    // Named by its lead, contact or phone, and date while it waits (the popup's list; issue 15).
    const label = sessionSaveLabel(state.current, callId);
    const message = { type: 'call.save', saveId, callId, changes, base, ...(label && { label }) } as const;
    let reply = await send(message);
    // No answer: the worker restarted. It may have stored the save already; ask before sending again.
    for (let tries = 0; !reply.ok && 'noAnswer' in reply.error && reply.error.noAnswer && tries < NO_ANSWER_TRIES && mounted.current; tries++) {
      await pause(NO_ANSWER_PAUSE_MS);
      const status = await send({ type: 'save.status', saveId });
      if (!status.ok) continue;
      reply = status.value.state === 'unknown' ? await send(message) : status;
    }
    answer(saveId, reply);
    if (reply.ok && (reply.value.state === 'accepted' || reply.value.state === 'sending')) void follow(saveId);
  }

  function keepDraft(effect: Extract<Effect, { type: 'keep-draft' }>) {
    clearTimeout(draftTimer.current);
    const write = async () => {
      pendingDraft.current = undefined;
      try {
        await (Object.keys(effect.draft).length ? drafts.set(effect.callId, effect.draft) : drafts.remove(effect.callId));
      } catch {
        dispatch({ type: 'not-stored' });
      }
    };
    pendingDraft.current = write;
    if (effect.when === 'now') void write();
    else draftTimer.current = setTimeout(() => void write(), DRAFT_DELAY_MS);
  }

  function flushDraft() {
    clearTimeout(draftTimer.current);
    return pendingDraft.current?.();
  }

  function run(effect: Effect) {
    switch (effect.type) {
      case 'load':
        return void (effect.view === 'calls-to-log' ? loadQueue() : send({ type: 'panel.load', ...target }).then((reply) => ({ reply, queue: undefined }))).then(({ reply, queue }) => {
          dispatch({ type: 'loaded', token: effect.token, reply, ...(queue && { queue }) });
          // Saves of these calls still on their way: followed like the panel's own (pushes may be missed).
          if (reply.ok && reply.value.connected && state.current.loadToken === effect.token)
            reply.value.pending.forEach((save) => void follow(save.saveId));
        });
      case 'read-draft':
        return void drafts.get(effect.callId).then(
          (draft) => dispatch({ type: 'draft-read', callId: effect.callId, showToken: effect.showToken, draft }),
          () => undefined,
        );
      case 'keep-draft':
        return keepDraft(effect);
      case 'flush-draft':
        return void flushDraft();
      case 'remove-draft':
        if (effect.ifSavedBy) return void drafts.removeIfSavedBy(effect.callId, effect.ifSavedBy).catch(() => undefined);
        // A draft about to be written is stale too.
        clearTimeout(draftTimer.current);
        pendingDraft.current = undefined;
        return void drafts.remove(effect.callId).catch(() => undefined);
      case 'send':
        return void sendSave(effect);
      case 'cancel':
        return void ask({ type: 'outbox.cancel', saveId: effect.saveId }).then((reply) =>
          reply.ok ? dispatch({ type: 'cancel-reply', saveId: effect.saveId, result: reply.value }) : answer(effect.saveId, reply),
        );
      case 'retry-now':
        return void ask({ type: 'save.retryNow', saveId: effect.saveId }).then((reply) => {
          answer(effect.saveId, reply);
          if (reply.ok && reply.value.state === 'sending') void follow(effect.saveId);
        });
      case 'call-end':
        return void ask({ type: 'save.callEnd', saveId: effect.saveId, choice: effect.choice }).then((reply) => {
          answer(effect.saveId, reply);
          if (reply.ok && reply.value.state === 'sending') void follow(effect.saveId);
        });
      case 'load-more':
        return void send({ type: 'calls.more', leadId: effect.more.leadId, skip: effect.more.skip }).then((reply) =>
          dispatch({ type: 'more-loaded', token: effect.token, skip: effect.more.skip, reply }),
        );
      case 'focus-note':
        // Now, before the render that disables Save (focus never falls to Close's page), and
        // again once rendered, for a Note box that is only now being shown.
        noteRef.current?.focus();
        return queueMicrotask(() => noteRef.current?.focus());
    }
  }

  useEffect(() => {
    mounted.current = true;
    first.current![1].forEach(run);
    const off = saveEvents.on((event) => dispatch({ type: 'result', saveId: event.saveId, callId: event.callId, result: event.result }));
    // Typing is kept at once when the page goes away or out of sight (reload, tab closed, switched).
    const flush = () => void flushDraft();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      off();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      void flushDraft();
      mounted.current = false;
    };
  }, []);

  // Single-page navigation: another lead or call, loaded under a new token (late answers ignored).
  const loadedFor = useRef(`${target.leadId}|${target.callId}`);
  useEffect(() => {
    const key = `${target.leadId}|${target.callId}`;
    if (key === loadedFor.current) return;
    loadedFor.current = key;
    dispatch({ type: 'reload' });
  }, [target.leadId, target.callId]);

  // The command (or Log calls) asks for Calls to log while the panel is open.
  useEffect(() => dispatch({ type: 'view', view }), [view]);

  const id = () => crypto.randomUUID();
  return {
    session: state.current,
    noteRef,
    dispatch,
    save: (then?: 'next') => dispatch({ type: 'save', saveId: id(), ...(then && { then }) }),
    undo: () => dispatch({ type: 'undo', saveId: id() }),
    retry: () => dispatch({ type: 'retry', saveId: id() }),
    retryNow: () => dispatch({ type: 'retry-now' }),
    callEnd: (choice: CallEndChoice) => dispatch({ type: 'call-end', choice }),
    resolve: (choice: 'mine' | 'theirs' | 'append') => dispatch({ type: 'resolve', saveId: id(), choice }),
    /** Esc: the draft written now; false when storage refused it (the panel asks before closing). */
    async keepNow(): Promise<boolean> {
      clearTimeout(draftTimer.current);
      pendingDraft.current = undefined;
      const draft = sessionDraft(state.current);
      if (!draft) return true;
      try {
        await (Object.keys(draft.draft).length ? drafts.set(draft.callId, draft.draft) : drafts.remove(draft.callId));
        return true;
      } catch {
        return false;
      }
    },
  };
}
