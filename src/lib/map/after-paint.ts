/**
 * Runs `then` once the page has painted its first content (the paint timing's first-contentful-paint
 * entry), and returns a function that cancels it. A frame callback is not enough: it runs before the
 * frame it belongs to is painted, and when the app hydrates before the first paint (a slow phone, a
 * busy CI machine) that is before the first paint. Every engine the piece supports has paint timing
 * (Chromium 60, Firefox 84, Safari 14.1); one without it never calls `then` (no relief, nothing else
 * lost).
 */
export function afterFirstPaint(then: () => void): () => void {
	const observer = new PerformanceObserver((list) => {
		if (list.getEntriesByName('first-contentful-paint').length === 0) return;
		observer.disconnect();
		then();
	});
	// Buffered: a paint that came before this call is reported too.
	observer.observe({ type: 'paint', buffered: true });
	return () => observer.disconnect();
}
