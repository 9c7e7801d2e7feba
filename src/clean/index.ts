// Clean stage: strip findings' spans and rebuild title, text and article HTML.
import type { Page } from '../page/types.js';
import type { Finding } from '../detect/types.js';

export interface Cleaned {
  cleanTitle: string;
  cleanText: string;
  cleanHtml: string;
}

export function clean(page: Page, findings: Finding[]): Cleaned {
  void findings;
  const paras = page.mainIds.map((id) => page.blocks[id].text);
  return { cleanTitle: page.title, cleanText: [page.title, ...paras].join('\n\n'), cleanHtml: '' };
}
