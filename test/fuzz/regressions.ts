// Seeds of generated pages (test/fuzz/generate.ts hostilePage) that were the slowest in a search over seeds
// 1..3000 (bench/fuzz-worst.ts): kept as regression cases. The pages are rebuilt from the seed, not stored.
export const REGRESSION_SEEDS: number[] = [];
