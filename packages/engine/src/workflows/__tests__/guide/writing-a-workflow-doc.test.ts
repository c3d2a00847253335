import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../../../../', import.meta.url);
const guide = readFileSync(new URL('docs/writing-a-workflow.md', root), 'utf8');

describe('docs/writing-a-workflow.md', () => {
  const quotes = [...guide.matchAll(/<!-- quote: (\S+) -->\n\n```ts\n([\s\S]*?)```/g)];

  it('quotes the guide example and its test', () => {
    expect(quotes.map((q) => q[1])).toEqual([
      'packages/engine/src/workflows/__tests__/guide/window-tint-workflow.ts',
      'packages/engine/src/workflows/__tests__/guide/window-tint-workflow.test.ts',
    ]);
  });

  it.each(quotes.map((q) => [q[1] ?? '', q[2] ?? '']))('shows %s exactly as it is tested', (path, quoted) => {
    expect(quoted).toBe(readFileSync(new URL(path, root), 'utf8'));
  });
});
