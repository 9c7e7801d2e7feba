// winnow as a library. The core (analyze and its stages) is pure; the edges (fetch, store, batch) do I/O.
export { analyze, checkInput, WINNOW_VERSION, DEFAULT_BUDGET_MS, DEFAULT_MAX_BYTES, type AnalyzeOptions } from './analyze.js';
export { BudgetExceeded, startBudget, type Budget } from './budget.js';
export { AnalyzeResult } from './result.js';
export { Finding, RuleHit, Category, InjectionKind } from './detect/types.js';
export { Page, Block, Region } from './page/types.js';
export { InputError } from './errors.js';
export { loadRules, matchText, type CompiledRules } from './detect/rules/index.js';
export { loadModel, type Model } from './detect/model.js';
export { decode, buildPage } from './page/index.js';
export { Fetcher, FetchError, isPrivateAddress } from './fetch/index.js';
export { openStore, saveResult, type Store, type PageMeta } from './store/index.js';
export { runBatch } from './batch/index.js';
