import type { CallBase, CallChanges } from '../close/schemas';
import type { Call } from '../close/schemas';
import type { Reply, SaveResult } from '../messages';
import { send } from './send';

const STATUS_TRIES = 10;
const STATUS_PAUSE_MS = 500;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Hands a save to the background and waits for its result. If the worker was stopped while
 * it worked (the message port closes), asking for the job by its id wakes the worker, which
 * resumes the save from its outbox; a job it never received is sent again under the same id.
 */
export async function saveCall(
  jobId: string,
  callId: Call['id'],
  changes: CallChanges,
  base: CallBase | null,
): Promise<Reply<SaveResult>> {
  const message = { type: 'call.save', jobId, callId, changes, base } as const;
  let reply = await send(message);
  for (let tries = 0; !reply.ok && reply.error.kind === 'rejected' && tries < STATUS_TRIES; tries++) {
    await pause(STATUS_PAUSE_MS);
    const status = await send({ type: 'save.status', jobId });
    if (!status.ok) continue;
    reply = status.value.state === 'unknown' ? await send(message) : status;
  }
  return reply;
}
