// Parses and checks the copy files (ArchieML) into typed steps and views: the one index of the
// modules that do it (lint.js, story-schema.js, views-schema.js, check-story.js).
// Plain JavaScript with JSDoc types so that the Vite build, the unit tests and `npm run data` (plain Node)
// all run the very same checks. Every failure is a CopyError naming the file, the line and the fix.
export { CopyError } from './copy-error.js';
export { normalise } from './lint.js';
export { parseStory } from './story-schema.js';
export { parseViews } from './views-schema.js';
export { checkStory } from './check-story.js';
