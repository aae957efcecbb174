// The custom elements manifest that `npm run build` writes (widget/dist/custom-elements.json): every
// element the widget registers is in it and documented, so an element added without its doc
// comment (tag, attributes, events, parts) fails here. Needs the built widget, as every test here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { ROOT } from '../../scripts/local-server.js';

const WIDGET = join(ROOT, 'widget');

interface Described {
  name: string;
  description?: string;
  type?: { text: string };
}

interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  description?: string;
  attributes?: (Described & { fieldName?: string })[];
  members?: (Described & { kind: string; privacy?: string; static?: boolean; attribute?: string })[];
  events?: Described[];
  cssParts?: Described[];
  cssProperties?: Described[];
  slots?: Described[];
}

interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

/** Parses a widget source file. */
function source(path: string): ts.SourceFile {
  return ts.createSourceFile(path, readFileSync(join(WIDGET, path), 'utf8'), ts.ScriptTarget.Latest, true);
}

/** Calls `visit` on every node under `node`. */
function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

/**
 * The tags the widget registers, with the class each is defined with, read from where they are
 * registered: every `'buurt-…': SomeClass` in the first view's registration and in the chunks' element tables.
 */
function registeredElements(): Map<string, string> {
  const elements = new Map<string, string>();
  for (const path of ['src/define-elements.ts', 'src/lazy-elements.ts', 'src/form-elements.ts', 'src/paged-elements.ts']) {
    walk(source(path), (node) => {
      if (!ts.isPropertyAssignment(node) || !ts.isStringLiteral(node.name) || !node.name.text.startsWith('buurt-')) return;
      const value = node.initializer;
      if (ts.isIdentifier(value)) elements.set(node.name.text, value.text);
      else if (ts.isPropertyAccessExpression(value)) elements.set(node.name.text, value.name.text);
    });
  }
  return elements;
}

/** What a module's source does that its doc comment must cover: the events it fires and the parts it renders. */
function usedInSource(path: string): { events: Set<string>; parts: Set<string> } {
  const events = new Set<string>();
  const parts = new Set<string>();
  const text = readFileSync(join(WIDGET, path), 'utf8');
  walk(source(path), (node) => {
    if (!ts.isCallExpression(node)) return;
    const callee = node.expression.getText();
    const [first, second] = node.arguments;
    if (callee === 'fire' && second && ts.isStringLiteral(second)) events.add(second.text);
    if (callee === 'initiativeSelected') events.add('buurt-initiative-selected');
    if (callee.endsWith('dispatchEvent') && first && ts.isNewExpression(first)) {
      const [name] = first.arguments ?? [];
      if (name && ts.isStringLiteral(name)) events.add(name.text);
    }
  });
  // Every part name written out in a template; names built from data (`status-${…}`) are left to the prose.
  for (const [, names] of text.matchAll(/\bpart="([^"]*)"/g)) {
    for (const name of names!.split(/\s+/)) if (name && !name.includes('$')) parts.add(name);
  }
  return { events, parts };
}

/**
 * The theme's custom properties an element's styles read: its `.styles.ts` and the shared style
 * modules that imports (widget/src/styles/*).
 */
function customPropertiesInStyles(path: string): Set<string> {
  const names = new Set<string>();
  const stylesPath = path.replace(/\.ts$/, '.styles.ts');
  const styles = readFileSync(join(WIDGET, stylesPath), 'utf8');
  const shared = [...styles.matchAll(/from '(\.[^']+\.styles)\.js'/g)].map(([, file]) => join(dirname(stylesPath), `${file}.ts`));
  for (const text of [styles, ...shared.map((file) => readFileSync(join(WIDGET, file), 'utf8'))]) {
    for (const [, name] of text.matchAll(/var\((--buurt-[a-z0-9-]+)/g)) names.add(name!);
  }
  return names;
}

/** The React components (widget/src/react/index.ts): each `wrap('buurt-…', Class, { onX: on('buurt-…') })`, by tag, with its events. */
function reactComponents(): Map<string, Set<string>> {
  const components = new Map<string, Set<string>>();
  walk(source('src/react/index.ts'), (node) => {
    if (!ts.isCallExpression(node) || node.expression.getText() !== 'wrap') return;
    const [tag, , events] = node.arguments;
    if (!tag || !ts.isStringLiteral(tag) || !events || !ts.isObjectLiteralExpression(events)) return;
    const names = new Set<string>();
    walk(events, (inner) => {
      if (ts.isCallExpression(inner) && inner.expression.getText() === 'on' && inner.arguments[0] && ts.isStringLiteral(inner.arguments[0])) {
        names.add(inner.arguments[0].text);
      }
    });
    components.set(tag.text, names);
  });
  return components;
}

const manifest = JSON.parse(readFileSync(join(WIDGET, 'dist/custom-elements.json'), 'utf8')) as Manifest;
const declarations = manifest.modules.flatMap((module) => (module.declarations ?? []).map((declaration) => ({ module: module.path, declaration })));
const registered = registeredElements();
const react = reactComponents();

describe('the custom elements manifest', () => {
  it('is the one package.json points tools to', () => {
    const pkg = JSON.parse(readFileSync(join(WIDGET, 'package.json'), 'utf8')) as { customElements?: string; exports: Record<string, unknown> };
    assert.equal(pkg.customElements, 'dist/custom-elements.json');
    assert.equal(pkg.exports['./custom-elements.json'], './dist/custom-elements.json');
  });

  it('finds the elements the widget registers', () => {
    // Guards the reading of the registration modules: were it to find nothing, every test below would pass.
    assert.ok(registered.size >= 7, [...registered.keys()].join(', '));
    assert.equal(registered.get('buurt-initiatives'), 'BuurtInitiatives');
    assert.equal(registered.get('buurt-plein'), 'BuurtPlein');
  });

  for (const [tag, className] of registered) {
    describe(`<${tag}>`, () => {
      /** The element's declaration and the module it is in; fails the test when the manifest lacks it. */
      const listed = () => {
        const found = declarations.find(({ declaration }) => declaration.tagName === tag);
        assert.ok(found, `no class documented with @tagname ${tag}`);
        return found;
      };

      it(`is listed with its tag and class ${className}`, () => {
        const found = listed();
        assert.equal(found.declaration.name, className);
        assert.equal(found.declaration.customElement, true);
        assert.ok(found.declaration.description?.trim(), 'a description');
      });

      it('documents every attribute, with its type', () => {
        const found = listed();
        const attributes = found.declaration.attributes ?? [];
        for (const name of ['site', 'api']) {
          assert.ok(attributes.some((attribute) => attribute.name === name), `attribute ${name}`);
        }
        for (const attribute of attributes) {
          assert.ok(attribute.description?.trim(), `attribute ${attribute.name} has a description`);
          assert.ok(attribute.type?.text, `attribute ${attribute.name} has a type`);
        }
        const publicProperties = (found.declaration.members ?? []).filter(
          (member) => member.kind === 'field' && !member.static && (member.privacy ?? 'public') === 'public',
        );
        for (const property of publicProperties) {
          assert.ok(property.description?.trim(), `property ${property.name} has a description`);
        }
      });

      it('documents every event it fires, with the type of its detail', () => {
        const found = listed();
        const events = found.declaration.events ?? [];
        const { events: fired } = usedInSource(found.module);
        for (const name of fired) assert.ok(events.some((event) => event.name === name), `event ${name} is documented`);
        for (const event of events) {
          assert.ok(event.description?.trim(), `event ${event.name} has a description`);
          // `CustomEvent` alone says nothing of its detail; a plain `Event` has none.
          assert.match(event.type?.text ?? '', /^(Event|CustomEvent<.+>)$/, `event ${event.name} names its detail type`);
        }
      });

      it('documents every CSS part it renders', () => {
        const found = listed();
        const documented = new Set((found.declaration.cssParts ?? []).map((part) => part.name));
        const { parts } = usedInSource(found.module);
        assert.ok(parts.size > 0, 'renders parts');
        for (const part of parts) assert.ok(documented.has(part), `part ${part} is documented`);
        for (const part of found.declaration.cssParts ?? []) assert.ok(part.description?.trim(), `part ${part.name} has a description`);
      });

      it('documents the CSS custom properties its styles read, and its slots', () => {
        const found = listed();
        const properties = new Set((found.declaration.cssProperties ?? []).map((property) => property.name));
        const used = customPropertiesInStyles(found.module);
        assert.ok(used.has('--buurt-color-primary'), 'reads the theme');
        for (const name of used) assert.ok(properties.has(name), `CSS property ${name} is documented`);
        for (const property of found.declaration.cssProperties ?? []) {
          assert.ok(property.description?.trim(), `CSS property ${property.name} has a description`);
        }
        const text = readFileSync(join(WIDGET, found.module), 'utf8');
        const slots = new Set((found.declaration.slots ?? []).map((slot) => slot.name));
        for (const [, name] of text.matchAll(/<slot(?:\s+name="([^"]*)")?/g)) assert.ok(slots.has(name ?? ''), `slot "${name ?? ''}" is documented`);
      });

      it('has a React component that offers each of its buurt- events', () => {
        const found = listed();
        const offered = react.get(tag);
        assert.ok(offered, `no wrap('${tag}', …) in widget/src/react/index.ts`);
        const documented = (found.declaration.events ?? []).map((event) => event.name).filter((name) => name.startsWith('buurt-'));
        assert.deepEqual([...offered].sort(), documented.sort());
      });
    });
  }
});
