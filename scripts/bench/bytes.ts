// Bytes: the script-tag loader, everything for a first view, and the Lit floor, against budgets.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAst } from 'rollup/parseAst';
import { kb, verdict } from './format.js';
import type { Section } from './report.js';
import { totalSizes, type Sizes } from './sizes.js';
import type { BuiltFile } from './widget-build.js';

const LOADER = 'buurtplein.js';
const ELEMENTS = 'buurtplein.elements.js';
/** The list's first paint without Lit (widget/src/paint.ts), which the loader loads for a page whose first element is a list. */
const PAINT = 'buurtplein.paint.js';
/** The chunk of `<buurt-plein>` and the elements its first views show (widget/src/lazy-elements.ts). */
const PLEIN_CHUNK = /^buurtplein\.lazy-elements-[\w-]+\.js$/;
/** The rest of one language's messages (widget/src/generated/locales/<lang>-more.ts). */
const MORE_MESSAGES = /^buurtplein\.[a-z-]+-more-[\w-]+\.js$/;

/** Budgets from issue 8, brotli bytes. */
export const BUDGETS = { loader: 2 * 1024, firstView: 12 * 1024, plein: 35 * 1024 };

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

/** One of the totals with a budget: the files it counts and their sizes together. */
export interface ByteTotal {
  name: string;
  files: BuiltFile[];
  sizes: Sizes;
  budget: number;
}

/**
 * The totals over the widget's built files: three with a budget — the script tag's loader; the first
 * view of `<buurt-initiatives>` (the loader and the first paint with what it imports statically);
 * and everything a `<buurt-plein>` page fetches: the loader, the elements module and the plein's chunk
 * with what they import statically, and the rest of the page's language's messages — and one for the
 * record, the list once Lit has taken it over (the first view and the elements module).
 * The plein counts the rest of the page's language's messages (the largest language's, as a page in
 * another language than Dutch fetches them). Chunks that only some pages fetch are not counted: the
 * embed API's (src/embed/host-api.ts, on a host's first call), the meetings and professionals lists'
 * (src/paged-elements.ts), the form to start an initiative and the sign-in screens with their
 * messages (src/form-elements.ts, when a resident first opens either), the initiative's follow
 * controls, edit form and invitations with their messages (src/initiative-tools.ts, likewise), the
 * SDK client's when the plein's chunk does not import it.
 * Null where the build has no plein yet.
 */
export function byteTotals(widget: readonly BuiltFile[]): { loader: ByteTotal; firstView: ByteTotal; takenOver: ByteTotal; plein: ByteTotal | null } {
  // A file several import is fetched once.
  const total = (name: string, files: BuiltFile[], budget: number): ByteTotal => {
    const once = [...new Set(files)];
    return { name, files: once, sizes: totalSizes(once.map((f) => f.code)), budget };
  };
  const loader = widget.filter((f) => f.fileName === LOADER);
  const firstView = [...loader, ...closure(widget, PAINT)];
  const elements = [...loader, ...closure(widget, ELEMENTS)];
  const pleinChunk = widget.find((f) => PLEIN_CHUNK.test(f.fileName));
  const more = widget.filter((f) => MORE_MESSAGES.test(f.fileName)).sort((a, b) => b.code.length - a.code.length)[0];
  const plein = pleinChunk ? [...elements, ...closure(widget, pleinChunk.fileName), ...(more ? [more] : [])] : null;
  return {
    loader: total(`loader (${LOADER})`, loader, BUDGETS.loader),
    firstView: total('first view of <buurt-initiatives>', firstView, BUDGETS.firstView),
    takenOver: total('<buurt-initiatives> once Lit takes over', [...firstView, ...elements], Infinity),
    plein: plein && total('everything for <buurt-plein>', plein, BUDGETS.plein),
  };
}

/** The budgets each total exceeds, as sentences; empty when every one is within. */
export function overBudget(totals: ReturnType<typeof byteTotals>): string[] {
  return [totals.loader, totals.firstView, totals.plein]
    .filter((t): t is ByteTotal => t !== null && t.sizes.brotli > t.budget)
    .map((t) => `${t.name}: ${kb(t.sizes.brotli)} brotli > budget ${kb(t.budget)}`);
}

/** The widget's JavaScript files as `npm run build -w widget` wrote them to `dir`, with the files each imports. */
export function readBuiltWidget(dir: string): BuiltFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.js'))
    .map((fileName) => {
      const code = readFileSync(join(dir, fileName), 'utf8');
      const imports: string[] = [];
      const dynamicImports: string[] = [];
      const relative = (source: unknown) => (typeof source === 'string' && source.startsWith('./') ? source.slice(2) : undefined);
      walk(parseAst(code), (node) => {
        const source = (node.source as { value?: unknown } | null | undefined)?.value;
        if (['ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration'].includes(node.type as string)) {
          const name = relative(source);
          if (name && !imports.includes(name)) imports.push(name);
        } else if (node.type === 'ImportExpression') {
          const name = relative(source);
          if (name && !dynamicImports.includes(name)) dynamicImports.push(name);
        }
      });
      return { fileName, code, imports, dynamicImports };
    });
}

/** Calls `visit` on every node of an ESTree AST. */
function walk(node: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((child) => walk(child, visit));
  const record = node as Record<string, unknown>;
  if (typeof record.type === 'string') visit(record);
  for (const value of Object.values(record)) if (value && typeof value === 'object') walk(value, visit);
}

interface Row {
  name: string;
  files: BuiltFile[] | null;
  budget?: number;
  missing?: string;
}

/** Measures the widget's build and the floor (widget-build.ts' `buildFloor`); a row over its budget is a failure. */
export function measureBytes(widget: readonly BuiltFile[], floor: readonly BuiltFile[]): Section {
  const totals = byteTotals(widget);
  const rows: Row[] = [
    totals.loader,
    totals.firstView,
    { name: totals.takenOver.name, files: totals.takenOver.files },
    { name: 'everything for <buurt-plein>', files: totals.plein?.files ?? null, budget: BUDGETS.plein, missing: 'n/a (not built yet)' },
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
    notes: [
      '1 KB = 1024 bytes; gzip level 9, brotli quality 11 (node:zlib). The floor is built from scripts/bench/floor/ with the widget\'s ES-module rollup configuration.',
      'The first view of a list is painted without Lit (widget/src/paint.ts); Lit and the element load when a resident first points at, touches or tabs into the list: the row after it counts the list once Lit has taken over, for the record.',
      'The plein counts what a plein page fetches (checked in examples/tests/bytes.e2e.test.ts), with the English messages as the worst case; not the embed API\'s chunk, nor the meetings and professionals lists\', nor the start form, sign-in screens, follow controls and edit form that a resident\'s first press loads.',
    ],
    failures,
  };
}
