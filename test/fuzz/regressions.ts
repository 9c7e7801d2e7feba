// Seeds of generated pages (test/fuzz/generate.ts hostilePage) that were the slowest in a search over seeds
// 241..800 (`npx tsx bench/fuzz-worst.ts --from 241 --to 800`), kept as regression cases; the pages are rebuilt
// from the seed, not stored. Measured without a budget on the 2-core machine under load, before the fixes:
// 620: 22.4 s (a "。" flood and thousands of h1s: the title stage compared every h1 with every <title> cut),
// 416: 13.7 s, 575: 9.8 s, 418: 7.1 s (2,000+ findings: detection quadratic in findings),
// 676: 3.9 s, 553: 2.8 s, 254: 1.9 s, 245: 1.9 s (a 1 KB page: a <title> with hundreds of "|").
export const REGRESSION_SEEDS: number[] = [620, 416, 575, 418, 676, 553, 254, 245];
