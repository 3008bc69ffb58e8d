import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { missingOptionalEntries, npmCiProblem } from '../../scripts/lock-check.mjs';

// Issue 18: `npm ci` everywhere needs a lock that matches package.json and lists every
// platform's optional packages; a lock written without them fails `npm ci` on other machines.
const packageJson = JSON.parse(readFileSync('package.json', 'utf8'));
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));

describe('package-lock.json', () => {
  it('lists the optional packages of every platform', () => {
    expect(missingOptionalEntries(lock)).toEqual([]);
  });

  it('is in step with package.json (npm ci --dry-run accepts it)', () => {
    expect(npmCiProblem(packageJson, 'package-lock.json')).toBeNull();
  }, 60_000);

  it('names no registry', () => {
    expect(JSON.stringify(lock)).not.toMatch(/"resolved"|https?:\/\/registry/);
  });

  describe('the checks can fail', () => {
    it('a lock without an optional platform entry is caught', () => {
      const rollup = Object.keys(lock.packages).find((path) => path.endsWith('/@rollup/rollup-darwin-arm64'));
      expect(rollup).toBeDefined();
      const broken = structuredClone(lock);
      delete broken.packages[rollup!];
      expect(missingOptionalEntries(broken)).toEqual([expect.stringContaining('@rollup/rollup-darwin-arm64')]);
    });

    it('a package.json the lock does not describe is refused', () => {
      const drifted = structuredClone(packageJson);
      drifted.dependencies.preact = '10.0.0';
      expect(npmCiProblem(drifted, 'package-lock.json')).toMatch(/sync|match|invalid/i);
    }, 60_000);
  });
});
