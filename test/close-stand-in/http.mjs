// @ts-check
// The only place that touches Node's request/response objects, so the rest of the stand-in is plain functions.

/** @typedef {import('./types.mjs').Reply} Reply */

/**
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<string>}
 */
export async function readBody(req) {
  /** @type {Buffer[]} */
  const chunks = [];
  for await (const chunk of req) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The host a request is for, without port. `x-stand-in-host` wins because Node's fetch cannot set `Host`.
 * @param {import('node:http').IncomingMessage} req
 */
export function requestHost(req) {
  const override = req.headers['x-stand-in-host'];
  const raw = (typeof override === 'string' && override) || req.headers.host || '';
  const host = raw.startsWith('[') ? raw.slice(0, raw.indexOf(']') + 1) : raw.replace(/:\d+$/, '');
  return host.toLowerCase();
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {Reply} reply
 * @param {string} method
 */
export function send(res, reply, method) {
  const isJson = reply.json !== undefined;
  const body = isJson ? JSON.stringify(reply.json) : reply.text ?? '';
  /** @type {Record<string, string | number>} */
  const headers = {
    'content-type': isJson ? 'application/json' : 'text/plain; charset=utf-8',
    ...reply.headers,
    'content-length': Buffer.byteLength(body),
  };
  res.writeHead(reply.status, headers);
  res.end(method === 'HEAD' ? undefined : body);
}

/**
 * A request body as the request log shows it: parsed JSON if it is JSON, else the raw text, else undefined.
 * @param {string} raw
 */
export function loggedBody(raw) {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
