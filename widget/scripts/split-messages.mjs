// Splits each translation lit-localize generated (src/generated/locales/<locale>.ts) in two: the
// messages of the first view — every msg() in the files src/elements.ts imports statically, directly
// or not — stay in <locale>.ts, bundled with the first view; all others go to <locale>-more.ts, which
// the lazily loaded elements fetch only on a page in that language (src/locale.ts). Run after
// `lit-localize build`.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '../src');
const LOCALES = join(SRC, 'generated/locales');

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

const firstViewIds = new Set();
for (const file of staticImports(join(SRC, 'elements.ts'))) {
  for (const [, id] of readFileSync(file, 'utf8').matchAll(/\bid:\s*'([^']+)'/g)) firstViewIds.add(id);
}

for (const name of readdirSync(LOCALES).filter((f) => /^[a-z-]+\.ts$/i.test(f) && !f.endsWith('-more.ts'))) {
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
  write(join(LOCALES, `${locale}-more.ts`), entries.filter((e) => !firstViewIds.has(e.id)), 'Messages of the elements loaded on demand (scripts/split-messages.mjs).');
}
