// scrollama 3.2.0 ships types that miss options it accepts and misname a method (see STYLE.md);
// these declare only what we use.
declare module 'scrollama' {
	export interface ScrollamaStepEvent {
		element: HTMLElement;
		index: number;
		direction: 'up' | 'down';
	}
	export interface ScrollamaProgressEvent extends ScrollamaStepEvent {
		progress: number;
	}
	export interface ScrollamaOptions {
		step: string | HTMLElement[];
		/** 0–1 (fraction of the viewport) or "Npx". Out-of-range values throw inside scrollama. */
		offset?: number | string;
		progress?: boolean;
		threshold?: number;
		once?: boolean;
		debug?: boolean;
	}
	export interface ScrollamaInstance {
		setup(options: ScrollamaOptions): ScrollamaInstance;
		onStepEnter(callback: (event: ScrollamaStepEvent) => void): ScrollamaInstance;
		onStepExit(callback: (event: ScrollamaStepEvent) => void): ScrollamaInstance;
		onStepProgress(callback: (event: ScrollamaProgressEvent) => void): ScrollamaInstance;
		resize(): ScrollamaInstance;
		destroy(): void;
	}
	export default function scrollama(): ScrollamaInstance;
}
