/**
 * Where the reader's screen is, seen from inside a full-height iframe whose host says nothing about
 * it. @newswire/frames, for one, sizes its frame from our AMP `embed-size` message but sends no scroll
 * position. An IntersectionObserver without a root observes against the top-level viewport, across
 * origins too; it does not give that viewport's bounds (`rootBounds` is null cross-origin) or honour
 * root margins (w3c/IntersectionObserver#283), but it does give each target's visible part in our
 * own coordinates. A column of invisible probes, each PROBE px tall with a threshold every 1 %, so
 * reports where the screen's top and bottom edges cross our document to within PROBE / 100 px.
 */
import type { HostView } from './host-viewport.svelte';

const PROBE = 200;
const THRESHOLDS = Array.from({ length: 101 }, (_, i) => i / 100);

/** One probe's report: its box and the visible part of it, both in the document's coordinates. */
export interface ProbeReport {
	index: number;
	intersecting: boolean;
	box: { top: number; bottom: number };
	visible: { top: number; bottom: number };
}

/**
 * The screen's edges, from the latest report of every probe. A probe reports only when its visible
 * share crosses a threshold, so one that stays wholly visible or wholly hidden says nothing new: the
 * edges come from all probes' latest reports together, never from the last one alone.
 */
export class ScreenEdges {
	#reports = new Map<number, ProbeReport>();
	/** The screen's height, last seen with both edges inside the document. */
	height: number | null = null;

	/** Forget every probe (they were laid again). */
	reset(): void {
		this.#reports.clear();
	}

	/** Takes the probes' new reports; returns where the screen is now (see view). */
	update(reports: ProbeReport[], guess: number): HostView | null {
		for (const r of reports) this.#reports.set(r.index, r);
		const edges = this.edges();
		if (edges.top !== null && edges.bottom !== null) this.height = edges.bottom - edges.top;
		return this.view(guess, edges);
	}

	/** Where the screen's top and bottom edges cross the document; null where the document's own top
	 *  or bottom is on screen (or nothing of it is). */
	edges(): { top: number | null; bottom: number | null } {
		let start = Infinity;
		let end = -Infinity;
		let seenTop = Infinity;
		let seenBottom = -Infinity;
		for (const r of this.#reports.values()) {
			start = Math.min(start, r.box.top);
			end = Math.max(end, r.box.bottom);
			if (!r.intersecting) continue;
			seenTop = Math.min(seenTop, r.visible.top);
			seenBottom = Math.max(seenBottom, r.visible.bottom);
		}
		if (seenTop > seenBottom) return { top: null, bottom: null };
		return {
			top: seenTop > start + 0.5 ? seenTop : null,
			bottom: seenBottom < end - 0.5 ? seenBottom : null
		};
	}

	/** The screen relative to the document (as a host would say it), or null while nothing is known
	 *  or the whole document is on screen. `guess`: the screen height to assume until it is seen. */
	view(guess: number, { top, bottom } = this.edges()): HostView | null {
		// Until both edges are seen: at least as tall as what is visible below the document's top.
		const height = this.height ?? Math.max(guess, bottom ?? 0);
		if (top !== null) return { top: -top, height };
		// The document's top is on screen: at or below the screen's top, whatever the height guessed.
		if (bottom !== null) return { top: Math.max(0, height - bottom), height };
		return null;
	}
}

/**
 * Watches the visible part of the document and calls `onChange` with where the screen is.
 * @param guess the screen height to assume until both edges have been seen
 * @returns a function that stops watching and removes the probes
 */
export function watchVisibleArea(onChange: (view: HostView) => void, guess: () => number) {
	const edges = new ScreenEdges();
	const column = document.createElement('div');
	column.setAttribute('aria-hidden', 'true');
	column.dataset.visibleArea = '';
	// Zero-sized and out of the flow: the probes inside must not change the height the embed reports.
	column.style.cssText =
		'position:absolute;top:0;left:0;width:0;height:0;visibility:hidden;pointer-events:none';
	document.body.append(column);
	const probes = new Map<Element, number>();
	let last: HostView | null = null;

	const observer = new IntersectionObserver(
		(entries) => {
			const view = edges.update(
				// Not a probe of the current column: a report queued before the probes were laid again.
				entries
					.filter((e) => probes.has(e.target))
					.map((e) => ({
						index: probes.get(e.target)!,
						intersecting: e.isIntersecting,
						box: e.boundingClientRect,
						visible: e.intersectionRect
					})),
				guess()
			);
			// Only a change moves anything: the story re-reads its steps on each one.
			if (view && (view.top !== last?.top || view.height !== last?.height)) onChange((last = view));
		},
		{ threshold: THRESHOLDS }
	);

	/** One probe per PROBE px of the document, laid again when its height changes. */
	let laid = 0;
	const lay = () => {
		const height = Math.floor(document.documentElement.getBoundingClientRect().height);
		if (height === laid) return;
		laid = height;
		observer.takeRecords();
		observer.disconnect();
		probes.clear();
		edges.reset();
		const count = Math.max(1, Math.ceil(height / PROBE));
		const children = Array.from({ length: count }, (_, i) => {
			const probe = document.createElement('div');
			const top = i * PROBE;
			probe.style.cssText = `position:absolute;left:0;width:1px;top:${top}px;height:${Math.min(PROBE, height - top)}px`;
			probes.set(probe, i);
			return probe;
		});
		column.replaceChildren(...children);
		for (const probe of children) observer.observe(probe);
	};
	const resize = new ResizeObserver(lay);
	resize.observe(document.documentElement);
	lay();

	return () => {
		resize.disconnect();
		observer.disconnect();
		column.remove();
	};
}
