// Write WARC files (response records, optionally gzip per record as Common Crawl does). Used to build test
// fixtures and the batch benchmark from saved pages; small and dependency-free on purpose.
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export interface WarcRecordSpec {
  type?: 'response' | 'request' | 'warcinfo' | 'metadata' | 'resource';
  version?: '1.0' | '1.1';
  url?: string;
  date?: string;
  recordId?: string;
  /** HTTP status line for response records */
  statusLine?: string;
  /** HTTP headers for response records (Content-Length is added) */
  httpHeaders?: Record<string, string>;
  body: Uint8Array | string;
}

/** One serialized WARC record (uncompressed). */
export function warcRecord(spec: WarcRecordSpec): Buffer {
  const type = spec.type ?? 'response';
  const body = typeof spec.body === 'string' ? Buffer.from(spec.body) : Buffer.from(spec.body);
  let block = body;
  let contentType = 'application/octet-stream';
  if (type === 'response') {
    const headers = { ...(spec.httpHeaders ?? { 'Content-Type': 'text/html; charset=utf-8' }) };
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-length') && !Object.keys(headers).some((h) => h.toLowerCase() === 'transfer-encoding')) {
      headers['Content-Length'] = String(body.byteLength);
    }
    const head = `${spec.statusLine ?? 'HTTP/1.1 200 OK'}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
    block = Buffer.concat([Buffer.from(head, 'latin1'), body]);
    contentType = 'application/http; msgtype=response';
  } else if (type === 'warcinfo') {
    contentType = 'application/warc-fields';
  }
  const headers = [
    `WARC/${spec.version ?? '1.0'}`,
    `WARC-Type: ${type}`,
    `WARC-Record-ID: ${spec.recordId ?? `<urn:uuid:${randomUUID()}>`}`,
    `WARC-Date: ${spec.date ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
    ...(spec.url ? [`WARC-Target-URI: ${spec.url}`] : []),
    `Content-Type: ${contentType}`,
    `Content-Length: ${block.byteLength}`,
  ];
  return Buffer.concat([Buffer.from(`${headers.join('\r\n')}\r\n\r\n`, 'latin1'), block, Buffer.from('\r\n\r\n')]);
}

/** Serialize records into one WARC buffer; gzip compresses each record as its own member. */
export function warcFile(records: WarcRecordSpec[], opts: { gzip?: boolean } = {}): Buffer {
  return Buffer.concat(records.map((r) => (opts.gzip ? gzipSync(warcRecord(r)) : warcRecord(r))));
}
