// A plug spliced into a real page's text, right after an anchor phrase of its article (a spliced-phrase injection).
import { expect } from 'vitest';

export function spliceAfter(html: string, at: string, plug: string): string {
  expect(html, `anchor phrase "${at}"`).toContain(at);
  return html.replace(at, `${at}${plug} `);
}
