// The variant build: served from a subfolder (BASE_PATH) with the hostile copy (STORY_FILE), made from
// the copy as it is now by tests/fixtures/hostile-copy.js. tests/unit/cli.test.ts builds it and checks
// its URLs; tests/browser/hostile.spec.ts serves it and checks in the browser that the hostile copy
// renders inert (building it first if it is missing).
import { COPY } from './copy-files.js';
import { writeHostileCopy } from './fixtures/hostile-copy.js';

export const VARIANT_DIR = '.variant-build';
export const VARIANT_ENV = {
	BASE_PATH: '/graphics/invisible-caliphate',
	STORY_FILE: '.variant-copy/hostile.aml'
};

/** Writes the hostile copy the variant build reads; returns its path. */
export const writeVariantCopy = () => writeHostileCopy(COPY.story, VARIANT_ENV.STORY_FILE);
