/**
 * The custom elements manifest (`dist/custom-elements.json`, written by `npm run build`): every
 * element's tag, attributes, properties, events, CSS parts, CSS properties and slots, read from the
 * elements' sources and their class doc comments. Editors, Storybook and framework wrappers read it.
 */
export default {
  // The elements, and the base class whose attributes they inherit.
  globs: ['src/components/**/*.ts', 'src/buurt-element.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  outdir: 'dist',
  litelement: true,
  // package.json names the manifest itself; the analyzer would rewrite the file on every build.
  packagejson: false,
  plugins: [internalStateIsNoAttribute()],
};

/**
 * Lit's `static properties` entries with `state: true` are internal state: no attribute, and not
 * part of the element's API. Analyzer 0.11 reads them as attributes; this drops them again.
 */
function internalStateIsNoAttribute() {
  const states = new Map();
  return {
    name: 'buurtplein-internal-state-is-no-attribute',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const properties = node.members.find(
        (member) =>
          ts.isPropertyDeclaration(member) &&
          member.name.getText() === 'properties' &&
          member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword),
      );
      if (!properties?.initializer || !ts.isObjectLiteralExpression(properties.initializer)) return;
      const names = new Set();
      for (const entry of properties.initializer.properties) {
        if (!ts.isPropertyAssignment(entry) || !ts.isObjectLiteralExpression(entry.initializer)) continue;
        const isState = entry.initializer.properties.some(
          (option) => ts.isPropertyAssignment(option) && option.name.getText() === 'state' && option.initializer.kind === ts.SyntaxKind.TrueKeyword,
        );
        if (isState) names.add(entry.name.getText());
      }
      states.set(`${moduleDoc.path} ${node.name.getText()}`, names);
    },
    moduleLinkPhase({ moduleDoc }) {
      for (const declaration of moduleDoc.declarations ?? []) {
        const names = states.get(`${moduleDoc.path} ${declaration.name}`);
        if (!names?.size) continue;
        declaration.attributes = declaration.attributes?.filter((attribute) => !names.has(attribute.fieldName ?? attribute.name));
        for (const member of declaration.members ?? []) {
          if (names.has(member.name)) delete member.attribute;
        }
      }
    },
  };
}
