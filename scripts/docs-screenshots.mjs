// Writes the screenshots the README shows into docs/ (PNG), light and dark, English and German,
// from the production build against the Close stand-in (issue 15). Not part of npm test: run it
// after a change to how the panel or the popup looks, look at the files, commit them.
//
//   node scripts/docs-screenshots.mjs            build, then every screenshot
//   node scripts/docs-screenshots.mjs --no-build  the build in .output (or $WXT_OUT_DIR) as it is
//
// It runs test/e2e/docs-screenshots.shot.ts (docs/{connect,panel,waiting}-<lang>-<scheme>.png),
// then the two look tests with UPDATE_DOCS=1 (docs/panel.png, docs/panel-dark.png,
// docs/panel-life-*.png, docs/draft-saved-*.png), which check axe on the same states.
import { spawnSync } from 'node:child_process';

const run = (args, env = {}) => {
  console.log(`> ${args.join(' ')}`);
  const result = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!process.argv.includes('--no-build')) run(['wxt', 'build']);
run(['vitest', 'run', '--config', 'vitest.screenshots.config.ts']);
run(['vitest', 'run', '--config', 'vitest.e2e.config.ts', 'test/e2e/panel-look.e2e.test.ts', 'test/e2e/panel-life-look.e2e.test.ts'], {
  UPDATE_DOCS: '1',
});
