import { z } from 'zod';
import { Finding } from './detect/types.js';

/** What analyze() returns and `winnow scan --json` prints (one object per input). */
export const AnalyzeResult = z.object({
  input: z.string().optional(),
  url: z.string().optional(),
  /**
   * 'over-budget': the page was bigger or slower than analyze()'s budget; no findings, the reason in overBudget.
   * analyze() always sets it; results stored before it existed read as 'ok'.
   */
  status: z.enum(['ok', 'over-budget']).optional(),
  overBudget: z
    .object({
      /** which limit was hit: the time budget or the size limit */
      limit: z.enum(['time', 'size']),
      /** the stage that was running (page, text, detect:..., input) */
      stage: z.string(),
      /** one line for people */
      message: z.string(),
    })
    .optional(),
  /** 'clean' also for an over-budget page: check status */
  verdict: z.enum(['clean', 'contaminated']),
  /** 0..1: the strongest finding's score (0 when none) */
  score: z.number().min(0).max(1),
  lang: z.string(),
  encoding: z.string(),
  /** the page's headline as published (may carry a spam prefix) */
  title: z.string(),
  cleanTitle: z.string(),
  /** clean title line, blank line, article paragraphs separated by blank lines */
  cleanText: z.string(),
  cleanHtml: z.string(),
  siteName: z.string(),
  findings: z.array(Finding),
  /** Page.text: all block texts joined by "\n"; findings' offsets point here */
  text: z.string(),
  version: z.object({ winnow: z.string(), rules: z.string(), model: z.string() }),
});
export type AnalyzeResult = z.infer<typeof AnalyzeResult>;

/**
 * Why a result is no analysis of its page, or null: an over-budget page (too big or too slow) has verdict 'clean' only
 * because nothing was looked at, so every consumer that would keep or print it as a verdict refuses it with this.
 */
export function overBudgetReason(r: AnalyzeResult): string | null {
  return r.status === 'over-budget' ? (r.overBudget?.message ?? 'over its budget') : null;
}
