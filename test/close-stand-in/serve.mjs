// @ts-check
// Manual runs: `node test/close-stand-in/serve.mjs [port] [--http]` serves the demo data until interrupted.

import { createCloseStandIn, startStandInServer } from './index.mjs';

const args = process.argv.slice(2);
const port = Number(args.find((a) => /^\d+$/.test(a)) ?? 8443);
const tls = !args.includes('--http');
const server = await startStandInServer({ standIn: createCloseStandIn(), port, tls });
console.log(`Close stand-in on ${server.url} (map app.close.com and api.close.com to it)`);
process.on('SIGINT', () => void server.close().then(() => process.exit(0)));
