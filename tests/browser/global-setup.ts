// Before any test: check that the server answers with the build that is in build/ now. `vite preview`
// indexes build/ when it starts, so a preview left running across a rebuild serves the new index.html but
// answers 404 for the new hashed scripts: the page never hydrates and every test fails for no visible reason.
import { readFileSync } from 'node:fs';
import type { FullConfig } from '@playwright/test';

export default async function globalSetup(config: FullConfig): Promise<void> {
	const baseURL = config.projects[0].use.baseURL!;
	const onDisk = readFileSync('build/index.html', 'utf8');
	const served = await (await fetch(`${baseURL}/`)).text();
	const assets = [...onDisk.matchAll(/(?:href|src)="\.\/(_app\/[^"]+)"/g)].map((m) => m[1]);
	const missing: string[] = [];
	for (const asset of assets) {
		const response = await fetch(`${baseURL}/${asset}`, { method: 'HEAD' });
		if (!response.ok) missing.push(`${asset} (${response.status})`);
	}
	if (served !== onDisk || missing.length > 0) {
		throw new Error(
			`The server at ${baseURL} is not serving the current build/ ` +
				`(${served !== onDisk ? 'index.html differs' : `missing: ${missing.join(', ')}`}). ` +
				`A vite preview started before the last build keeps serving the old files: stop it and run ` +
				`the tests again, or run them on another port with PREVIEW_PORT=4174.`
		);
	}
}
