// X's weighted length, kept out of voice.ts because twitter-text is large (about 35 KB
// gzipped): only code that checks X replies imports it, and passes it to checkVoice as
// `countWeighted`.
import * as twitterText from 'twitter-text';

// The package's ESM build has only a default export while its CJS build (and the types)
// expose named ones; take whichever this bundler or runtime produced.
const { parseTweet } = (twitterText as typeof twitterText & { default?: typeof twitterText }).default ?? twitterText;

/** Length as X counts it: URLs 23, CJK and emoji 2, most Latin, Hebrew, Arabic… 1. */
export function xWeightedLength(text: string): number {
  return parseTweet(text).weightedLength;
}
