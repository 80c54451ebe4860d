// Editor data for @bianmin/elements, generated from packages/elements/custom-elements.json:
//   vscode.html-custom-data.json  VS Code: tags and attributes (`html.customData`)
//   vscode.css-custom-data.json   VS Code: CSS custom properties, ::part() and :state() (`css.customData`)
//   web-types.json                JetBrains IDEs (read through package.json's "web-types" field)
// `npm run ide-data` (also the last step of `npm run cem`) writes them; `npm run ide-data:check`
// (CI) fails when one is not what the manifest gives now.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkgDir = join(rootDir, 'packages/elements');

interface Named {
  name: string;
  description?: string;
}
interface Typed extends Named {
  type?: { text: string };
  default?: string;
}
interface Member extends Typed {
  kind: string;
  static?: boolean;
  privacy?: string;
  readonly?: boolean;
}
interface Declaration extends Named {
  kind: string;
  customElement?: boolean;
  tagName?: string;
  attributes?: Typed[];
  members?: Member[];
  events?: Typed[];
  slots?: Named[];
  cssParts?: Named[];
  cssProperties?: Typed[];
  cssStates?: Named[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { name: string; version: string };

/** Custom elements with a tag, sorted by tag. */
export function elementsOf(manifest: Manifest): (Declaration & { tagName: string })[] {
  return manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d): d is Declaration & { tagName: string } => Boolean(d.customElement && d.tagName))
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/** `'a' | 'b' | undefined` → ['a', 'b']; anything that is not a union of string literals → []. */
export function literalValues(type: string | undefined): string[] {
  if (!type) return [];
  const parts = type.split('|').map((p) => p.trim()).filter((p) => p !== 'undefined' && p !== 'null');
  return parts.length > 0 && parts.every((p) => /^(['"]).*\1$/.test(p)) ? parts.map((p) => p.slice(1, -1)) : [];
}

const bareType = (type: string | undefined) =>
  type ? type.split('|').map((p) => p.trim()).filter((p) => p !== 'undefined').join(' | ') : undefined;

/** The analyzer leaves an event's JSDoc type in its description ("{BmX} Text"): split it off. */
const typeAndText = (description: string | undefined): [string | undefined, string | undefined] => {
  const m = /^\{([^}]+)\}\s*/.exec(description ?? '');
  return m ? [m[1], description!.slice(m[0].length) || undefined] : [undefined, description];
};

const list = (title: string, items: Named[] | undefined, show: (n: Named) => string) =>
  items?.length ? [`**${title}:**`, ...items.map((i) => `- ${show(i)}${i.description ? ` — ${i.description}` : ''}`)].join('\n') : '';

/** The element's description with its events, slots, parts, CSS properties and states, in Markdown. */
function elementDoc(d: Declaration): string {
  return [
    d.description ?? '',
    list('Events', d.events?.map((e) => ({ name: e.name, description: typeAndText(e.description)[1] })), (e) => `\`${e.name}\``),
    list('Slots', d.slots, (s) => (s.name ? `\`${s.name}\`` : '(default)')),
    list('CSS parts', d.cssParts, (p) => `\`::part(${p.name})\``),
    list('CSS custom properties', d.cssProperties, (p) => `\`${p.name}\``),
    list('Custom states', d.cssStates, (s) => `\`:state(${s.name})\``),
  ]
    .filter(Boolean)
    .join('\n\n');
}

export function vscodeHtml(manifest: Manifest): unknown {
  return {
    version: 1.1,
    tags: elementsOf(manifest).map((d) => ({
      name: d.tagName,
      description: { kind: 'markdown', value: elementDoc(d) },
      attributes: (d.attributes ?? []).map((a) => {
        const values = literalValues(a.type?.text);
        return {
          name: a.name,
          description: [a.description, a.type ? `Type: \`${bareType(a.type.text)}\`` : '', a.default ? `Default: \`${a.default}\`` : '']
            .filter(Boolean)
            .join('\n\n'),
          ...(a.type?.text === 'boolean' ? { valueSet: 'v' } : {}),
          ...(values.length ? { values: values.map((name) => ({ name })) } : {}),
        };
      }),
    })),
  };
}

export function vscodeCss(manifest: Manifest): unknown {
  const properties = new Map<string, string>();
  const parts = new Map<string, string[]>();
  const states = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, line: string) => map.set(key, [...(map.get(key) ?? []), line]);
  for (const d of elementsOf(manifest)) {
    for (const p of d.cssProperties ?? []) if (!properties.has(p.name)) properties.set(p.name, `${p.description ?? ''} (\`<${d.tagName}>\`)`.trim());
    for (const p of d.cssParts ?? []) add(parts, p.name, `\`<${d.tagName}>\`: ${p.description ?? ''}`);
    for (const s of d.cssStates ?? []) add(states, s.name, `\`<${d.tagName}>\`: ${s.description ?? ''}`);
  }
  const sorted = <T>(m: Map<string, T>) => [...m].sort(([a], [b]) => a.localeCompare(b));
  return {
    version: 1.1,
    properties: sorted(properties).map(([name, description]) => ({ name, description })),
    pseudoElements: sorted(parts).map(([name, lines]) => ({ name: `::part(${name})`, description: lines.join('\n') })),
    pseudoClasses: sorted(states).map(([name, lines]) => ({ name: `:state(${name})`, description: lines.join('\n') })),
  };
}

export function webTypes(manifest: Manifest): unknown {
  const named = (items: Named[] | undefined) => (items ?? []).map((i) => ({ name: i.name, ...(i.description ? { description: i.description } : {}) }));
  const events = (items: Typed[] | undefined) =>
    (items ?? []).map((e) => {
      const [type, description] = typeAndText(e.description);
      const t = type ?? e.type?.text;
      return { name: e.name, ...(description ? { description } : {}), ...(t ? { type: t } : {}) };
    });
  return {
    name: pkg.name,
    version: pkg.version,
    'description-markup': 'markdown',
    'js-types-syntax': 'typescript',
    contributions: {
      html: {
        elements: elementsOf(manifest).map((d) => ({
          name: d.tagName,
          description: d.description ?? '',
          attributes: (d.attributes ?? []).map((a) => {
            const values = literalValues(a.type?.text);
            return {
              name: a.name,
              ...(a.description ? { description: a.description } : {}),
              ...(a.default ? { default: a.default } : {}),
              value: a.type?.text === 'boolean' ? { type: 'boolean', required: false } : { type: bareType(a.type?.text) ?? 'string' },
              ...(values.length ? { values: values.map((name) => ({ name })) } : {}),
            };
          }),
          slots: named(d.slots),
          events: events(d.events),
          js: {
            properties: (d.members ?? [])
              .filter((m) => m.kind === 'field' && !m.static && !m.privacy && !m.name.startsWith('_'))
              .map((m) => ({ name: m.name, ...(m.description ? { description: m.description } : {}), ...(m.type ? { type: m.type.text } : {}), ...(m.readonly ? { 'read-only': true } : {}) })),
            events: events(d.events),
          },
          css: {
            properties: named(d.cssProperties),
            parts: named(d.cssParts),
            'pseudo-classes': (d.cssStates ?? []).map((s) => ({ name: `state(${s.name})`, ...(s.description ? { description: s.description } : {}) })),
          },
        })),
      },
    },
  };
}

export const outputs = {
  'vscode.html-custom-data.json': vscodeHtml,
  'vscode.css-custom-data.json': vscodeCss,
  'web-types.json': webTypes,
} as const;

function main(): void {
  const check = process.argv.includes('--check');
  const manifest = JSON.parse(readFileSync(join(pkgDir, 'custom-elements.json'), 'utf8')) as Manifest;
  const stale: string[] = [];
  for (const [file, make] of Object.entries(outputs)) {
    const text = `${JSON.stringify(make(manifest), null, 2)}\n`;
    const path = join(pkgDir, file);
    if (check) {
      let current = '';
      try {
        current = readFileSync(path, 'utf8');
      } catch {
        // missing counts as stale
      }
      if (current !== text) stale.push(`packages/elements/${file}`);
    } else {
      writeFileSync(path, text);
      console.log(`ide-data: wrote packages/elements/${file}`);
    }
  }
  if (stale.length > 0) {
    console.error(`ide-data: stale: ${stale.join(', ')}: run \`npm run ide-data\` (or \`npm run cem\`) and commit the result.`);
    process.exit(1);
  }
  if (check) console.log(`ide-data: ${Object.keys(outputs).join(', ')} are up to date with custom-elements.json.`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
