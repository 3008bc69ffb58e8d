// Medians, p95s and the description of the machine the figures were taken on.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

const sorted = (values) => values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);

/** The value at or below which p % of the samples fall (nearest rank). */
export function percentile(values, p) {
  const s = sorted(values);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export function median(values) {
  const s = sorted(values);
  if (!s.length) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export const summary = (values) => ({ median: median(values), p95: percentile(values, 95), n: sorted(values).length });

function chromiumVersion(chromePath) {
  try {
    const out = execFileSync(chromePath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return out.split('\n').find((line) => /chrom/i.test(line))?.trim() ?? out.trim();
  } catch {
    return 'unknown';
  }
}

function distribution() {
  try {
    return /^PRETTY_NAME="?([^"\n]+)/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
  } catch {
    return undefined;
  }
}

export function describeMachine(chromePath) {
  const cpus = os.cpus();
  return {
    cpu: `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} logical cores`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${distribution() ?? os.type()} (${os.type()} ${os.release()}, ${os.arch()})`,
    node: process.version,
    chromium: `${chromiumVersion(chromePath)}, headless`,
    loadAverage: os.loadavg().map((l) => l.toFixed(2)).join(' / '),
  };
}
