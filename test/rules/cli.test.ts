// `winnow rules lint` / `winnow rules list` as a user runs them (child process, temp rule folders).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'winnow-rules-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function winnow(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DOTENV_CONFIG_QUIET: 'true', NO_COLOR: '1' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const rule = (id: string, pattern: string, pos: string, neg: string) => `
  - id: ${id}
    description: contact handle offered in a promo line
    category: promo
    score: 2
    kind: regex
    pattern: '${pattern}'
    examples: { positive: ['${pos}'], negative: ['${neg}'] }
`;

describe('winnow rules', () => {
  it('lint: problems one per line, exit 1; a clean folder prints "N rules OK", exit 0', () => {
    const bad = join(tmp, 'bad');
    const good = join(tmp, 'good');
    mkdirSync(bad);
    writeFileSync(join(bad, 'a.yaml'), `rules:${rule('BAD_REGEX', '(?:qq|wx', 'qq 12345', 'hello')}${rule('WRONG_EXAMPLE', 'qq\\s*\\d{5,}', 'wx 12345', 'hello')}`);
    const r = winnow('rules', 'lint', bad);
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toMatch(/^a\.yaml: BAD_REGEX: pattern: does not compile/);
    expect(lines[1]).toBe('a.yaml: WRONG_EXAMPLE: positive example does not fire: "wx 12345"');
    expect(r.err).not.toMatch(/at .*\.ts:\d+/); // no stack trace

    mkdirSync(good);
    writeFileSync(join(good, 'a.yaml'), `rules:${rule('QQ_NUMBER', 'qq\\s*\\d{5,}', 'QQ 123456', 'hello')}`);
    const ok = winnow('rules', 'lint', good);
    expect(ok.code).toBe(0);
    expect(ok.out).toBe('1 rules OK\n');

    const list = winnow('rules', 'list', '--json', good);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.out)).toEqual([
      { id: 'QQ_NUMBER', category: 'promo', kind: 'regex', score: 2, description: 'contact handle offered in a promo line' },
    ]);
  });

  it('match: rules that fire on a text, with original offsets', () => {
    const r = winnow('rules', 'match', '正规股票\u200b配资平台', '--lang', 'zh', '--json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as { rule: string; start: number; end: number; evidence: string }[];
    const strong = rows.find((x) => x.rule === 'ZH_MARGIN_LENDING_STRONG')!;
    expect(strong).toMatchObject({ start: 2, evidence: '股票\u200b配资平台' });
    const bad = winnow('rules', 'match', 'x', '--where', 'nowhere');
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('winnow: --where must be one of title, body, hidden, boilerplate\n');
  });

  it('a missing folder is one line on stderr and exit 2', () => {
    const r = winnow('rules', 'lint', join(tmp, 'does-not-exist'));
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^winnow: rules folder not found: /);
  });
});
