import type { Command } from 'commander';

// `winnow export`: not implemented yet.
export function register(program: Command): void {
  void program;
}
