/**
 * The embed's side of the conversation with a host page: it reports its height whenever its size
 * changes, in the messages hosts already understand — pym.js's `height` message and the AMP
 * `embed-size` message that @newswire/frames reads.
 */

/** pym.js frames its messages as `pymxPYMx<childId>xPYMx<type>xPYMx<message>`. */
export function pymMessage(childId: string, type: string, message: string | number): string {
	return ['pym', childId, type, String(message)].join('xPYMx');
}

/** The AMP embed-size message (also what @newswire/frames listens for). */
export function ampEmbedSize(height: number) {
	return { sentinel: 'amp', type: 'embed-size', height } as const;
}

/** The reader's screen height as the embed should size its layout: the frame's own height, but never
 *  more than the browser window (or device screen), so a frame that grows with its content cannot
 *  grow without end. */
export function screenHeight(frameHeight: number, windowHeight: number): number {
	const cap = windowHeight > 0 ? windowHeight : frameHeight;
	return Math.max(320, Math.min(frameHeight, cap));
}

/**
 * Starts reporting the document's height to the parent window (nothing when not framed).
 * @returns a function that stops it
 */
export function reportHeight(parent: Window = window.parent): () => void {
	if (parent === window) return () => {};
	const childId = new URLSearchParams(location.search).get('childId') ?? '';
	let last = 0;
	const send = () => {
		const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
		if (height <= 0 || height === last) return;
		last = height;
		// Heights are not private: any host may read them.
		parent.postMessage(pymMessage(childId, 'height', height), '*');
		parent.postMessage(ampEmbedSize(height), '*');
	};
	const observer = new ResizeObserver(send);
	observer.observe(document.documentElement);
	send();
	return () => observer.disconnect();
}
