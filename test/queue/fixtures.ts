// Real pages of ../shared/data packed into a gzip WARC (one member per record, as Common Crawl writes), with a
// few records that are not pages (request records, a 404, an image) between them.
import { writeFileSync } from 'node:fs';
import { warcFile, type WarcRecordSpec } from '../helpers/warcgen.js';
import { realPages } from '../batch/data.js';

export function writeRealWarc(path: string, pages: number): { pages: number; records: number } {
  const specs: WarcRecordSpec[] = [{ type: 'warcinfo', body: 'software: winnow tests\r\n' }];
  realPages(pages).forEach((p, i) => {
    const url = `https://${p.zh ? 'zh' : 'en'}.example.org/${i}/${encodeURIComponent(p.name)}`;
    specs.push({ type: 'request', url, body: `GET /${i} HTTP/1.1\r\n\r\n` });
    specs.push({ url, date: '2026-11-01T00:00:00Z', recordId: `<urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}>`, httpHeaders: { 'Content-Type': p.zh ? 'text/html' : 'text/html; charset=utf-8' }, body: p.body });
  });
  specs.push({ url: 'https://en.example.org/missing', statusLine: 'HTTP/1.1 404 Not Found', body: '<html>gone</html>' });
  specs.push({ url: 'https://en.example.org/logo.png', httpHeaders: { 'Content-Type': 'image/png' }, body: Buffer.from([0x89, 0x50, 0x4e, 0x47]) });
  writeFileSync(path, warcFile(specs, { gzip: true }));
  return { pages, records: pages + 2 };
}
