// patches/scrollama+3.2.0.patch, as the page imports scrollama (its ES modules: vite.config.ts), with the
// browser objects it touches stubbed. Scrollama 3.2.0 added a document scroll listener at every setup()
// that read the scroll position on each scroll event, for a direction it reports only when a step
// crosses its trigger, and never removed it: the patch reads the position at the crossing instead.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Entry = { isIntersecting: boolean; target: FakeStep };
interface FakeStep {
	offsetHeight: number;
	dataset: Record<string, string>;
	attributes: Record<string, string>;
	setAttribute(name: string, value: string): void;
	getAttribute(name: string): string | null;
	getBoundingClientRect(): { top: number };
}

let scrollListeners: unknown[];
/** The step observers scrollama made, with the element each watches. */
let observers: { callback: (entries: Entry[]) => void; target?: FakeStep }[];
const page = { pageYOffset: 0, innerHeight: 800 };

function step(top: number): FakeStep {
	return {
		offsetHeight: 600,
		dataset: {},
		attributes: {},
		setAttribute(name, value) {
			this.attributes[name] = String(value);
		},
		getAttribute(name) {
			return this.attributes[name] ?? null;
		},
		getBoundingClientRect: () => ({ top })
	};
}

beforeEach(() => {
	scrollListeners = [];
	observers = [];
	page.pageYOffset = 0;
	vi.stubGlobal('window', page);
	vi.stubGlobal('document', {
		body: { clientTop: 0 },
		addEventListener: (type: string, fn: unknown) => type === 'scroll' && scrollListeners.push(fn)
	});
	vi.stubGlobal('Element', class {});
	vi.stubGlobal('NodeList', class {});
	vi.stubGlobal(
		'IntersectionObserver',
		class {
			record: (typeof observers)[number];
			constructor(callback: (entries: Entry[]) => void) {
				this.record = { callback };
				observers.push(this.record);
			}
			observe(target: FakeStep) {
				this.record.target = target;
			}
			disconnect() {}
		}
	);
	vi.stubGlobal(
		'ResizeObserver',
		class {
			observe() {}
			disconnect() {}
		}
	);
});
afterEach(() => vi.unstubAllGlobals());

/** Scrolls the stubbed window to `y` and has the observer of `target` report a crossing. */
function cross(target: FakeStep, y: number, isIntersecting: boolean) {
	page.pageYOffset = y;
	const observer = observers.find((o) => o.target === target)!;
	observer.callback([{ isIntersecting, target }]);
}

describe('scrollama, as patched', () => {
	it('listens to no scroll events, and leaves none behind after destroy()', async () => {
		const { default: scrollama } = await import('scrollama');
		const steps = [step(0), step(600), step(1200)];
		const s = scrollama().setup({ step: steps as unknown as HTMLElement[], offset: 0.6 });
		expect(observers.length, 'one step observer per step').toBe(steps.length);
		s.destroy();
		expect(scrollListeners).toEqual([]);
	});

	it('still reports the direction of the scroll when a step crosses its trigger', async () => {
		const { default: scrollama } = await import('scrollama');
		const steps = [step(0), step(600), step(1200)];
		const seen: string[] = [];
		const s = scrollama()
			.setup({ step: steps as unknown as HTMLElement[], offset: 0.6 })
			.onStepEnter(({ index, direction }) => seen.push(`enter ${index} ${direction}`))
			.onStepExit(({ index, direction }) => seen.push(`exit ${index} ${direction}`));
		cross(steps[1], 700, true);
		cross(steps[1], 300, false);
		cross(steps[2], 1400, true);
		s.destroy();
		expect(seen).toEqual(['enter 1 down', 'exit 1 up', 'enter 2 down']);
	});
});
