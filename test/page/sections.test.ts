// Main content of pages with no one article container: a landing page of short sections (its best section holds a
// sliver of the prose, so their common ancestor is the article) and a portal page with menus and forms only (its
// visible text is the page). Real pages of the spam-pages dev split and a small page; articles are untouched.
import { describe, it, expect } from 'vitest';
import { buildPage, decode } from '../../src/page/index.js';
import { spamPages } from '../../dev/eval/real-pages.js';

const dev = new Map(spamPages('dev').map((p) => [p.label.id, p]));
const mainText = (html: string | Buffer) => {
  const page = buildPage(typeof html === 'string' ? html : decode(html).html, {});
  return page.mainIds.map((id) => page.blocks[id].text).join('\n');
};

describe('pages of sections', () => {
  it('a business landing page keeps every section blurb, not only the best-scoring section', () => {
    const { label, html } = dev.get('en-ebb-replica-anchor-remnant')!;
    const text = mainText(html);
    for (const s of label.keep) expect(text).toContain(s);
  });
  it('a portal page of menus and login forms keeps its interface lines', () => {
    const { label, html } = dev.get('id-siponcan-hidden-slot-links')!;
    const text = mainText(html);
    for (const s of label.keep) expect(text).toContain(s);
    // the hidden link farm is still not page text
    expect(text).not.toContain('Slot Gacor');
  });
  it('an article page with a long paragraph keeps its article container only', () => {
    const para = 'The city council voted on Tuesday to add dedicated bus lanes along Main Street, a project that transit officials say will cut commute times for thousands of riders and ease congestion downtown during rush hours.';
    const html = `<html><body><div class="story"><p>${para}</p><p>${para.replace('Tuesday', 'Monday')}</p></div>
      <div class="box"><p>Weather: sunny, with a light breeze from the west today.</p></div>
      <div class="box"><p>Traffic: delays expected on the ring road this evening.</p></div></body></html>`;
    const text = mainText(html);
    expect(text).toContain('Main Street');
    expect(text).not.toContain('Weather');
  });
});
