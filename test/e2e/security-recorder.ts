// Records, inside the content script's isolated world, every message our content script sends
// to the background, every reply it gets, and every message the background sends it. The
// recording is made where the messages arrive, so it cannot miss a path through the worker.
import type { IsolatedWorld } from './security-worlds';

export interface Recorded {
  direction: 'sent' | 'reply' | 'received';
  message: unknown;
}

const INSTALL = `(() => {
  if (globalThis.__recorded) return true;
  const recorded = (globalThis.__recorded = []);
  const copy = (value) => { try { return JSON.parse(JSON.stringify(value ?? null)); } catch { return String(value); } };
  const wrap = (runtime) => {
    if (!runtime || runtime.__wrapped) return;
    const send = runtime.sendMessage;
    runtime.sendMessage = function (...args) {
      recorded.push({ direction: 'sent', message: copy(args[0]) });
      const reply = send.apply(this, args);
      if (reply && typeof reply.then === 'function')
        reply.then((value) => recorded.push({ direction: 'reply', message: copy(value) }), () => {});
      return reply;
    };
    runtime.onMessage.addListener((message) => { recorded.push({ direction: 'received', message: copy(message) }); });
    runtime.__wrapped = true;
  };
  wrap(globalThis.chrome?.runtime);
  wrap(globalThis.browser?.runtime);
  return true;
})()`;

/** Starts recording in the content script's world; the content script itself is untouched. */
export async function recordMessages(world: IsolatedWorld) {
  await world.evaluate(INSTALL);
  return {
    all: () => world.evaluate<Recorded[]>('globalThis.__recorded'),
  };
}
