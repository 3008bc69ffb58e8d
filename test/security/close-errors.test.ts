// Close's error words reach the panel and tabs (issue 5): nothing shaped like our credentials,
// and no runaway error page, survives into an error value.
import { describe, expect, it } from 'vitest';
import { errorFromResponse } from '../../utils/close/errors';

const HEADER = `Basic ${btoa('api_someone.s-key:')}`;

describe('errors built from Close\'s bodies', () => {
  it('drop an echoed Authorization header, in the detail and in field errors', () => {
    const error = errorFromResponse(400, {
      errors: [`Request had Authorization: ${HEADER}`],
      'field-errors': { note: `Bad value; headers were ${HEADER}` },
    });
    expect(JSON.stringify(error)).not.toContain(HEADER.slice('Basic '.length));
    expect(error.detail).toBe('Request had Authorization: Basic [redacted]');
    expect(error.fieldErrors?.note).toBe('Bad value; headers were Basic [redacted]');
    expect(error.message).toContain('Basic [redacted]');
  });

  it('cut a huge error body to a details line', () => {
    const error = errorFromResponse(500, { error: 'x'.repeat(1_000_000) });
    expect(error.detail!.length).toBe(1_000);
    expect(error.kind).toBe('server');
  });

  it('keep ordinary words as they are', () => {
    expect(errorFromResponse(404, { error: 'Empty query: Activity matching query does not exist.' }).detail).toBe(
      'Empty query: Activity matching query does not exist.',
    );
  });
});
