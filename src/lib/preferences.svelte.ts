/**
 * The reader's two switches, remembered across reloads: the list layout (the story as a plain
 * article with a still map after each part) and animation. Stored in localStorage and mirrored on
 * <html data-layout / data-animation>, which static/story-init.js applies before the first paint.
 */
const KEYS = {
	layout: 'invisible-caliphate:layout',
	animation: 'invisible-caliphate:animation'
} as const;

function save(key: string, value: string | null) {
	try {
		if (value === null) localStorage.removeItem(key);
		else localStorage.setItem(key, value);
	} catch {
		// Storage blocked (private mode, sandboxed iframe): the choice lasts for this visit only.
	}
}

export class Preferences {
	list = $state(false);
	animation = $state(true);

	/** Reads what story-init.js applied (call in the browser, after mount). */
	load(): void {
		const html = document.documentElement;
		this.list = html.dataset.layout === 'list';
		this.animation = html.dataset.animation !== 'off';
	}

	setList(on: boolean): void {
		this.list = on;
		const html = document.documentElement;
		if (on) html.dataset.layout = 'list';
		else delete html.dataset.layout;
		save(KEYS.layout, on ? 'list' : null);
	}

	setAnimation(on: boolean): void {
		this.animation = on;
		const html = document.documentElement;
		if (on) delete html.dataset.animation;
		else html.dataset.animation = 'off';
		save(KEYS.animation, on ? null : 'off');
	}
}
