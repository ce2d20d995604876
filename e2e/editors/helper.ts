// The composer's insertion code, run in the fixture page itself (the content-script wiring
// comes later): the tests call it through window.__chorus.
import * as insert from '../../extension/composer/insert.ts';

window.__chorus = insert;
