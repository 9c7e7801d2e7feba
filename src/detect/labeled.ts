// Shapes shared by the runtime and the training code in dev/: a labelled text (a moderator's decision on a finding's
// text) and the result a retrain reports. The runtime never trains; it hands these across a process boundary.
import { z } from 'zod';

/** One labelled text: a reviewed finding (spam, with its category) or a dismissed one (not spam). */
export const LabeledText = z.object({
  text: z.string(),
  spam: z.boolean(),
  category: z.string().optional(),
});
export type LabeledText = z.infer<typeof LabeledText>;

/** Dev-split figures of a model. */
export const SplitFigures = z.object({
  pagePrecision: z.number(),
  pageRecall: z.number(),
  pageF1: z.number(),
  spanF1: z.number(),
});
export type SplitFigures = z.infer<typeof SplitFigures>;

/** What a retrain reports: where the model went, dev figures before (null when there was no model) and after. */
export const RetrainResult = z.object({
  modelPath: z.string(),
  before: SplitFigures.nullable(),
  after: SplitFigures,
  trainedOn: z.number().int(),
});
export type RetrainResult = z.infer<typeof RetrainResult>;
