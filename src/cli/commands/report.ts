import type { Command } from 'commander';

// `winnow report`: not implemented yet.
export function register(program: Command): void {
  void program;
}
