import { readFileSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const plugins = () => [
  nodeResolve(),
  esbuild({
    tsconfig: 'tsconfig.json',
    target: 'es2022',
    define: { __BUURTPLEIN_VERSION__: JSON.stringify(version) },
  }),
];

// A warning is a bug in the build: fail on it rather than print it.
const onwarn = (warning) => {
  throw new Error(`${warning.code}: ${warning.message}`);
};

export default [
  {
    // The script-tag entry: a classic script, so it can read document.currentScript.
    input: 'src/loader.ts',
    output: { file: 'dist/buurtplein.js', format: 'iife', plugins: [terser({ compress: { passes: 2 } })] },
    plugins: plugins(),
    onwarn,
  },
  {
    input: 'src/elements.ts',
    // terser's `module: true` drops an IIFE's global name, so it is set for the ES output only.
    output: { file: 'dist/buurtplein.elements.js', format: 'es', plugins: [terser({ module: true, compress: { passes: 2 } })] },
    plugins: plugins(),
    onwarn,
  },
];
