// How the installed CLI starts Node: the environment assignments and flags on bin/winnow.js's first line
// (`#!/usr/bin/env -S VAR=x node --flag ...`). The benches start their children the same way, so their figures are
// those of the shipped launcher (docs/bounds.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LauncherNode {
  env: Record<string, string>;
  flags: string[];
  /** the line after `env -S`, as written */
  line: string;
}

/** The launcher line of the checkout at `repo`. */
export function launcherNode(repo: string): LauncherNode {
  const first = readFileSync(join(repo, 'bin', 'winnow.js'), 'utf8').split('\n')[0];
  const words = (/^#!\s*\/usr\/bin\/env\s+(?:-S\s+)?(.*)$/.exec(first)?.[1] ?? '').trim().split(/\s+/).filter(Boolean);
  const prog = words.findIndex((w) => !w.includes('='));
  const env: Record<string, string> = {};
  for (const w of words.slice(0, Math.max(0, prog))) env[w.slice(0, w.indexOf('='))] = w.slice(w.indexOf('=') + 1);
  return { env, flags: prog >= 0 ? words.slice(prog + 1) : [], line: words.join(' ') };
}
