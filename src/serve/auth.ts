// Token auth for `winnow serve`: bearer tokens for the API, a login cookie for the browser, CSRF for state
// changes. The token comes from WINNOW_TOKEN or is generated once and kept beside the db (<db>.token, mode 0600).
import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { InputError } from '../errors.js';

/** Bytes of randomness in a generated token / session id / CSRF value. */
export const TOKEN_BYTES = 24;
/** Sessions expire after this long without use. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** Upper bound on live sessions kept in memory (oldest dropped first). */
export const MAX_SESSIONS = 1000;
export const SESSION_COOKIE = 'winnow_session';
export const CSRF_HEADER = 'x-winnow-csrf';
/** Reviewer name used for a bare token that carries no name. */
export const DEFAULT_REVIEWER = 'moderator';

export interface TokenEntry {
  name: string;
  token: string;
}

/**
 * Parse a token spec: a comma-separated list of `name:token` or bare `token` entries
 * (a bare token gets the name DEFAULT_REVIEWER). Tokens must be at least 16 characters.
 */
export function parseTokens(spec: string): TokenEntry[] {
  const out: TokenEntry[] = [];
  for (const raw of spec.split(',')) {
    const part = raw.trim();
    if (!part) continue;
    const i = part.indexOf(':');
    const name = i > 0 ? part.slice(0, i).trim() : DEFAULT_REVIEWER;
    const token = i > 0 ? part.slice(i + 1).trim() : part;
    if (token.length < 16) throw new InputError('WINNOW_TOKEN: each token must be at least 16 characters');
    if (!/^[\w.@-]{1,80}$/.test(name)) throw new InputError(`WINNOW_TOKEN: bad reviewer name "${name.slice(0, 40)}"`);
    out.push({ name, token });
  }
  if (out.length === 0) throw new InputError('WINNOW_TOKEN is empty');
  return out;
}

export interface ResolvedTokens {
  tokens: TokenEntry[];
  /** set when a new token was generated and written now (print it once) */
  generated?: string;
  /** where the token file lives (when not from the environment) */
  file?: string;
}

/** WINNOW_TOKEN if set; else <db>.token (created with a random token, mode 0600, on first start). */
export function resolveTokens(dbPath: string, env: NodeJS.ProcessEnv = process.env): ResolvedTokens {
  if (env.WINNOW_TOKEN) return { tokens: parseTokens(env.WINNOW_TOKEN) };
  const file = `${dbPath}.token`;
  if (existsSync(file)) {
    const spec = readFileSync(file, 'utf8').trim();
    return { tokens: parseTokens(spec), file };
  }
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return { tokens: [{ name: DEFAULT_REVIEWER, token }], generated: token, file };
}

/** Constant-time string compare (hash both sides so lengths never leak through timing). */
export function safeEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb) && a.length === b.length;
}

export interface Session {
  id: string;
  reviewer: string;
  csrf: string;
  lastSeen: number;
}

export class Auth {
  private readonly sessions = new Map<string, Session>();
  constructor(readonly tokens: TokenEntry[]) {}

  /** The reviewer name a token belongs to, or null (checks every token in constant time). */
  check(token: string | undefined): string | null {
    if (!token) return null;
    let name: string | null = null;
    for (const t of this.tokens) if (safeEqual(token, t.token) && name === null) name = t.name;
    return name;
  }

  bearer(header: string | undefined): string | null {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    return m ? this.check(m[1]) : null;
  }

  createSession(reviewer: string): Session {
    if (this.sessions.size >= MAX_SESSIONS) {
      const oldest = this.sessions.keys().next().value;
      if (oldest !== undefined) this.sessions.delete(oldest);
    }
    const s: Session = { id: randomBytes(TOKEN_BYTES).toString('base64url'), reviewer, csrf: randomBytes(TOKEN_BYTES).toString('base64url'), lastSeen: Date.now() };
    this.sessions.set(s.id, s);
    return s;
  }

  /** The live session with this id (from the session cookie), or null; touching it extends its idle time. */
  session(id: string | undefined): Session | null {
    if (!id) return null;
    // the map lookup is by a 192-bit random value, so its timing reveals nothing useful
    const s = this.sessions.get(id);
    if (!s) return null;
    if (Date.now() - s.lastSeen > SESSION_IDLE_MS) {
      this.sessions.delete(id);
      return null;
    }
    s.lastSeen = Date.now();
    return s;
  }

  endSession(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }
}

/** Options of the session cookie (set with @fastify/cookie): never readable by scripts, never sent cross-site. */
export function sessionCookieOptions(secure: boolean) {
  return { path: '/', httpOnly: true, sameSite: 'strict' as const, secure };
}

export interface OriginHeaders {
  host?: string;
  origin?: string;
  referer?: string;
  'sec-fetch-site'?: string;
}

function originOf(u: string): string | undefined {
  try {
    return new URL(u).origin;
  } catch {
    return undefined;
  }
}

/**
 * Does a state-changing request come from this server's own pages? Browsers send Origin with every POST, and
 * Sec-Fetch-Site (which no page can set) on every request. Under the no-referrer policy Chromium sends
 * `Origin: null` even for a same-origin form post, so a null Origin passes only when Sec-Fetch-Site says
 * same-origin; a sandboxed frame (opaque origin) and every other site are refused. Clients that send neither
 * header (curl, scripts with a bearer token) are not browsers a third-party page can drive, and pass.
 */
export function sameOrigin(h: OriginHeaders): boolean {
  const site = h['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = h.origin ?? (h.referer ? originOf(h.referer) : undefined);
  if (origin === undefined) return true;
  if (origin === 'null') return site === 'same-origin';
  if (!h.host) return false;
  const o = originOf(origin);
  return o !== undefined && (o === `http://${h.host}` || o === `https://${h.host}`);
}
