// Builds with the widget's own rollup configuration, in memory, so sizes and the import graph
// come from exactly what `npm run build -w widget` ships.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rollup, type OutputChunk, type OutputOptions, type RollupOptions } from 'rollup';
import { ROOT } from '../local-server.js';

const WIDGET_DIR = join(ROOT, 'widget');

/** One built JavaScript file and the files it imports. */
export interface BuiltFile {
  fileName: string;
  code: string;
  imports: string[];
  dynamicImports: string[];
}

async function widgetConfigs(): Promise<RollupOptions[]> {
  const module = (await import(pathToFileURL(join(WIDGET_DIR, 'rollup.config.mjs')).href)) as { default: RollupOptions | RollupOptions[] };
  return ([] as RollupOptions[]).concat(module.default);
}

async function build(config: RollupOptions): Promise<BuiltFile[]> {
  const bundle = await rollup(config);
  try {
    const outputs = ([] as OutputOptions[]).concat(config.output ?? {});
    const files: BuiltFile[] = [];
    for (const output of outputs) {
      const { output: chunks } = await bundle.generate(output);
      for (const chunk of chunks.filter((c): c is OutputChunk => c.type === 'chunk')) {
        files.push({ fileName: chunk.fileName, code: chunk.code, imports: chunk.imports, dynamicImports: chunk.dynamicImports });
      }
    }
    return files;
  } finally {
    await bundle.close();
  }
}

/** Runs `work` inside widget/, where the configuration's relative paths (tsconfig, inputs) point. */
async function inWidgetDir<T>(work: () => Promise<T>): Promise<T> {
  const before = process.cwd();
  process.chdir(WIDGET_DIR);
  try {
    return await work();
  } finally {
    process.chdir(before);
  }
}

/** Runs `npm run build -w widget` as a developer would: any steps before rollup run too, and dist/ is fresh. */
export function buildWidgetWithNpm(): void {
  const result = spawnSync('npm', ['run', 'build', '--silent', '-w', 'widget'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm run build -w widget failed:\n${result.stderr || result.stdout}`);
}

/** Every file the widget's build produces (built again in memory, for the import graph). */
export function buildWidget(): Promise<BuiltFile[]> {
  return inWidgetDir(async () => (await Promise.all((await widgetConfigs()).map(build))).flat());
}

/** The floor the widget is compared with: Lit and one element that renders a line, built like the widget. */
export function buildFloor(): Promise<BuiltFile[]> {
  return buildLikeElements(join(ROOT, 'scripts/bench/floor/floor-element.ts'));
}

/** `entry` built with the configuration of the widget's ES-module output (same plugins, same terser options). */
export function buildLikeElements(entry: string): Promise<BuiltFile[]> {
  return inWidgetDir(async () => {
    const configs = await widgetConfigs();
    const esConfig = configs.find((c) => !Array.isArray(c.output) && c.output?.format === 'es');
    if (!esConfig || Array.isArray(esConfig.output)) throw new Error('widget/rollup.config.mjs has no ES-module output');
    const { file, ...output } = esConfig.output ?? {};
    return build({ ...esConfig, input: entry, output: { ...output, entryFileNames: 'floor.js' } });
  });
}
