import type { RunningServer } from '../e2e/harness';

/**
 * The stand-in stops accepting connections, as Close does when the network between goes: its
 * port refuses, open keep-alive sockets are cut. `accept()` listens on the same port again.
 */
export function standInSocket(server: RunningServer) {
  return {
    refuse: () =>
      new Promise<void>((resolve) => {
        server.server.close(() => resolve());
        server.server.closeAllConnections();
      }),
    accept: () =>
      new Promise<void>((resolve, reject) => {
        server.server.once('error', reject);
        server.server.listen(server.port, '127.0.0.1', () => {
          server.server.off('error', reject);
          resolve();
        });
      }),
  };
}
