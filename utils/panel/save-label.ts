import type { CallId } from '../close/ids';
import { saveLabelOf, type SaveLabel } from '../save-label';
import type { Session } from './save-session';

/** The label a save of `callId` is sent with: names from what the panel loaded (page or Calls to log). */
export function sessionSaveLabel(s: Session, callId: CallId): SaveLabel | undefined {
  const call = s.calls.find((c) => c.id === callId);
  if (!call) return undefined;
  const data = s.load.state === 'ready' && s.load.data.connected ? s.load.data : undefined;
  return saveLabelOf(call, { leadName: data?.leadName, contacts: data?.contacts, queue: s.queue });
}
