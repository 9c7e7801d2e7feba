// What `npm pack` ships: the runtime (dist/, bin/), the rules and the model; no corpus building, evaluation,
// training, tests or benches.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

describe('package contents', () => {
  it('ships the runtime, rules and model, and no dev tooling or tests', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
    const files = (JSON.parse(out) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/analyze.js');
    expect(files).toContain('bin/winnow.js');
    expect(files).toContain('corpus/model/model.json');
    expect(files.filter((f) => f.startsWith('rules/') && f.endsWith('.yaml')).length).toBeGreaterThan(10);
    const dev = files.filter((f) => /^(dev|test|bench|scripts)\/|^dist\/(corpus|eval)\/|^dist\/detect\/train\.|^corpus\/(?!model\/model\.json$)/.test(f));
    expect(dev).toEqual([]);
  });
});
