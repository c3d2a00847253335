import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { minifyTemplates, minifyTemplatesVite } from './minify-templates.js';

const SOURCE = `import { css, html } from 'lit';
export const styles = css\`
  :host {
    display: block;   /* the host */
  }
\`;
export const view = (time: string, who: string, go: () => void) => html\`
  <button type="button" ?disabled=\${!go} @click=\${go}>
    <span class="time">\${time}</span>
    <span class="kind">Time off\${who ? html\` · \${who}\` : ''}</span>
  </button>
\`;
`;

/** How a Lit binding `${js}` reads in the bundled code. */
const binding = (js: string) => `\${${js}}`;

/** A source folder holding `view.ts` (and the same text as a test file), bundled through the plugin. */
async function bundled(file: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'rpma-minify-'));
  writeFileSync(join(dir, 'view.ts'), SOURCE);
  writeFileSync(join(dir, 'view.test.ts'), SOURCE);
  const result = await build({
    entryPoints: [join(dir, file)],
    bundle: true,
    format: 'esm',
    external: ['lit'],
    write: false,
    logLevel: 'silent',
    plugins: [minifyTemplates(dir)],
  });
  return result.outputFiles[0]!.text;
}

describe('minifyTemplates', () => {
  it('minifies html and css templates and keeps every Lit binding', async () => {
    const code = await bundled('view.ts');
    expect(code).toContain(':host{display:block}');
    expect(code).toContain(`<button type="button" ?disabled=${binding('!go')} @click=${binding('go')}>`);
    expect(code).not.toMatch(/\n\s+<span/);
  });

  it('keeps the space at the edges of a nested template, so the text reads as written', async () => {
    const code = await bundled('view.ts');
    expect(code).toContain(`<span class="time">${binding('time')}</span> <span class="kind">`);
    expect(code).toContain(`html\` · ${binding('who')}\``);
  });

  it('leaves test files and files outside the source folder as they are', async () => {
    expect(await bundled('view.test.ts')).toContain('/* the host */');
    const plugin = minifyTemplatesVite('/nowhere/src');
    const transform = plugin.transform as (code: string, id: string) => Promise<unknown>;
    expect(await transform(SOURCE, '/elsewhere/view.ts')).toBeNull();
    expect(await transform(SOURCE, '/nowhere/src/view.ts')).toMatchObject({
      code: expect.stringContaining(':host{display:block}'),
    });
  });
});
