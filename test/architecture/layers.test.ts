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

function cruise(): { violations: Violation[]; modules: number } {
  const out = execFileSync(join(root, 'node_modules', '.bin', 'depcruise'), ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const r = JSON.parse(out) as { summary: { violations: Violation[]; totalCruised: number } };
  return { violations: r.summary.violations, modules: r.summary.totalCruised };
}

describe('layers', () => {
  it('no runtime module imports a layer above it, dev tooling, tests, or itself in a cycle', () => {
    const { violations, modules } = cruise();
    expect(modules).toBeGreaterThan(50); // the cruise saw the runtime, not an empty folder
    expect(violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });
});
