// Bytes: the script-tag loader, everything for a first view, and the Lit floor, against budgets.
import { join } from 'node:path';
import { kb, verdict } from './format.js';
import type { Section } from './report.js';
import { totalSizes, type Sizes } from './sizes.js';
import { buildLikeElements, type BuiltFile } from './widget-build.js';

const LOADER = 'buurtplein.js';
const ELEMENTS = 'buurtplein.elements.js';
const FLOOR_ENTRY = join(import.meta.dirname, 'floor/floor-element.ts');

/** Budgets from issue 8, brotli bytes. */
const BUDGETS = { loader: 2 * 1024, firstView: 12 * 1024, plein: 35 * 1024 };

/** `entry` and every file it needs, following static imports (and dynamic ones when asked). */
function closure(files: readonly BuiltFile[], entry: string, { dynamic = false } = {}): BuiltFile[] {
  const byName = new Map(files.map((f) => [f.fileName, f]));
  const seen = new Map<string, BuiltFile>();
  const visit = (name: string) => {
    const file = byName.get(name);
    if (!file || seen.has(name)) return;
    seen.set(name, file);
    for (const next of dynamic ? [...file.imports, ...file.dynamicImports] : file.imports) visit(next);
  };
  visit(entry);
  return [...seen.values()];
}

interface Row {
  name: string;
  files: BuiltFile[] | null;
  budget?: number;
  missing?: string;
}

/** Measures the widget's build and the floor; a row over its budget is a failure. */
export async function measureBytes(widget: readonly BuiltFile[]): Promise<Section> {
  const floor = await buildLikeElements(FLOOR_ENTRY);
  const loader = widget.filter((f) => f.fileName === LOADER);
  const firstView = [...loader, ...closure(widget, ELEMENTS)];
  const hasPlein = widget.some((f) => f.code.includes('"buurt-plein"') || f.code.includes("'buurt-plein'"));
  const rows: Row[] = [
    { name: `loader (${LOADER})`, files: loader, budget: BUDGETS.loader },
    { name: 'first view of <buurt-initiatives>', files: firstView, budget: BUDGETS.firstView },
    {
      name: 'everything for <buurt-plein>',
      files: hasPlein ? [...loader, ...closure(widget, ELEMENTS, { dynamic: true })] : null,
      budget: BUDGETS.plein,
      missing: 'n/a (not built yet)',
    },
    { name: 'floor: Lit + one element', files: closure(floor, 'floor.js') },
  ];
  const floorSizes = totalSizes(closure(floor, 'floor.js').map((f) => f.code));
  const failures: string[] = [];
  const tableRows = rows.map((row) => {
    if (!row.files || row.files.length === 0) return [row.name, row.missing ?? 'missing', '', '', '', '', '', ''];
    const sizes: Sizes = totalSizes(row.files.map((f) => f.code));
    const within = row.budget === undefined || sizes.brotli <= row.budget;
    if (!within) failures.push(`${row.name}: ${kb(sizes.brotli)} brotli > budget ${kb(row.budget!)}`);
    return [
      row.name,
      row.files.map((f) => f.fileName).join(' + '),
      kb(sizes.minified),
      kb(sizes.gzip),
      kb(sizes.brotli),
      `${(sizes.brotli / floorSizes.brotli).toFixed(2)}×`,
      row.budget === undefined ? '' : `≤ ${kb(row.budget)}`,
      row.budget === undefined ? '' : verdict(within),
    ];
  });
  return {
    title: 'Bytes (widget build, rollup + esbuild + terser; each file compressed on its own)',
    columns: ['what', 'files', 'minified', 'gzip', 'brotli', 'vs floor (brotli)', 'budget (brotli)', ''],
    rows: tableRows,
    notes: ['1 KB = 1024 bytes; gzip level 9, brotli quality 11 (node:zlib). The floor is built from scripts/bench/floor/ with the widget\'s ES-module rollup configuration.'],
    failures,
  };
}
