import type { Command } from 'commander';

// `winnow serve`: not implemented yet.
export function register(program: Command): void {
  void program;
}
