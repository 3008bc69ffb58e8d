import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';

// English and German must be complete: the same keys, the same substitutions, and every key the
// code asks for present. A string added in one language only fails here.
const keysOf = async (locale: string) =>
  new Map((await parseMessagesFile(`locales/${locale}.yml`)).map((m) => [m.key.join('.'), m]));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('translations', async () => {
  const en = await keysOf('en');
  const de = await keysOf('de');

  it('has every English key in German, and no German key English lacks', () => {
    expect([...en.keys()].filter((k) => !de.has(k))).toEqual([]);
    expect([...de.keys()].filter((k) => !en.has(k))).toEqual([]);
  });

  it('keeps the same substitutions and plural forms in both languages', () => {
    for (const [key, message] of en) {
      const other = de.get(key)!;
      expect({ key, subs: other.substitutions, named: other.namedSubstitutions, type: other.type }).toEqual({
        key,
        subs: message.substitutions,
        named: message.namedSubstitutions,
        type: message.type,
      });
    }
  });

  it('has no empty message', () => {
    for (const [locale, messages] of [['en', en], ['de', de]] as const)
      for (const [key, m] of messages) {
        const texts = m.type === 'plural' ? Object.values(m.plurals) : [m.message];
        expect(texts.every((t) => t.trim() !== ''), `${locale}: ${key}`).toBe(true);
      }
  });

  it('defines every key the code asks for', () => {
    const used = new Set<string>();
    for (const dir of ['components', 'entrypoints', 'utils'])
      for (const file of sourceFiles(dir))
        for (const match of readFileSync(file, 'utf8').matchAll(/\bi18n\.t\(\s*'([^']+)'/g)) used.add(match[1]!);
    const manifest = readFileSync('wxt.config.ts', 'utf8').matchAll(/__MSG_(\w+)__/g);
    for (const match of manifest) used.add(match[1]!.replace('_', '.'));
    expect(used.size).toBeGreaterThan(3);
    expect([...used].filter((k) => !en.has(k))).toEqual([]);
  });
});
