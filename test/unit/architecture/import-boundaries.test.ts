import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The boundary rules run inside `npm run lint`; these tests show they bite on a wrong import
// and stay quiet on the code they govern, through ESLint itself (no copy of the rules here).
const root = fileURLToPath(new URL('../../..', import.meta.url));
const fixtures = join(root, 'test/fixtures/boundaries');
// Only the boundary rule runs: the rest of the lint has its own `npm run lint`.
const eslint = new ESLint({
  cwd: root,
  ruleFilter: ({ ruleId }) => ruleId === 'boundaries/dependencies',
});

const boundaryMessages = (results: ESLint.LintResult[]) =>
  results.flatMap((r) =>
    r.messages
      .filter((m) => m.ruleId === 'boundaries/dependencies')
      .map((m) => `${relative(root, r.filePath)}:${m.line} ${m.message}`),
  );

function fixture(name: string) {
  const text = readFileSync(join(fixtures, name), 'utf8');
  const lintAs = /^\/\/ lint-as: (\S+)$/m.exec(text)?.[1];
  if (!lintAs) throw new Error(`${name} has no lint-as line`);
  const expected = /^\/\/ expect: (.+)$/m.exec(text)?.[1];
  return { text, lintAs, expected };
}

/**
 * Files that still break a rule on this branch because another branch of the same issue owns
 * them; the lead empties this list as those branches merge. Anything else failing fails here.
 */

const files = readdirSync(fixtures).filter((f) => /\.tsx?$/.test(f));
const wrong = files.filter((f) => !f.startsWith('allowed-'));
const allowed = files.filter((f) => f.startsWith('allowed-'));

describe('import boundaries (eslint-plugin-boundaries in npm run lint)', () => {
  it('has a wrong-import fixture for every rule', () => {
    expect(wrong.length).toBeGreaterThanOrEqual(8);
  });

  it.each(wrong)('rejects the wrong import in %s, naming the rule broken', async (name) => {
    const { text, lintAs, expected } = fixture(name);
    const results = await eslint.lintText(text, { filePath: join(root, lintAs) });
    expect(boundaryMessages(results)).toEqual([`${lintAs}:3 ${expected}`]);
  });

  it.each(allowed)('accepts the allowed imports in %s', async (name) => {
    const { text, lintAs } = fixture(name);
    const results = await eslint.lintText(text, { filePath: join(root, lintAs) });
    expect(boundaryMessages(results)).toEqual([]);
  });

  // npm test runs this (CI runs npm test, not npm run lint): the code itself keeps the rules.
  it('passes on the code it governs', async () => {
    const results = await eslint.lintFiles(['src', 'workers', 'scripts', 'web/src']);
    expect(boundaryMessages(results)).toEqual([]);
  }, 300_000);
});
