import { describe, expect, it } from 'vitest';
import { makeCall } from '../test/unit/helpers';
import { createOutbox } from './background/outbox';
import { createSaver } from './background/saver';
import type { CloseClient } from './close/client';
import { ContentMessageSchema } from './messages';
import { saveLabelOf } from './save-label';

// Issue 15: a save waiting in the outbox is named in the popup by its lead, its contact or phone,
// and its call's date. The panel sends those with the save; the outbox keeps them; saves of older
// versions (none) stay readable.

const WILE = { id: 'cont_wile0000000000000000000000000000000000000', name: 'Wile E. Coyote' };
const CALL = makeCall({ contact_id: WILE.id, remote_phone: '+14155550101', activity_at: '2026-11-23T15:42:00Z' });
const SAVE_ID = '00000000-0000-4000-8000-000000000001';

function memoryItem(initial: unknown = []) {
  let value = initial;
  return { getValue: async () => value, setValue: async (v: unknown) => void (value = v) } as never;
}

describe('saveLabelOf', () => {
  it('names the lead, the contact, and the call’s date', () => {
    expect(saveLabelOf(CALL, { leadName: 'Acme Anvils & Co.', contacts: [WILE] })).toEqual({
      lead: 'Acme Anvils & Co.',
      who: 'Wile E. Coyote',
      at: '2026-11-23T15:42:00Z',
    });
  });

  it('the phone number when the contact is not named; Calls to log’s names first', () => {
    expect(saveLabelOf(CALL, {})).toEqual({ who: '+14155550101', at: '2026-11-23T15:42:00Z' });
    const queue = [{ call: CALL, leadName: 'Globex', contactName: 'Hank Scorpio' }];
    expect(saveLabelOf(CALL, { leadName: 'Other', contacts: [WILE], queue })).toMatchObject({ lead: 'Globex', who: 'Hank Scorpio' });
  });

  it('never longer than the background accepts', () => {
    const label = saveLabelOf(CALL, { leadName: 'L'.repeat(500) })!;
    expect(label.lead).toHaveLength(200);
    const message = { type: 'call.save', saveId: SAVE_ID, callId: CALL.id, changes: { note: 'x' }, base: null, label };
    expect(ContentMessageSchema.safeParse(message).success).toBe(true);
    expect(ContentMessageSchema.safeParse({ ...message, label: { ...label, lead: 'L'.repeat(201) } }).success).toBe(false);
    expect(ContentMessageSchema.safeParse({ ...message, label: { ...label, apiKey: 'x' } }).success).toBe(false);
  });
});

describe('the outbox keeps the label', () => {
  const saverWith = (outbox: ReturnType<typeof createOutbox>) =>
    createSaver({
      outbox,
      connection: async () => undefined, // not connected: nothing is sent, saves wait
      createClient: () => ({}) as CloseClient,
      notify: async () => {},
      wakeAt: () => {},
    });

  it('with the save, and lists it for the popup', async () => {
    const outbox = createOutbox(memoryItem());
    const label = { lead: 'Acme Anvils & Co.', who: 'Wile E. Coyote', at: '2026-11-23T15:42:00Z' };
    await outbox.add({ id: SAVE_ID, callId: CALL.id, changes: { note: 'x' }, base: null, createdAt: 1, attempts: 1, label });
    expect((await saverWith(outbox).list())[0]).toMatchObject({ saveId: SAVE_ID, label });
  });

  it('an older version’s save (no label) is listed without one; a damaged label is dropped, not the save', async () => {
    const old = { id: SAVE_ID, callId: CALL.id, changes: { note: 'x' }, base: null, createdAt: 1, attempts: 1 };
    const damaged = { ...old, id: SAVE_ID.replace(/1$/, '2'), label: { lead: 42 } };
    const listed = await saverWith(createOutbox(memoryItem([old, damaged]))).list();
    expect(listed.map((s) => s.saveId)).toEqual([old.id, damaged.id]);
    expect(listed.map((s) => 'label' in s)).toEqual([false, false]);
  });
});
