// A local fixture HTTP server for tests: node:http on 127.0.0.1, port 0, a route table, and a log of what
// it was asked. Anyone's tests may import it. No network beyond loopback.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse, ctx: RouteContext) => void | Promise<void>;

export interface RouteContext {
  /** URL of the request, parsed against the server origin (searchParams available) */
  url: URL;
  /** how many times this path (without query) was requested, this request included */
  hit: number;
  server: FixtureServer;
}

export interface LoggedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** ms since the server started */
  at: number;
}

export interface FixtureServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  /** origin + path */
  url(path: string): string;
  /** requests per path (query excluded) */
  hits: Map<string, number>;
  requests: LoggedRequest[];
  /** requests being answered right now, and the most at once */
  inFlight: number;
  maxInFlight: number;
  /** add or replace a route while running */
  route(path: string, handler: Route): void;
  close(): Promise<void>;
}

/** Start a server. Routes are matched on the exact path (query ignored); a route "*" catches the rest; else 404. */
export async function startServer(routes: Record<string, Route> = {}): Promise<FixtureServer> {
  const table = new Map(Object.entries(routes));
  const t0 = Date.now();
  let server: Server;
  const fx: FixtureServer = {
    origin: '',
    port: 0,
    url: (path) => `${fx.origin}${path.startsWith('/') ? '' : '/'}${path}`,
    hits: new Map(),
    requests: [],
    inFlight: 0,
    maxInFlight: 0,
    route: (path, handler) => void table.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', fx.origin);
    const hit = (fx.hits.get(url.pathname) ?? 0) + 1;
    fx.hits.set(url.pathname, hit);
    fx.requests.push({ method: req.method ?? 'GET', path: url.pathname + url.search, headers: req.headers, at: Date.now() - t0 });
    fx.inFlight++;
    fx.maxInFlight = Math.max(fx.maxInFlight, fx.inFlight);
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        fx.inFlight--;
      }
    };
    res.on('finish', finish);
    res.on('close', finish);
    const handler = table.get(url.pathname) ?? table.get('*');
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    Promise.resolve(handler(req, res, { url, hit, server: fx })).catch((err: Error) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(err?.message ?? err));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  fx.port = (server.address() as AddressInfo).port;
  fx.origin = `http://127.0.0.1:${fx.port}`;
  return fx;
}

/** Answer with a fixed body (string = utf-8) and headers. */
export function send(body: string | Buffer, headers: Record<string, string | number> = {}, status = 200): Route {
  return (_req, res) => {
    const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    res.writeHead(status, { 'content-length': buf.length, ...headers });
    res.end(buf);
  };
}

/** Answer with an HTML page (utf-8 declared unless headers say otherwise). */
export function html(body: string, headers: Record<string, string | number> = {}): Route {
  return send(body, { 'content-type': 'text/html; charset=utf-8', ...headers });
}

/** A redirect to `location` (relative or absolute). */
export function redirect(location: string, status = 302): Route {
  return (_req, res) => {
    res.writeHead(status, { location, 'content-length': 0 });
    res.end();
  };
}
