// The shipped model (corpus/model/model.json) is the file `npm run train` builds from this checkout: training is
// deterministic (seeded shuffles, no clock in the weights), so the same corpus, real texts, rules and feature code
// give the same weights and the same version (a hash of them). A change to the features, the rules' lexicons or the
// training recipe that is not followed by `npm run train` leaves a model the code can no longer rebuild; this fails
// then, naming the command that rebuilds it.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { trainModel, trainingInputs } from '../../dev/train/train.js';
import { defaultModelPath } from '../../src/detect/model.js';

describe('shipped model', () => {
  it('is what npm run train builds from this checkout', async () => {
    const shipped = JSON.parse(readFileSync(defaultModelPath(), 'utf8')) as { version: string; trainedOn: { pages: number; realTexts: number; reviewed: number } };
    // a model trained with moderators' decisions is a local one, never the shipped default
    expect(shipped.trainedOn.reviewed, 'corpus/model/model.json was retrained with moderators\' decisions (winnow train --db): the tests hold the shipped model; `git checkout corpus/model/model.json` restores it').toBe(0);
    const model = trainModel(await trainingInputs());
    expect(model.trainedOn.pages).toBe(shipped.trainedOn.pages);
    expect(model.trainedOn.realTexts).toBe(shipped.trainedOn.realTexts);
    expect(model.version, 'corpus/model/model.json is stale: run `npm run train` and commit the model with the change').toBe(shipped.version);
  }, 300_000);
});
