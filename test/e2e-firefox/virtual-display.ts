import { spawn } from 'node:child_process';
import { hasCommand } from '../../scripts/chromium.mjs';

/** Xvfb and xdotool (npm test installs both where apt-get can): a real key press needs them. */
export const canPressRealKeys = process.platform === 'linux' && hasCommand('Xvfb') && hasCommand('xdotool');

/**
 * Starts Xvfb on a display it picks itself (-displayfd), so parallel runs and other
 * browsers on the machine never collide on a fixed number.
 */
export async function startVirtualDisplay() {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const display = await new Promise<string>((resolve, reject) => {
    let out = '';
    xvfb.stdio[3]!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it had a display.`)));
  });
  return { display, stop: () => void xvfb.kill() };
}
