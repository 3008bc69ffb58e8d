// The message boundary, rule by rule (SECURITY.md): who may send, what they may send, and
// that nothing outside it reaches Close or the key.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { connectionStore } from '../../utils/connection';
import { ContentMessageSchema, PageMessageSchema } from '../../utils/messages';
import { SaveLabelSchema } from '../../utils/save-label-schema';
import {
  ACCOUNT,
  GOOD_KEY,
  KEY_FORMS,
  SENDERS,
  UNTRUSTED_SENDERS,
  VALID_FROM_CONTENT,
  VALID_FROM_PAGE,
  connect,
  createHandlerFixture,
  isKnownRequest,
  type Sender,
} from './handler-fixture';

let fixture: ReturnType<typeof createHandlerFixture>;
beforeEach(async () => {
  fakeBrowser.reset();
  fixture = createHandlerFixture();
  await connect();
});

const rejected = { ok: false, error: { kind: 'rejected' } };
const ALL_VALID = [...VALID_FROM_CONTENT, ...VALID_FROM_PAGE];

describe('rule 1: only our own extension, from a page we trust', () => {
  it.each(Object.entries(UNTRUSTED_SENDERS))('%s: every message is refused, nothing reaches Close', async (_name, sender) => {
    for (const message of ALL_VALID) expect(await fixture.handle(message, sender)).toMatchObject(rejected);
    expect(fixture.requests).toEqual([]);
    expect(fixture.openSettings).not.toHaveBeenCalled();
    expect(await connectionStore.get()).toEqual({ apiKey: GOOD_KEY, account: ACCOUNT });
  });
});

describe('rule 2: a content script may load and save calls, and ask for the settings', () => {
  it('every content message is accepted from the top frame of app.close.com', async () => {
    for (const message of VALID_FROM_CONTENT)
      expect(await fixture.handle(message, SENDERS.closePage), JSON.stringify(message)).toMatchObject({ ok: true });
    expect(fixture.requests.length).toBeGreaterThan(0);
    expect(fixture.requests.every(isKnownRequest)).toBe(true);
    expect(fixture.openSettings).toHaveBeenCalledTimes(1);
  });

  it('from a Close page that is not top-level, the same messages are refused', async () => {
    const iframe: Sender = { ...SENDERS.closePage, frameId: 1 };
    for (const message of VALID_FROM_CONTENT) expect(await fixture.handle(message, iframe)).toMatchObject(rejected);
    expect(fixture.requests).toEqual([]);
  });
});

describe('rule 3: the key and the settings only from extension pages', () => {
  const contentTypes = new Set(VALID_FROM_CONTENT.map((m) => m.type));
  const pageOnly = VALID_FROM_PAGE.filter((m) => !contentTypes.has(m.type));
  it('covers the key, the outbox list and sending an older version’s save', () => {
    expect(pageOnly.map((m) => m.type)).toEqual(['key.set', 'key.status', 'key.clear', 'outbox.list', 'outbox.claim']);
  });

  it.each(pageOnly.map((m) => [m.type, m]))('%s from a Close page is refused and changes nothing', async (_type, message) => {
    expect(await fixture.handle(message, SENDERS.closePage)).toMatchObject(rejected);
    expect(fixture.requests).toEqual([]);
    expect(await connectionStore.get()).toEqual({ apiKey: GOOD_KEY, account: ACCOUNT });
  });

  it('the popup and the options page may check, store, read and clear the key', async () => {
    for (const sender of [SENDERS.popup, SENDERS.optionsTab]) {
      expect(await fixture.handle({ type: 'key.status' }, sender)).toEqual({ ok: true, value: { connected: true, account: ACCOUNT } });
      expect(await fixture.handle({ type: 'key.clear' }, sender)).toEqual({ ok: true, value: null });
      expect(await connectionStore.get()).toBeUndefined();
      expect(await fixture.handle({ type: 'key.set', apiKey: GOOD_KEY }, sender)).toEqual({ ok: true, value: ACCOUNT });
    }
    expect(fixture.requests.map((r) => r.url.pathname)).toEqual(['/api/v1/me/', '/api/v1/me/']);
  });

  it('an extension page cannot use the content script\'s messages either', async () => {
    const pageTypes = new Set(VALID_FROM_PAGE.map((m) => m.type));
    for (const message of VALID_FROM_CONTENT.filter((m) => !pageTypes.has(m.type)))
      expect(await fixture.handle(message, SENDERS.popup)).toMatchObject(rejected);
    expect(fixture.requests).toEqual([]);
  });
});

describe('rule 4: every message is parsed before anything happens', () => {
  const malformed: [string, unknown][] = [
    ['a string', 'panel.load'],
    ['an array of a valid message', [VALID_FROM_CONTENT[0]]],
    ['an extra key', { ...VALID_FROM_CONTENT[0], url: 'https://evil.example/' }],
    ['a prototype key', JSON.parse('{"type":"panel.load","__proto__":{"leadId":"x"}}')],
    ['a type with a trailing space', { type: 'panel.load ' }],
    ['a type in capitals', { type: 'SETTINGS.OPEN' }],
    ['a key message smuggled in changes', { type: 'call.save', saveId: 'x', callId: 'y', changes: { type: 'key.clear' }, base: null }],
  ];
  it.each(malformed)('%s is refused from every trusted sender, with no request', async (_name, message) => {
    for (const sender of Object.values(SENDERS)) expect(await fixture.handle(message, sender)).toMatchObject(rejected);
    expect(fixture.requests).toEqual([]);
    expect(await connectionStore.get()).toBeDefined();
  });
});

describe('rule 5: there is no "fetch this URL" message', () => {
  const fieldsOf = (schema: typeof ContentMessageSchema | typeof PageMessageSchema) =>
    schema.options.flatMap((option) => Object.keys(option.shape));

  it('no message carries a URL, a path, a host or a method', () => {
    const fields = new Set([...fieldsOf(ContentMessageSchema), ...fieldsOf(PageMessageSchema)]);
    expect([...fields].filter((f) => /url|href|path|host|endpoint|method|fetch|query|header/i.test(f))).toEqual([]);
    // `choice` is the rep's answer to a note save waiting for its call to end: 'anyway' or 'wait';
    // `skip` is where a lead's next page of calls starts, a bounded integer (both issue 14).
    expect([...fields].sort()).toEqual(['apiKey', 'base', 'callId', 'callIds', 'changes', 'choice', 'label', 'leadId', 'saveId', 'skip', 'type']);
    // A save's label (issue 15) is three short texts for the popup, nothing the background acts on.
    expect(Object.keys(SaveLabelSchema.shape).sort()).toEqual(['at', 'lead', 'who']);
  });

  it('every request any valid message causes goes to one of the few endpoints we use', async () => {
    for (const message of VALID_FROM_CONTENT) await fixture.handle(message, SENDERS.closePage);
    for (const message of VALID_FROM_PAGE) await fixture.handle(message, SENDERS.popup);
    expect(fixture.requests.length).toBeGreaterThanOrEqual(4);
    expect(fixture.requests.filter((r) => !isKnownRequest(r)).map((r) => r.url.href)).toEqual([]);
  });
});

describe('rule 6: no reply carries the key', () => {
  it('not even when Close echoes it back in its errors', async () => {
    const echoing = createHandlerFixture({ echoKeyInErrors: true });
    const replies = [
      await echoing.handle({ type: 'panel.load', callId: 'acti_0000000000000000000000' }, SENDERS.closePage),
      await echoing.handle({ type: 'call.save', saveId: '00000000-0000-4000-8000-000000000001', callId: VALID_FROM_CONTENT[1]!.callId, changes: { note: 'x' }, base: null }, SENDERS.closePage),
      await echoing.handle({ type: 'key.set', apiKey: `${GOOD_KEY}x` }, SENDERS.popup),
    ];
    const text = JSON.stringify(replies);
    // The echo did happen, so the test could have failed:
    expect(text).toContain('you sent');
    expect(text).toContain('[redacted]');
    for (const form of [...KEY_FORMS, `${GOOD_KEY}x`, btoa(`${GOOD_KEY}x:`)]) expect(text).not.toContain(form);
  });

  it('an unexpected failure is logged for support without the key', async () => {
    const logged: string[] = [];
    const warn = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
    const original = console.warn;
    console.warn = warn;
    try {
      const broken = createHandlerFixture();
      await connectionStore.set({ apiKey: GOOD_KEY, account: ACCOUNT });
      // A storage that fails with the key in its words, as a corrupted value might.
      const get = connectionStore.get;
      let calls = 0;
      connectionStore.get = async () => {
        if (++calls === 1) throw new Error(`cannot read ${GOOD_KEY}`);
        return get();
      };
      try {
        expect(await broken.handle({ type: 'panel.load', leadId: VALID_FROM_CONTENT[0]!.leadId }, SENDERS.closePage)).toMatchObject(rejected);
      } finally {
        connectionStore.get = get;
      }
    } finally {
      console.warn = original;
    }
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('cannot read [redacted]');
    expect(logged[0]).not.toContain(GOOD_KEY);
  });
});
