// Classifier training entry used by `npm run train`, `winnow train` and the review UI's retrain button.
// OWNER: lead (detect stage). Signature is the contract.

export interface LabeledText {
  text: string;
  spam: boolean;
  category?: string;
}

export interface SplitFigures {
  pagePrecision: number;
  pageRecall: number;
  pageF1: number;
  spanF1: number;
}

export interface RetrainResult {
  modelPath: string;
  before: SplitFigures | null;
  after: SplitFigures;
  trainedOn: number;
}

/** Train the classifier from corpus/ train split plus extra reviewed examples; write the model file. */
export async function retrain(opts: { extra?: LabeledText[]; modelPath?: string } = {}): Promise<RetrainResult> {
  void opts;
  throw new Error('training not implemented yet');
}
