// The static assets the bench worker serves: the widget as built, and the host test pages.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostPageCss, hostPages, plainFloorScript } from './host-pages.js';
import type { BuiltFile } from './widget-build.js';

/** Writes the widget's and the floor's files at the root of `dir` and the host pages under `dir/bench/`. */
export function writePublicDir(dir: string, widget: readonly BuiltFile[], floor: readonly BuiltFile[]): void {
  mkdirSync(join(dir, 'bench'), { recursive: true });
  for (const file of [...widget, ...floor]) writeFileSync(join(dir, file.fileName), file.code);
  for (const page of Object.values(hostPages())) writeFileSync(join(dir, page.path), page.html);
  writeFileSync(join(dir, 'floor-plain.js'), plainFloorScript());
  writeFileSync(join(dir, 'bench/host-page.css'), hostPageCss());
}
