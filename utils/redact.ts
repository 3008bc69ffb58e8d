// The API key must never leave the background: not in a reply, a message to a tab, an error
// or a log line (SECURITY.md). Close's answers are not ours to trust, so anything built from
// them passes through here before it goes anywhere else.

export const REDACTED = '[redacted]';

// Too short to be a key, and replacing it would mangle ordinary text.
const MIN_SECRET_LENGTH = 8;

/** Every form in which a key travels: itself, and inside the Basic authorisation header. */
export function secretForms(apiKey: string | undefined): string[] {
  if (!apiKey || apiKey.length < MIN_SECRET_LENGTH) return [];
  const forms = [apiKey];
  try {
    forms.push(btoa(`${apiKey}:`), btoa(apiKey));
  } catch {
    // btoa refuses non-Latin-1 text; such a key never reaches a header either.
  }
  return forms;
}

/** The text with every known secret replaced. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join(REDACTED);
  return out;
}

// A Basic header echoed back by a proxy or an error page, whoever's key it is. Only for
// diagnostics: in a rep's note the same pattern may be ordinary words.
const BASIC_HEADER = /\bBasic\s+[A-Za-z0-9+/]{8,}={0,2}/g;

/** Text from outside (Close's error bodies) with anything shaped like a Basic header replaced. */
export const redactAuthHeaders = (text: string) => text.replace(BASIC_HEADER, `Basic ${REDACTED}`);

const MAX_DEPTH = 64;

/**
 * A copy of a JSON-like value (a reply, a message) with every string redacted, keys included.
 * Anything deeper than any message we send is cut off rather than walked.
 */
export function redactDeep<T>(value: T, secrets: readonly string[], depth = 0): T {
  if (!secrets.length) return value;
  if (typeof value === 'string') return redactText(value, secrets) as T;
  if (!value || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return REDACTED as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets, depth + 1)) as T;
  const copy: Record<string, unknown> = {};
  // defineProperty, so that an own "__proto__" key from parsed JSON stays a plain key.
  for (const [key, item] of Object.entries(value))
    Object.defineProperty(copy, redactText(key, secrets), {
      value: redactDeep(item, secrets, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return copy as T;
}

/** An error, as one line for a diagnostic log, with no secret in it. */
export function redactError(error: unknown, secrets: readonly string[]): string {
  let text: string;
  try {
    text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    text = 'an error that cannot be printed';
  }
  return redactAuthHeaders(redactText(text, secrets));
}
