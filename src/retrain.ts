// Retraining from the runtime (`winnow train`, the review service's Retrain): training, the corpus and the evaluation
// live in dev/ of a source checkout and are never imported by the runtime. This module runs dev/train/cli.ts as a
// child process (node --import tsx) and reads its result; an installed package has no dev/ and cannot retrain.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RetrainResult, type LabeledText } from './detect/labeled.js';
import { PACKAGE_ROOT } from './util/paths.js';

/** The answer when a command needs dev/ and there is no source checkout. */
export const DEV_NEEDS_CHECKOUT = (what: string): string => `${what} needs a source checkout of winnow (dev/ is not part of the installed package)`;
export const RETRAIN_NEEDS_CHECKOUT = DEV_NEEDS_CHECKOUT('retraining');

/** Raised when dev/train (or tsx to run it) is absent: the caller answers 501 / exit 2. */
export class RetrainUnavailable extends Error {
  constructor(message = RETRAIN_NEEDS_CHECKOUT) {
    super(message);
    this.name = 'RetrainUnavailable';
  }
}

/** The checkout root: the package root, which has dev/ only in a source checkout. */
export const CHECKOUT_ROOT = PACKAGE_ROOT;

/** How to run dev/<script> of a checkout, or null when the checkout (the script and tsx) is not there. */
export function devScriptCommand(script: string, root = CHECKOUT_ROOT): { node: string; args: string[]; cwd: string } | null {
  const entry = join(root, 'dev', script);
  if (!existsSync(entry) || !existsSync(join(root, 'node_modules', 'tsx'))) return null;
  return { node: process.execPath, args: ['--import', 'tsx', entry], cwd: root };
}

export const devTrainCommand = (root = CHECKOUT_ROOT) => devScriptCommand('train/cli.ts', root);

/** Run dev/<script> with the terminal attached; resolves with its exit code. */
export function runDevScriptAttached(script: string, args: string[], root = CHECKOUT_ROOT): Promise<number> {
  const cmd = devScriptCommand(script, root);
  if (!cmd) return Promise.reject(new RetrainUnavailable(DEV_NEEDS_CHECKOUT(script)));
  return new Promise((resolve, reject) => {
    const child = spawn(cmd.node, [...cmd.args, ...args], { cwd: cmd.cwd, stdio: 'inherit', env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' } });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * The review service's Retrain: the labelled texts go to the child on stdin as JSON, the child answers one JSON
 * line (RetrainResult) on stdout; training is CPU-bound for minutes and stays off the server's event loop.
 */
export function runDevRetrain(opts: { extra?: LabeledText[]; modelPath?: string }, root = CHECKOUT_ROOT): Promise<RetrainResult> {
  const cmd = devTrainCommand(root);
  if (!cmd) return Promise.reject(new RetrainUnavailable());
  const args = [...cmd.args, '--extra-stdin', '--json', ...(opts.modelPath ? ['--model', opts.modelPath] : [])];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd.node, args, { cwd: cmd.cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' } });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err = (err + s).slice(-4000)));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) {
        const last = err.trim().split('\n').pop() ?? '';
        reject(new Error(`training exited with code ${code}${last ? `: ${last}` : ''}`));
        return;
      }
      const line = out.trim().split('\n').pop() ?? '';
      try {
        resolve(RetrainResult.parse(JSON.parse(line)));
      } catch {
        reject(new Error(`training answered no result line (${line.slice(0, 80)})`));
      }
    });
    child.stdin.end(JSON.stringify(opts.extra ?? []));
  });
}
