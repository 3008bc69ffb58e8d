import { describe, expect, it } from 'vitest';
import { CALL_ID_IN_TEXT, isCallId, isLeadId, isOutcomeId } from './ids';
import { base62, callId, leadId, outcomeId } from '../../test/unit/helpers';

const REAL_CALL = 'acti_K2Nm8Dq2zQ3kYv0Z3K1ab7dn0QcN1pP5r3ZcYtL0aWk';
const REAL_LEAD = 'lead_Ln2B6zRnlrDrm2vqV7c6xUs0CE09j4Gu8k7JcjaMBBy';
const BODY = base62(43, 42);

describe('valid ids', () => {
  it('accepts realistic call, lead and outcome ids', () => {
    expect(isCallId(REAL_CALL)).toBe(true);
    expect(isLeadId(REAL_LEAD)).toBe(true);
    expect(isCallId(callId(7))).toBe(true);
    expect(isLeadId(leadId(7))).toBe(true);
    expect(isOutcomeId(outcomeId(7))).toBe(true);
    expect(isOutcomeId(`outcome_${base62(22, 3)}`)).toBe(true);
  });

  it('does not confuse the prefixes', () => {
    expect(isCallId(REAL_LEAD)).toBe(false);
    expect(isLeadId(REAL_CALL)).toBe(false);
    expect(isOutcomeId(REAL_CALL)).toBe(false);
    expect(isCallId(`ACTI_${BODY}`)).toBe(false);
    expect(isCallId(`acti${BODY}`)).toBe(false);
  });

  it('rejects non-strings', () => {
    for (const value of [undefined, null, 42, {}, [REAL_CALL], { toString: () => REAL_CALL }])
      expect(isCallId(value)).toBe(false);
  });
});

describe('traversal and injection attempts', () => {
  const attempts = [
    'acti_',
    'acti_x/../../me',
    'acti_abc%2F..',
    `acti_${BODY}/../me`,
    `acti_${BODY}/`,
    `acti_${BODY}%2F..%2Fme`,
    `acti_${BODY}?_fields=recording_url`,
    `acti_${BODY}#x`,
    `acti_${BODY}.json`,
    `../acti_${BODY}`,
    `acti_${BODY} `,
    ` acti_${BODY}`,
    `acti_${BODY}\n`,
    `acti_${BODY.slice(0, 20)} ${BODY.slice(20)}`,
    `acti_${BODY.slice(0, 20)}\t${BODY.slice(20)}`,
    // Cyrillic 'а' (U+0430) in the prefix and in the body
    `\u0430cti_${BODY}`,
    `acti_${BODY.slice(0, 20)}\u0430${BODY.slice(20)}`,
    // full-width digits and letters
    `acti_${BODY.slice(0, 20)}\uFF41${BODY.slice(20)}`,
    `acti_${'a'.repeat(15)}`, // too short
    `acti_${'a'.repeat(65)}`, // too long
    `acti_${BODY}\u0000`,
  ];

  it.each(attempts)('rejects %j as a call id', (attempt) => {
    expect(isCallId(attempt)).toBe(false);
  });

  it('rejects the same attempts with other prefixes', () => {
    expect(isLeadId(`lead_${BODY}/../me`)).toBe(false);
    expect(isLeadId(`lead_abc%2F..`)).toBe(false);
    expect(isOutcomeId(`outcome_${base62(22)}/../../me`)).toBe(false);
    expect(isOutcomeId(`outcome_${base62(22)} `)).toBe(false);
  });
});

describe('CALL_ID_IN_TEXT', () => {
  it('finds an id followed by a separator and stops at the first non-id character', () => {
    expect(CALL_ID_IN_TEXT.exec(`/call/${REAL_CALL}/voicemail/`)?.[0]).toBe(REAL_CALL);
    expect(CALL_ID_IN_TEXT.exec(`#activityId=${REAL_CALL}`)?.[0]).toBe(REAL_CALL);
  });

  it('does not take a valid-length prefix of a longer run of id characters', () => {
    expect(CALL_ID_IN_TEXT.exec(`acti_${'a'.repeat(70)}`)).toBeNull();
  });

  it('finds an id between percent-encoded ASCII separators', () => {
    expect(CALL_ID_IN_TEXT.exec(`?next=%2Fcall%2F${REAL_CALL}%2F`)?.[0]).toBe(REAL_CALL);
  });

  it('takes no part of a token that is not an id', () => {
    // glued to other id characters before it
    expect(CALL_ID_IN_TEXT.exec(`xacti_${BODY}`)).toBeNull();
    // a percent-encoded Cyrillic 'а' (U+0430 = %D0%B0) inside the body
    expect(CALL_ID_IN_TEXT.exec(`acti_${BODY.slice(0, 20)}%D0%B0${BODY.slice(20)}`)).toBeNull();
    // and before the prefix: 'аacti_'
    expect(CALL_ID_IN_TEXT.exec(`%D0%B0acti_${BODY}`)).toBeNull();
  });
});
