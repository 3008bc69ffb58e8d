import { describe, expect, it } from 'vitest';
import { REDACTED, redactAuthHeaders, redactDeep, redactError, redactText, secretForms } from './redact';

const KEY = 'api_KDpsWOrsB8y2BZtn5Lkgss.l627VapuSYuYsqdHscoVMW';
const HEADER_VALUE = btoa(`${KEY}:`);

describe('secretForms', () => {
  it('covers the key and its Basic header encodings', () => {
    const forms = secretForms(KEY);
    expect(forms).toContain(KEY);
    expect(forms).toContain(HEADER_VALUE);
    expect(forms).toContain(btoa(KEY));
  });

  it('has nothing to hide without a key, or for a string too short to be one', () => {
    expect(secretForms(undefined)).toEqual([]);
    expect(secretForms('')).toEqual([]);
    expect(secretForms('abc')).toEqual([]);
  });

  it('does not throw on a key btoa cannot encode', () => {
    expect(secretForms('clé-ünïcødé-☃-key')).toEqual(['clé-ünïcødé-☃-key']);
  });
});

describe('redactText', () => {
  it('replaces every occurrence of every form', () => {
    const text = `key ${KEY} then Authorization: Basic ${HEADER_VALUE} and ${KEY} again`;
    const out = redactText(text, secretForms(KEY));
    expect(out).not.toContain(KEY);
    expect(out).not.toContain(HEADER_VALUE);
    expect(out.split(REDACTED)).toHaveLength(4);
    expect(out.startsWith('key [redacted] then Authorization: Basic [redacted]')).toBe(true);
  });

  it('leaves text without a secret alone, including words that look like a header', () => {
    const note = 'Basic Training2026 went well; api_ keys discussed';
    expect(redactText(note, secretForms(KEY))).toBe(note);
  });
});

describe('redactDeep', () => {
  it('redacts strings at any depth, in keys too, without changing the input', () => {
    const reply = {
      ok: false,
      error: { kind: 'validation', detail: `bad key ${KEY}`, fieldErrors: { [KEY]: [`x${HEADER_VALUE}y`] } },
      list: [1, null, true, { note: KEY }],
    };
    const out = redactDeep(reply, secretForms(KEY));
    expect(JSON.stringify(out)).not.toContain(KEY);
    expect(JSON.stringify(out)).not.toContain(HEADER_VALUE);
    expect(out.list.slice(0, 3)).toEqual([1, null, true]);
    expect(out.error.kind).toBe('validation');
    expect(JSON.stringify(reply)).toContain(KEY);
  });

  it('keeps an own "__proto__" key a plain key', () => {
    const parsed = JSON.parse(`{"__proto__": {"polluted": "${KEY}"}}`) as Record<string, unknown>;
    const out = redactDeep(parsed, secretForms(KEY)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(out)).toBe(`{"__proto__":{"polluted":"${REDACTED}"}}`);
  });

  it('cuts off absurdly deep values instead of overflowing the stack', () => {
    let deep: unknown = KEY;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(() => redactDeep(deep, secretForms(KEY))).not.toThrow();
    expect(JSON.stringify(redactDeep(deep, secretForms(KEY)))).not.toContain(KEY);
  });

  it('returns the value itself when there is nothing to hide', () => {
    const value = { a: 1 };
    expect(redactDeep(value, [])).toBe(value);
  });
});

describe('diagnostics', () => {
  it('an error is one line with no key and no Basic header in it', () => {
    const line = redactError(new TypeError(`fetch failed for ${KEY} with Basic ${HEADER_VALUE}`), secretForms(KEY));
    expect(line).toBe('TypeError: fetch failed for [redacted] with Basic [redacted]');
  });

  it('a Basic header is redacted even when we do not know whose key it is', () => {
    expect(redactAuthHeaders('echo: Authorization: Basic b3RoZXJrZXk6 end')).toBe('echo: Authorization: Basic [redacted] end');
  });

  it('copes with values that are not errors, even ones that refuse to be printed', () => {
    expect(redactError(`plain ${KEY}`, secretForms(KEY))).toBe('plain [redacted]');
    const hostile = {
      toString() {
        throw new Error('no');
      },
    };
    expect(redactError(hostile, secretForms(KEY))).toBe('an error that cannot be printed');
  });
});
