import { describe, expect, it, vi } from 'vitest';
import type { TabMessage } from '../messages';
import { keyFreeNotify } from './key-free-notify';

const KEY = 'api_KDpsWOrsB8y2BZtn5Lkgss.l627VapuSYuYsqdHscoVMW';
const account = { userId: 'user_a', organizationId: 'orga_o', email: 'a@b.c', name: 'A', organization: 'O' };

const failedWith = (detail: string): TabMessage => ({
  type: 'save.result',
  saveId: 'j',
  callId: 'acti_x',
  result: { state: 'failed', error: { kind: 'validation', message: 'Close did not accept this change.', nextStep: 'fix-and-save', detail } },
});

describe('keyFreeNotify', () => {
  it('removes the stored key, in every form, from what goes to the tab', async () => {
    const notify = vi.fn(async () => {});
    const send = keyFreeNotify(notify, { get: async () => ({ apiKey: KEY, account }) });
    await send(7, failedWith(`echo ${KEY} / Basic ${btoa(`${KEY}:`)}`));
    expect(notify).toHaveBeenCalledTimes(1);
    const [tabId, message] = notify.mock.calls[0] as unknown as [number, TabMessage];
    expect(tabId).toBe(7);
    expect(JSON.stringify(message)).not.toContain(KEY);
    expect(JSON.stringify(message)).not.toContain(btoa(`${KEY}:`));
    expect(message).toMatchObject({ type: 'save.result', result: { state: 'failed', error: { detail: 'echo [redacted] / Basic [redacted]' } } });
  });

  it('passes messages through unchanged when there is no key, or the store fails', async () => {
    const message = failedWith('plain');
    for (const get of [async () => undefined, async () => Promise.reject(new Error('storage'))]) {
      const notify = vi.fn(async () => {});
      await keyFreeNotify(notify, { get })(1, message);
      expect(notify).toHaveBeenCalledWith(1, message);
    }
  });
});
