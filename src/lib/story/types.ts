/** The story's content as typed data: what the copy files hold once parsed and checked. */

export interface StoryMeta {
	/** The line above the headline, e.g. "Syria". */
	kicker: string;
	title: string;
	dek: string;
	byline: string;
	dateline: string;
	/** When the reporting is from, as the byline says it, e.g. "summer 2018". */
	reported: string;
	/** The year it names, e.g. 2018 (the byline's machine-readable date). */
	reportedYear: string;
	/** ISO date of publication, e.g. 2026-11-23, once the piece is published. */
	published?: string;
	/** The same date as the byline shows it, e.g. 23 November 2026. */
	publishedText?: string;
	/** One or two sentences for search results and share cards. */
	description: string;
	/** The page's public URL, used for the canonical link and share tags. */
	canonical: string;
	/** The map view drawn in the share image (og:image). */
	image: string;
}

/** The credits' headings, and the line before the shapes drawn by hand (Credits.svelte). */
export interface CreditsWords {
	map: string;
	'hand-drawn': string;
	dates: string;
}

/** Copy text with its allowed inline markup: text, links, emphasis and strong emphasis. */
export type Inline =
	| string
	| { tag: 'em' | 'strong'; children: Inline[] }
	| { tag: 'a'; href: string; children: Inline[] };

export interface Step {
	/** Stable, linkable id (`#id`); lowercase letters, digits and hyphens. */
	id: string;
	/** The id of the map view this step shows. */
	view: string;
	/** Paragraphs of body text, in order, with their inline markup (see inline.js). */
	paragraphs: Inline[][];
	/** A pull quote, set apart from the body text. */
	quote?: Inline[];
	/** 1-based line in the copy file where the step starts (for error messages). */
	line: number;
	/** The line of each of its keys (`view:`, `text:`, …), for error messages about that key. */
	keyLines?: Record<string, number>;
}

export interface Story {
	meta: StoryMeta;
	/** The credits' words at the foot of the page (written on the server only). */
	credits: CreditsWords;
	/** The line of each key at the top of the copy file (for error messages). */
	metaLines?: Record<string, number>;
	steps: Step[];
}

/** A step as the page is given it: which view it shows (its text is in the page's markup; in
 *  `npm run dev`, where the browser renders the text itself, the whole step). */
export type PageStep = Pick<Step, 'id' | 'view'> | Step;

/** The story as the page is given it. */
export interface PageStory {
	meta: StoryMeta;
	steps: PageStep[];
	/** In `npm run dev` only, where the browser renders the credits itself. */
	credits?: CreditsWords;
}

/** A map view as the copy specifies it: the map's own type (the map knows nothing of the story). */
export type { ViewSpec } from '$lib/map/types';

/** What kind of thing an id in the map data names. */
export type FeatureKind = 'area' | 'line' | 'point';

/** A dated fact the map or the byline shows, with its sources (data/facts/dates.json). */
export interface Fact {
	id: string;
	/** The map feature it is about, if any. */
	feature?: string;
	/** What the map prints beside the feature's label, e.g. "retaken 2017". */
	note: string;
	/** A year, year-month or year-month-day. */
	date: string;
	claim: string;
	sources: { publisher: string; url: string; excerpt: string }[];
}
