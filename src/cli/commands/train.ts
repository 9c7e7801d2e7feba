import type { Command } from 'commander';

// `winnow train`: not implemented yet.
export function register(program: Command): void {
  void program;
}
