// Detect stage: rules + structural checks + classifier + consistency -> scored, character-exact findings.
import type { Page } from '../page/types.js';
import type { Finding } from './types.js';
import type { CompiledRules } from './rules/index.js';
export type { Finding, RuleHit, Category, InjectionKind } from './types.js';

export interface DetectOptions {
  rules: CompiledRules;
}

export function detect(page: Page, opts: DetectOptions): Finding[] {
  void page;
  void opts;
  return [];
}
