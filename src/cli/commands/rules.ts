import type { Command } from 'commander';

// `winnow rules`: not implemented yet.
export function register(program: Command): void {
  void program;
}
