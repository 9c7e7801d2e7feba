// Learning from moderators: reviewed findings become labelled examples, one per text; when the same text was
// decided both ways the majority wins and a tie teaches nothing.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../src/analyze.js';
import { openSqliteStore, saveResult } from '../../src/store/index.js';
import { decideFindings, trainingExamples } from '../../src/store/review.js';

const SEED = fileURLToPath(new URL('../../corpus/fixtures/seed.html', import.meta.url));

describe('trainingExamples', () => {
  it('labels by majority per text and skips ties', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'winnow-train-'));
    const store = await openSqliteStore(join(dir, 's.db'));
    try {
      const body = readFileSync(SEED);
      const result = analyze(body);
      const { scanId } = (await saveResult(store, { url: 'https://example.test/seed', body }, result));
      const ids = (store.db.prepare('SELECT id, text FROM findings WHERE scan_id = ? ORDER BY id').all(scanId) as { id: number; text: string }[]);
      const phrase = ids.filter((f) => f.text === '互联网金融股票配资');
      expect(phrase.length).toBeGreaterThanOrEqual(3);
      // one confirm, one dismiss, one undecided: a tie, no example
      (await decideFindings(store, [phrase[0].id], { decision: 'confirm', reviewer: 'a' }));
      (await decideFindings(store, [phrase[1].id], { decision: 'dismiss', reviewer: 'b' }));
      expect((await trainingExamples(store)).find((e) => e.text === '互联网金融股票配资')).toBeUndefined();
      // the third copy confirmed: two to one, spam, with the confirmed category
      (await decideFindings(store, [phrase[2].id], { decision: 'confirm', reviewer: 'c' }));
      expect((await trainingExamples(store)).find((e) => e.text === '互联网金融股票配资')).toMatchObject({ spam: true, category: 'margin-lending' });
      // a reviewer changes their mind: only each finding's latest decision counts (now one to two: ham)
      (await decideFindings(store, [phrase[0].id, phrase[2].id], { decision: 'dismiss', reviewer: 'a' }));
      (await decideFindings(store, [phrase[1].id], { decision: 'confirm', reviewer: 'b' }));
      expect((await trainingExamples(store)).find((e) => e.text === '互联网金融股票配资')).toEqual({ text: '互联网金融股票配资', spam: false });
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
