// `winnow scan --cloaking URL`: a page that shows crawlers extra text gets that text as a finding, with evidence.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startServer, type FixtureServer } from '../helpers/http-server.js';

const BIN = fileURLToPath(new URL('../../bin/winnow.js', import.meta.url));
const plain = `<html><head><meta charset="utf-8"><title>Council approves bus lanes</title></head><body><h1>Council approves bus lanes</h1>
<p>The city council voted on Tuesday to add dedicated bus lanes along Main Street, a project officials say will cut commute times.</p>
<p>Construction is expected to begin in the spring and to last about eight months, the transport department said.</p></body></html>`;
const cloaked = plain.replace('</body>', '<p>best online casino bonus, free spins and real money slots at winwin167.vip</p></body>');

let site: FixtureServer;
beforeAll(async () => {
  site = await startServer({
    '/robots.txt': (_req, res) => void res.writeHead(404).end(),
    '/a': (req, res) => {
      const body = /Googlebot/i.test(String(req.headers['user-agent'])) ? cloaked : plain;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    },
    '/b': (req, res) => {
      const body = /Googlebot|Baiduspider/i.test(String(req.headers['user-agent'])) ? cloaked : plain;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    },
  });
});
afterAll(() => site.close());

function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('scan --cloaking', () => {
  it('reports text only Googlebot sees as a finding with the CLOAKING rule', async () => {
    const r = await run(['scan', '--json', '--allow-private', '--cloaking', site.url('/a')]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out);
    expect(o.verdict).toBe('contaminated');
    const f = o.findings.find((x: { rules: { rule: string }[] }) => x.rules.some((h) => h.rule === 'CLOAKING'));
    expect(f.text).toContain('best online casino bonus');
    expect(o.text.slice(f.start, f.end)).toBe(f.text);
    expect(f.rules.find((h: { rule: string }) => h.rule === 'CLOAKING').description).toMatch(/googlebot/i);
    expect(o.cleanText).not.toContain('casino');
  });
  it('text served to both crawlers is one finding naming both, shown as cloaked text', async () => {
    const r = await run(['scan', '--json', '--allow-private', '--cloaking', site.url('/b')]);
    const o = JSON.parse(r.out);
    const cloak = o.findings.filter((x: { rules: { rule: string }[] }) => x.rules.some((h) => h.rule === 'CLOAKING'));
    expect(cloak).toHaveLength(1);
    const desc = cloak[0].rules.find((h: { rule: string }) => h.rule === 'CLOAKING').description;
    expect(desc).toMatch(/googlebot/i);
    expect(desc).toMatch(/baiduspider/i);
    const text = await run(['scan', '--allow-private', '--cloaking', site.url('/b')]);
    expect(text.out.match(/cloaked text \(text served only to/g)).toHaveLength(1);
    expect(text.out).not.toMatch(/hidden-block in hidden/);
  });
  it('without the flag the browser view is clean', async () => {
    const r = await run(['scan', '--json', '--allow-private', site.url('/a')]);
    expect(JSON.parse(r.out).verdict).toBe('clean');
  });
});
