// @ts-check
// Serves a stand-in over HTTP(S). With TLS it presents a self-signed certificate for app.close.com and
// api.close.com, so a browser mapped onto it (--host-resolver-rules + --ignore-certificate-errors) runs the
// production extension unmodified.

import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';

/**
 * @typedef {{ handle: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void }} Handles
 * @typedef {{ port: number, url: string, server: import('node:http').Server | import('node:https').Server, close(): Promise<void> }} RunningServer
 */

/**
 * @param {{ standIn: Handles, port?: number, host?: string, tls?: boolean }} options
 * @returns {Promise<RunningServer>}
 */
export async function startStandInServer({ standIn, port = 0, host = '127.0.0.1', tls = true }) {
  /** @type {import('node:http').RequestListener} */
  const listener = (req, res) => standIn.handle(req, res);
  const server = tls
    ? https.createServer({
      key: readFileSync(new URL('./certs/key.pem', import.meta.url)),
      cert: readFileSync(new URL('./certs/cert.pem', import.meta.url)),
    }, listener)
    : http.createServer(listener);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    port: actualPort,
    url: `${tls ? 'https' : 'http'}://${urlHost}:${actualPort}`,
    server,
    close: () => new Promise((resolve) => {
      // Keep-alive connections (browsers, fetch) would otherwise hold close() open.
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
