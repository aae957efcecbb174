import { readFileSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/**
 * Every `msg()` in the widget names its message (`msg(…, { id })`), so a translation survives an
 * edit of the Dutch text, and @lit/localize never needs to hash a template at runtime: its id
 * hashing (~270 B brotli of the first view) is replaced by a stub, and a `msg()` without an id
 * fails the build. The path is @lit/localize 0.12's internal module; if it moves, the stub
 * simply stops applying and the byte budget in `npm run bench` notices.
 */
const explicitMessageIds = () => ({
  name: 'explicit-message-ids',
  load(id) {
    if (/@lit[\\/]localize[\\/]internal[\\/]id-generation\.js$/.test(id)) {
      return 'export const generateMsgId = () => { throw new Error("[buurtplein] msg() without an id"); };';
    }
    return null;
  },
  transform(code, id) {
    if (!id.includes('/widget/src/')) return null;
    walk(this.parse(code), (node) => {
      if (node.type === 'CallExpression' && node.callee.name === 'msg' && node.arguments.length < 2) {
        this.error(`msg() needs { id }: ${code.slice(node.start, node.end)}`, node.start);
      }
    });
    return null;
  },
});

/** Calls `visit` on every node of an ESTree AST. */
function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) value.forEach((child) => walk(child, visit));
    else if (value && typeof value === 'object') walk(value, visit);
  }
}

/**
 * Collapses the indentation inside our own `html` and `css` templates: terser keeps template text
 * as written, and a line break with its indent is one space to both HTML and CSS. None of our
 * templates holds `<pre>` or `<textarea>` content, where it would not be. In `css` templates it
 * also drops comments, the spaces around `{ } ; ,` and after `:`, a rule's last `;` and the `0` of
 * `0.5`, none of which CSS needs (no template of ours has such text inside a quoted string).
 */
const collapseTemplateWhitespace = () => ({
  name: 'collapse-template-whitespace',
  transform(code, id) {
    if (!id.includes('/widget/src/')) return null;
    const edits = [];
    walk(this.parse(code), (node) => {
      if (node.type !== 'TaggedTemplateExpression' || !['html', 'css'].includes(node.tag.name)) return;
      for (const quasi of node.quasi.quasis) edits.push({ quasi, css: node.tag.name === 'css' });
    });
    if (edits.length === 0) return null;
    let result = code;
    for (const { quasi, css } of edits.sort((a, b) => b.quasi.start - a.quasi.start)) {
      let text = result.slice(quasi.start, quasi.end).replace(/\s*\n\s*/g, ' ');
      if (css) {
        text = text
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s*([{};,])\s*/g, '$1')
          .replace(/:\s+/g, ':')
          .replace(/;}/g, '}')
          .replace(/([:,( ])0\.(\d)/g, '$1.$2');
      }
      result = result.slice(0, quasi.start) + text + result.slice(quasi.end);
    }
    return { code: result, map: null };
  },
});

/**
 * Keeps Lit's page-wide registries off the host page's `window`, so the script tag adds
 * `window.Buurtplein` and nothing else: the version lists (`litHtmlVersions`, `litElementVersions`,
 * `reactiveElementVersions`, read only by Lit's dev-mode warnings) are dropped, and
 * `litPropertyMetadata` (property decorators' metadata; the elements declare `static properties`)
 * becomes a module-level map. Each Lit module must still match, so a Lit upgrade that changes
 * these lines fails the build instead of leaking globals again.
 */
const privateLitGlobals = () => ({
  name: 'private-lit-globals',
  transform(code, id) {
    const lit = /[\\/](lit-html[\\/]lit-html|lit-element[\\/]lit-element|@lit[\\/]reactive-element[\\/]reactive-element)\.js$/.exec(id);
    if (!lit) return null;
    const versions = /\(\w+\.(?:litHtmlVersions|litElementVersions|reactiveElementVersions)\?\?=\[\]\)\.push\("[^"]*"\)/;
    const metadata = /\w+\.litPropertyMetadata\?\?=new WeakMap/;
    if (!versions.test(code) || (lit[1].endsWith('reactive-element') && !metadata.test(code))) {
      this.error(`Lit's globals in ${lit[1]}.js no longer look as expected: update private-lit-globals`);
    }
    let result = code.replace(versions, 'void 0');
    if (metadata.test(result)) result = `const litPropertyMetadata = new WeakMap();\n${result.replace(metadata, 'void 0')}`;
    return { code: result, map: null };
  },
  renderChunk(code, chunk) {
    if (/\.litPropertyMetadata\b/.test(code)) this.error(`${chunk.fileName} reaches for the global litPropertyMetadata: declare properties in static properties, not with @property()`);
    return null;
  },
});

/**
 * Keeps each distinct `@license` notice once per file: terser keeps every module's, and Lit's modules
 * repeat the same few (Google LLC, BSD-3-Clause, by year) — bytes in every first view. Runs after terser.
 */
const licenseNoticesOnce = () => ({
  name: 'license-notices-once',
  renderChunk(code) {
    const seen = new Set();
    const result = code.replace(/\/\*\*?\s*\n(?:\s*\*.*\n)*?\s*\*\s*@license[\s\S]*?\*\/\n?/g, (notice) => {
      const text = notice.trim();
      if (seen.has(text)) return '';
      seen.add(text);
      return notice;
    });
    return result === code ? null : { code: result, map: null };
  },
});

/** Lit's modules that re-export `css` on its way to the first paint (see the elements module's `treeshake`). */
const LIT_REEXPORTS = /[\\/]node_modules[\\/](lit[\\/]index|lit-element[\\/]lit-element|@lit[\\/]reactive-element[\\/]reactive-element|lit-html[\\/]lit-html)\.js$/;

const plugins = () => [
  nodeResolve(),
  esbuild({
    tsconfig: 'tsconfig.json',
    target: 'es2022',
    define: { __BUURTPLEIN_VERSION__: JSON.stringify(version) },
  }),
  explicitMessageIds(),
  collapseTemplateWhitespace(),
  privateLitGlobals(),
];

// A warning is a bug in the build: fail on it rather than print it.
const onwarn = (warning) => {
  throw new Error(`${warning.code}: ${warning.message}`);
};

export default [
  {
    // The script-tag entry: a classic script, so it can read document.currentScript.
    // terser everywhere: a third pass still finds bytes, and unused trailing parameters may go
    // (`keep_fargs: false`), as neither the widget nor Lit reads a function's `length`.
    input: 'src/loader.ts',
    output: { file: 'dist/buurtplein.js', format: 'iife', plugins: [terser({ compress: { passes: 3, keep_fargs: false } }), licenseNoticesOnce()] },
    plugins: plugins(),
    onwarn,
  },
  {
    // The first paint of a list without Lit (src/paint.ts) is a second entry: the modules it shares
    // with the elements module (the card, the styles, the messages) come in shared chunks, so both
    // see the same cards and style sheets.
    input: { 'buurtplein.elements': 'src/elements.ts', 'buurtplein.paint': 'src/paint.ts' },
    // The elements module (the first view), plus the chunks it loads on demand: the plein and what it
    // shows in one (src/lazy-elements.ts), the start form and the sign-in in another
    // (src/form-elements.ts), the meetings and professionals lists in a third (src/paged-elements.ts),
    // the embed API's (src/embed/host-api.ts), the SDK, and the rest of each language's messages;
    // each named by content hash so a new release never meets a cached old chunk.
    // terser's `module: true` drops an IIFE's global name, so it is set for the ES output only.
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'buurtplein.[name]-[hash].js',
      plugins: [terser({ module: true, compress: { passes: 3, keep_fargs: false } }), licenseNoticesOnce()],
    },
    plugins: plugins(),
    // Lit's modules are kept for what is imported from them, not for their side effects alone: `css`
    // reaches the first paint through `lit`'s index, Lit's element and its reactive base (re-exports
    // all), which would otherwise bring all of Lit into the chunk it shares with the elements module.
    treeshake: { moduleSideEffects: (id) => !LIT_REEXPORTS.test(id) },
    onwarn,
  },
  {
    // The React components (`@buurtplein/widget/react`), for the host's own bundler: one ES module,
    // unminified (the host's build minifies), with React left to the host.
    input: 'src/react/index.ts',
    external: ['react'],
    output: { file: 'dist/react.js', format: 'es', inlineDynamicImports: true },
    plugins: plugins(),
    onwarn,
  },
  {
    // The console for moderators and network admins (/console): its own bundle, never loaded by host pages.
    input: 'src/console/console.ts',
    output: { file: 'dist/buurtplein-console.js', format: 'es', plugins: [terser({ module: true, compress: { passes: 3, keep_fargs: false } }), licenseNoticesOnce()] },
    plugins: plugins(),
    onwarn,
  },
];
