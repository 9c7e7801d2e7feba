// Peer extractor run here: @mozilla/readability over a linkedom DOM (the fast DOM). Returns the article's
// textContent ('' when Readability finds no article or throws: a peer failing on a page scores 0, not a crash).
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';

export interface PeerText {
  title: string;
  text: string;
  ok: boolean;
}

export function readabilityLinkedom(html: string): PeerText {
  try {
    const { document } = parseHTML(html);
    // Readability only reads the document; linkedom's Document is DOM-compatible enough for it
    const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
    if (!article) return { title: '', text: '', ok: false };
    return { title: article.title ?? '', text: article.textContent ?? '', ok: true };
  } catch {
    return { title: '', text: '', ok: false };
  }
}
