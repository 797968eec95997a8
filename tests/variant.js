// The variant build: served from a subfolder (BASE_PATH) with the hostile fixture copy (STORY_FILE).
// tests/unit/cli.test.ts builds it and checks its URLs; tests/browser/hostile.spec.ts serves it and
// checks in the browser that the hostile copy renders inert (building it first if it is missing).
export const VARIANT_DIR = '.variant-build';
export const VARIANT_ENV = {
	BASE_PATH: '/graphics/invisible-caliphate',
	STORY_FILE: 'tests/fixtures/copy/hostile.aml'
};
