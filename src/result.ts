import { z } from 'zod';
import { Finding } from './detect/types.js';

/** What analyze() returns and `winnow scan --json` prints (one object per input). */
export const AnalyzeResult = z.object({
  input: z.string().optional(),
  url: z.string().optional(),
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
