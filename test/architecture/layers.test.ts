// The layering rules of .dependency-cruiser.cjs hold for the whole runtime: no module imports a layer above
// its own, the runtime never imports dev/ tooling or tests, and there is no import cycle.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

let cruised: ReturnType<typeof runCruise> | undefined;
const cruise = () => (cruised ??= runCruise());

function runCruise(): { violations: Violation[]; modules: number; sources: string[] } {
  const out = execFileSync(join(root, 'node_modules', '.bin', 'depcruise'), ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const r = JSON.parse(out) as { summary: { violations: Violation[]; totalCruised: number }; modules: { source: string }[] };
  return { violations: r.summary.violations, modules: r.summary.totalCruised, sources: r.modules.map((m) => m.source) };
}

describe('layers', () => {
  it('no runtime module imports a layer above it, dev tooling, tests, or itself in a cycle', () => {
    const { violations, modules } = cruise();
    expect(modules).toBeGreaterThan(50); // the cruise saw the runtime, not an empty folder
    expect(violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });

  it('every runtime module belongs to a layer (a new folder must be placed before the check can see it)', async () => {
    const config = (await import(join(root, '.dependency-cruiser.cjs'))).default as { forbidden: { name: string; from: { path?: string }; to: { path?: string } }[] };
    const layerRules = config.forbidden.filter((r) => r.name.endsWith('-imports-above'));
    const layered = new RegExp(layerRules.flatMap((r) => [r.from.path, r.to.path]).map((p) => `(${p})`).join('|'));
    const { sources } = cruise();
    const runtime = sources.filter((s) => s.startsWith('src/') && s.endsWith('.ts'));
    expect(runtime.length).toBeGreaterThan(50);
    expect(runtime.filter((s) => !layered.test(s))).toEqual([]);
  });
});
