export { analyze, checkInput, WINNOW_VERSION, type AnalyzeOptions } from './analyze.js';
export { AnalyzeResult } from './result.js';
export { Finding, RuleHit, Category, InjectionKind } from './detect/types.js';
export { Page, Block, Region } from './page/types.js';
export { InputError } from './errors.js';
export { loadRules } from './detect/rules/index.js';
