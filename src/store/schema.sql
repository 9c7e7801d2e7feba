-- winnow store, migration 1. Applied by src/store (PRAGMA user_version tracks the applied migration).
CREATE TABLE IF NOT EXISTS pages (
  id            INTEGER PRIMARY KEY,
  url           TEXT NOT NULL UNIQUE,          -- input URL, or file:/path, or warc:<file>#<record-id>
  final_url     TEXT,
  domain        TEXT NOT NULL DEFAULT '',
  fetched_at    TEXT,                          -- ISO 8601
  status        INTEGER,
  etag          TEXT,
  last_modified TEXT,
  content_hash  TEXT,                          -- sha256 of the raw bytes
  html          BLOB                           -- raw bytes as fetched (for the review UI); may be NULL
);
CREATE TABLE IF NOT EXISTS scans (
  id             INTEGER PRIMARY KEY,
  page_id        INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  scanned_at     TEXT NOT NULL,
  verdict        TEXT NOT NULL CHECK (verdict IN ('clean','contaminated')),
  score          REAL NOT NULL,
  title          TEXT NOT NULL DEFAULT '',
  clean_title    TEXT NOT NULL DEFAULT '',
  clean_text     TEXT NOT NULL DEFAULT '',
  lang           TEXT NOT NULL DEFAULT '',
  text           TEXT NOT NULL DEFAULT '',     -- AnalyzeResult.text, findings' offsets point here
  winnow_version TEXT NOT NULL,
  rules_version  TEXT NOT NULL,
  model_version  TEXT NOT NULL,
  status         TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','reviewed'))
);
CREATE TABLE IF NOT EXISTS findings (
  id        INTEGER PRIMARY KEY,
  scan_id   INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
  text      TEXT NOT NULL,
  start     INTEGER NOT NULL,
  end       INTEGER NOT NULL,
  block_id  INTEGER NOT NULL,
  path      TEXT NOT NULL,
  "where"   TEXT NOT NULL,
  category  TEXT NOT NULL,
  kind      TEXT NOT NULL,
  score     REAL NOT NULL,
  points    REAL NOT NULL,
  rules     TEXT NOT NULL                      -- JSON array of RuleHit
);
CREATE TABLE IF NOT EXISTS decisions (
  id          INTEGER PRIMARY KEY,
  finding_id  INTEGER REFERENCES findings(id) ON DELETE CASCADE,
  scan_id     INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
  decision    TEXT NOT NULL CHECK (decision IN ('confirm','dismiss','recategorize','page-clean','page-contaminated')),
  category    TEXT,                            -- new category for 'recategorize'
  reviewer    TEXT NOT NULL,
  decided_at  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS scans_page ON scans(page_id);
CREATE INDEX IF NOT EXISTS scans_queue ON scans(status, score DESC);
CREATE INDEX IF NOT EXISTS pages_domain ON pages(domain);
CREATE INDEX IF NOT EXISTS findings_scan ON findings(scan_id);
CREATE INDEX IF NOT EXISTS findings_category ON findings(category);
CREATE INDEX IF NOT EXISTS decisions_finding ON decisions(finding_id);
CREATE INDEX IF NOT EXISTS decisions_scan ON decisions(scan_id);
