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

describe('locked dependencies', () => {
  // A locked package whose engines exclude the Node that runs it installs with only a warning and may fail at run
  // time. What ships must allow the floor package.json promises; the dev tools must allow the Node running them.
  type Locked = { dev?: boolean; engines?: { node?: string } | string[] };
  const excluding = async (version: string, runtimeOnly: boolean): Promise<string[]> => {
    const { readFileSync } = await import('node:fs');
    const semver = await import('semver');
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, Locked> };
    const out: string[] = [];
    for (const [name, p] of Object.entries(lock.packages)) {
      const range = p.engines && !Array.isArray(p.engines) ? p.engines.node : undefined;
      if (!range || (runtimeOnly && p.dev)) continue;
      if (!semver.satisfies(version, range)) out.push(`${name} ${range}`);
    }
    return out;
  };

  it('every runtime package allows the lowest Node that package.json engines allows', async () => {
    const { readFileSync } = await import('node:fs');
    const semver = await import('semver');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(await excluding(semver.minVersion(pkg.engines.node)!.version, true)).toEqual([]);
  });

  it('every locked package, dev tools included, allows the Node running the tests', async () => {
    expect(await excluding(process.versions.node, false)).toEqual([]);
  });
});
