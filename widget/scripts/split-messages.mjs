// Splits each translation lit-localize generated (src/generated/locales/<locale>.ts): the messages
// of the first view — every msg() in the files src/elements.ts imports statically, directly or not —
// stay in <locale>.ts, bundled with the first view; those only the code of a part loaded on demand
// uses go to <locale>-<part>.ts, which that code fetches with itself; all others go to
// <locale>-more.ts, which the lazily loaded elements fetch. Both only on a page in that language
// (src/locale.ts). Run after `lit-localize build`.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '../src');
const LOCALES = join(SRC, 'generated/locales');
/** Parts with messages of their own, by the entry of their chunk (imported on demand only). */
const PARTS = { tools: join(SRC, 'initiative-tools.ts'), form: join(SRC, 'form-elements.ts') };

/** Files reached from `entry` through static, non-type imports and re-exports. */
function staticImports(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [, specifier] of code.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'(\.{1,2}\/[^']+)\.js'/gm)) {
      visit(resolve(dirname(file), `${specifier}.ts`));
    }
  };
  visit(entry);
  return seen;
}

/** The widget's source files, without tests and generated files. */
function sources(dir = SRC) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

const messageIds = (files) => new Set([...files].flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bid:\s*'([^']+)'/g)].map((m) => m[1])));

const firstViewIds = messageIds(staticImports(join(SRC, 'elements.ts')));

/**
 * A part's messages: those in the files only its entry reaches (no other source file imports them,
 * directly or not) that no other file uses: a message shared with other code stays with that code.
 * A file that imports the entry itself (the React components' module, which bundles every chunk)
 * brings the part along, so it does not count as other code.
 */
function partIds(entry) {
  const own = staticImports(entry);
  const others = sources().filter((file) => !own.has(file) && !staticImports(file).has(entry));
  const reachedOtherwise = new Set(others.flatMap((file) => [...staticImports(file)]));
  const ids = messageIds([...own].filter((file) => !reachedOtherwise.has(file)));
  for (const id of messageIds(reachedOtherwise)) ids.delete(id);
  return ids;
}
const parts = Object.entries(PARTS).map(([part, entry]) => ({ part, ids: partIds(entry) }));

const generatedParts = new RegExp(`-(${['more', ...Object.keys(PARTS)].join('|')})\\.ts$`);
for (const name of readdirSync(LOCALES).filter((f) => /^[a-z-]+\.ts$/i.test(f) && !generatedParts.test(f))) {
  const path = join(LOCALES, name);
  const code = readFileSync(path, 'utf8');
  const open = code.indexOf('export const templates = {');
  const close = code.lastIndexOf('};');
  if (open < 0 || close < open) throw new Error(`split-messages: no templates object in ${name}`);
  const header = code.slice(0, open);
  const body = code.slice(open + 'export const templates = {'.length, close);
  // Each entry starts at a line beginning with its quoted id.
  const starts = [...body.matchAll(/^\s*'([^']+)':/gm)].map((m) => ({ id: m[1], at: m.index }));
  const entries = starts.map((s, i) => ({ id: s.id, text: body.slice(s.at, starts[i + 1]?.at ?? body.length).trim().replace(/,$/, '') }));
  const write = (file, list, note) =>
    writeFileSync(file, `${header.trimEnd()}\n\n    // ${note}\n    export const templates = {\n${list.map((e) => e.text).join(',\n')}\n    };\n`);
  const locale = name.replace(/\.ts$/, '');
  write(path, entries.filter((e) => firstViewIds.has(e.id)), 'The first view\'s messages; the others are in ' + `${locale}-more.ts (scripts/split-messages.mjs).`);
  const inPart = (e) => !firstViewIds.has(e.id) && parts.some(({ ids }) => ids.has(e.id));
  for (const { part, ids } of parts) {
    write(join(LOCALES, `${locale}-${part}.ts`), entries.filter((e) => inPart(e) && ids.has(e.id)), `Messages of the code in the ${part} chunk, loaded on demand (scripts/split-messages.mjs).`);
  }
  write(join(LOCALES, `${locale}-more.ts`), entries.filter((e) => !firstViewIds.has(e.id) && !inPart(e)), 'Messages of the elements loaded on demand (scripts/split-messages.mjs).');
}
