import { describe, expect, it } from 'vitest';
import { getCallId, getCallRouteId, getLeadId, getPageTarget, sameTarget } from './page';
import { base62, callId, leadId } from '../test/unit/helpers';

const LEAD = 'lead_Ln2B6zRnlrDrm2vqV7c6xUs0CE09j4Gu8k7JcjaMBBy';
const CALL = 'acti_K2Nm8Dq2zQ3kYv0Z3K1ab7dn0QcN1pP5r3ZcYtL0aWk';
const APP = 'https://app.close.com';
const target = (url: string) => getPageTarget(new URL(url));

describe('the examples in page.ts', () => {
  it('reads the lead from a lead page, with or without a trailing part', () => {
    expect(getLeadId(new URL(`${APP}/lead/${LEAD}/`))).toBe(LEAD);
    expect(getLeadId(new URL(`${APP}/lead/${LEAD}/activity/`))).toBe(LEAD);
    expect(getLeadId(new URL(`${APP}/leads/save_abc/`))).toBeUndefined();
  });

  it('reads a call from the hash or from the voicemail route', () => {
    expect(getCallId(new URL(`${APP}/lead/${LEAD}/#activityId=${CALL}`))).toBe(CALL);
    expect(getCallId(new URL(`${APP}/call/${CALL}/voicemail/`))).toBe(CALL);
    expect(getCallId(new URL(`${APP}/inbox/`))).toBeUndefined();
  });

  it('reads the call of the call route only, never an id elsewhere in the URL', () => {
    expect(getCallRouteId(new URL(`${APP}/call/${CALL}/voicemail/`))).toBe(CALL);
    expect(getCallRouteId(new URL(`${APP}/inbox/#activityId=${CALL}`))).toBeUndefined();
    expect(getCallRouteId(new URL(`${APP}/call/x${CALL}/`))).toBeUndefined();
  });

  it('gives a target for a lead page and none for the inbox', () => {
    expect(target(`${APP}/lead/${LEAD}/`)).toEqual({ leadId: LEAD });
    expect(target(`${APP}/inbox/`)).toBeUndefined();
  });
});

describe('lead pages', () => {
  it.each([
    `${APP}/lead/${LEAD}`,
    `${APP}/lead/${LEAD}/`,
    `${APP}/lead/${LEAD}/activity/`,
    `${APP}/lead/${LEAD}/tasks/?filter=open`,
    `${APP}/lead/${LEAD}/#top`,
    `${APP}/lead/${LEAD}?x=1`,
  ])('%s -> the lead only', (url) => {
    expect(target(url)).toEqual({ leadId: LEAD });
  });

  it('takes both the lead and a call named in the path, query or hash', () => {
    expect(target(`${APP}/lead/${LEAD}/activity/${CALL}/`)).toEqual({ leadId: LEAD, callId: CALL });
    expect(target(`${APP}/lead/${LEAD}/?activity=${CALL}&tab=all`)).toEqual({ leadId: LEAD, callId: CALL });
    expect(target(`${APP}/lead/${LEAD}/#activityId=${CALL}`)).toEqual({ leadId: LEAD, callId: CALL });
  });

  it('finds a call anywhere on a page without a lead', () => {
    expect(target(`${APP}/call/${CALL}/voicemail/`)).toEqual({ callId: CALL });
    expect(target(`${APP}/search/?q=${CALL}`)).toEqual({ callId: CALL });
    expect(target(`${APP}/inbox/#${CALL}`)).toEqual({ callId: CALL });
  });

  it('does not take a lead from anywhere but the /lead/ segment', () => {
    expect(target(`${APP}/leads/?lead=${LEAD}`)).toBeUndefined();
    expect(target(`${APP}/inbox/#${LEAD}`)).toBeUndefined();
    expect(target(`${APP}/opportunity/oppo_${base62(43)}/${LEAD}/`)).toBeUndefined();
  });
});

describe('URLs that must not match', () => {
  it.each([
    // other origins
    `https://app.close.com.evil.example/lead/${LEAD}/`,
    `https://evil.example/lead/${LEAD}/#${CALL}`,
    `https://app.close.com@evil.example/lead/${LEAD}/`,
    `http://app.close.com/lead/${LEAD}/`,
    `http://app.close.com/call/${CALL}/voicemail/`,
    `https://app.close.com:8443/lead/${LEAD}/`,
    `https://close.com/lead/${LEAD}/`,
    `https://api.close.com/lead/${LEAD}/`,
    // smart views, other pages
    `${APP}/leads/save_${base62(43)}/`,
    `${APP}/opportunity/oppo_${base62(43)}`,
    `${APP}/`,
    `${APP}/inbox/`,
    // too short
    `${APP}/lead/lead_abc/`,
    `${APP}/lead/lead_${base62(15)}/`,
    `${APP}/call/acti_${base62(15)}/voicemail/`,
    `${APP}/inbox/#acti_abc`,
    // prefix only, wrong prefix
    `${APP}/lead/lead_/`,
    `${APP}/lead/${CALL.replace('acti_', 'cont_')}/`,
    // ids with '/', '%2F' or '..'
    `${APP}/lead/lead_x/../../me`,
    `${APP}/inbox/#acti_x/../../me`,
    `${APP}/inbox/?id=acti_abc%2F..`,
    `${APP}/lead/${LEAD}%2F..%2Fme/`,
    `${APP}/lead/lead_abc%2F${base62(43)}/`,
    `${APP}/lead/..%2F${LEAD}/`,
    `${APP}/lead/lead_..${base62(43)}/`,
    // a lead id with more id characters after it is not that lead
    `${APP}/lead/${LEAD}x_y/`,
    `${APP}/lead/x${LEAD}/`,
    // Cyrillic 'а' (U+0430) for the Latin 'a'
    `${APP}/call/\u0430cti_${base62(43)}/voicemail/`,
    `${APP}/inbox/#\u0430cti_${base62(43)}`,
    `${APP}/inbox/?id=\u0430cti_${base62(43)}`,
    `${APP}/lead/le\u0430d_${base62(43)}/`,
    `${APP}/lead/lead_${base62(20)}\u0430${base62(22)}/`,
    `${APP}/call/acti_${base62(20)}\u0430${base62(22)}/voicemail/`,
    `${APP}/inbox/#acti_${base62(20)}\u0430${base62(22)}`,
    // acti_ glued to other id characters is not a call id
    `${APP}/call/xacti_${base62(43)}/voicemail/`,
    `${APP}/inbox/#contacti_${base62(43)}`,
  ])('%s', (url) => {
    expect(target(url)).toBeUndefined();
  });

  it('never returns anything but a clean id, whatever follows it', () => {
    // A valid id followed by a traversal: only the id itself is taken, never the rest.
    for (const url of [
      `${APP}/call/${CALL}%2F..%2F..%2Fme/`,
      `${APP}/inbox/#${CALL}/../me`,
      `${APP}/inbox/?next=${CALL}..%2Fme`,
      `${APP}/inbox/?next=%2Fcall%2F${CALL}%2Fvoicemail%2F`,
    ]) {
      expect(target(url)).toEqual({ callId: CALL });
    }
  });

  it('a path with ".." segments is resolved before it is read', () => {
    // The URL parser resolves `/call/acti_…/../me` to `/call/me`: no call remains.
    expect(target(`${APP}/call/${CALL}/../me`)).toBeUndefined();
  });
});

describe('sameTarget', () => {
  const lead = leadId(1);
  const call = callId(1);

  it('is true for the same lead and call, and for two pages without a target', () => {
    expect(sameTarget({ leadId: lead }, { leadId: lead })).toBe(true);
    expect(sameTarget({ leadId: lead, callId: call }, { leadId: lead, callId: call })).toBe(true);
    expect(sameTarget(undefined, undefined)).toBe(true);
  });

  it('navigation within one lead page keeps the same target', () => {
    expect(sameTarget(target(`${APP}/lead/${LEAD}/`), target(`${APP}/lead/${LEAD}/activity/`))).toBe(true);
  });

  it('is false when the lead or the call differs, or one side has none', () => {
    expect(sameTarget({ leadId: lead }, { leadId: leadId(2) })).toBe(false);
    expect(sameTarget({ leadId: lead, callId: call }, { leadId: lead, callId: callId(2) })).toBe(false);
    expect(sameTarget({ leadId: lead }, { leadId: lead, callId: call })).toBe(false);
    expect(sameTarget({ leadId: lead }, undefined)).toBe(false);
    expect(sameTarget(undefined, { callId: call })).toBe(false);
  });
});
