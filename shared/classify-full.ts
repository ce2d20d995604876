// The classifier with its word lists set: what Node code imports (tests, benchmarks, training,
// the e2e tests' expectations). The extension's content scripts import ./classify.ts and get
// the word lists from the background (see setClassifierLexicon there).
import { setClassifierLexicon } from './classify.ts';
import { CLASSIFIER_LEXICON } from './classify-data.ts';

setClassifierLexicon(CLASSIFIER_LEXICON);

export * from './classify.ts';
