// The copy files the tests check: data/copy/*.aml, or the files STORY_FILE and VIEWS_FILE name (as the
// build reads them), so that every copy-derived test can run on an editor's changed copy
// (tests/unit/editor-changes.test.ts does).
import { FILES, filesFromEnv } from '../data/scripts/check-copy.js';

export const COPY = { ...FILES, ...filesFromEnv() };
