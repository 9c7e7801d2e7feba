import type { Region } from '../../src/page/types.js';
import type { Category, InjectionKind } from '../../src/detect/types.js';

export type Split = 'train' | 'dev' | 'test';

/** One injected piece of contamination, as it appears in the page text (gold). */
export interface GoldSpan {
  /** the exact injected text as a reader/extractor sees it (whitespace-collapsed) */
  text: string;
  where: Region;
  kind: InjectionKind;
  category: Category;
  /** language of the injected text: zh, en, ja, id */
  lang: string;
}

export interface CorpusItem {
  /** stable id, e.g. "scrapinghub:042bb7b5…#inj1" */
  id: string;
  /** the site (domain or folder) the page comes from; splits are by site */
  site: string;
  /** path of the source page relative to ../shared/data, or "corpus/…" for our own fixtures */
  source: string;
  /** main language of the page */
  lang: string;
  split: Split;
  /** the page as served (after injection) */
  html: string;
  /** injected spans; empty for a clean page */
  gold: GoldSpan[];
  /** gold article body from the dataset when it has one (for collateral measurement) */
  goldBody?: string;
  contaminated: boolean;
  /** optional labels (additive): "hard-negative", "real-spam", "heldout-vocab", "fixture" */
  tags?: string[];
}
