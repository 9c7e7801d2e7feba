import type { Command } from 'commander';

// `winnow clean`: not implemented yet.
export function register(program: Command): void {
  void program;
}
