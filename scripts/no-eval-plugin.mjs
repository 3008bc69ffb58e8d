// @ts-check
// Ships zod without its `new Function` code (issue 5). We run zod `jitless`, so its JIT never
// runs, but the code that would build parsers with `Function` still sat in the bundle, where
// store reviewers and web-ext lint flag it and a CSP report would show it. This replaces the
// two places in zod's core that touch `Function` with what jitless zod does anyway: "no eval".
// A zod upgrade that moves them fails the build here, not silently in review.

/** @type {{ file: RegExp, from: RegExp, to: string }[]} */
const PATCHES = [
  {
    // util.js: the probe `const F = Function; new F(""); return true;`
    file: /[\\/]zod[\\/]v4[\\/]core[\\/]util\.js$/,
    from: /const F = Function;\s*new F\(""\);\s*return true;/,
    to: 'return false;',
  },
  {
    // doc.js: Doc.compile() turns generated source into a function; unreachable when jitless.
    file: /[\\/]zod[\\/]v4[\\/]core[\\/]doc\.js$/,
    from: /compile\(\) \{\s*const F = Function;[\s\S]*?return factory\(\.\.\.Object\.values\(this\.closed\)\);\s*\}/,
    to: 'compile() {\n        throw new Error("zod runs jitless in this extension");\n    }',
  },
];

/** @returns {import('vite').Plugin} */
export function noEval() {
  return {
    name: 'close-quick-edit:no-eval',
    enforce: 'pre',
    transform(code, id) {
      const patch = PATCHES.find((p) => p.file.test(id.split('?')[0] ?? id));
      if (!patch) return null;
      if (!patch.from.test(code)) this.error(`no-eval: the code to remove is no longer in ${id}; update scripts/no-eval-plugin.mjs`);
      return { code: code.replace(patch.from, patch.to), map: null };
    },
  };
}
