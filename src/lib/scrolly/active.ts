/**
 * The active step as a pure function of where the steps are on screen: the last step whose top has
 * crossed the trigger line. Whatever the path there (slow, fast, backwards, a reload halfway down, a
 * jump to #step-id) the same scroll position gives the same step.
 * @param tops each step's top edge, px from the viewport top, in document order
 * @param line the trigger line, px from the viewport top
 * @returns the active index; 0 before the first step is reached
 */
export function activeIndex(tops: number[], line: number): number {
	let active = 0;
	for (let i = 0; i < tops.length; i++) {
		if (tops[i] <= line) active = i;
		else break;
	}
	return active;
}

/** How far the trigger line has travelled through a step, 0 to 1. */
export function progressThrough(top: number, height: number, line: number): number {
	if (height <= 0) return 1;
	return Math.min(1, Math.max(0, (line - top) / height));
}
