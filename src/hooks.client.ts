import type { ClientInit } from '@sveltejs/kit';

/**
 * Runs once before the page hydrates. It only yields: the scripts' start-up and the hydration then
 * run as two tasks on a phone's main thread, not one long one, so the reader's first tap or scroll
 * waits on at most one of them.
 */
export const init: ClientInit = () => new Promise((resolve) => setTimeout(resolve, 0));
