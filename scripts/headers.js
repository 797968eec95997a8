// The third pass of `npm run build`: writes build/_headers (the format Netlify and Cloudflare Pages
// read) with the headers a static host should send. Each page's Content-Security-Policy is the one
// SvelteKit put in its <meta http-equiv> (with the hashes of its inline scripts), sent as a header
// with what a <meta> cannot carry: frame-ancestors. The embed may be framed by any site; the page and
// the preview only by this site.
//
// Usage: node scripts/headers.js   (after the other passes; npm run build runs all three)
// Honours BUILD_DIR and BASE_PATH as svelte.config.js does.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const buildDir = resolve(root, process.env.BUILD_DIR ?? 'build');
const base = process.env.BASE_PATH ?? '';

/** Headers for every file. */
export const COMMON = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin'
};

/** @param {string} message @returns {never} */
function fail(message) {
	console.error(`scripts/headers.js: ${message}`);
	process.exit(1);
}

/** Every index.html under the build, as [url path, file]. @param {string} dir */
function pages(dir) {
	return readdirSync(dir, { recursive: true })
		.map(String)
		.filter((f) => f === 'index.html' || f.endsWith(`${sep}index.html`))
		.map((f) => {
			const folder = dirname(f) === '.' ? '' : `${dirname(f).split(sep).join('/')}/`;
			return [`${base}/${folder}`, join(dir, f)];
		})
		.sort(([a], [b]) => a.localeCompare(b));
}

const rules = [`${base}/*`, ...Object.entries(COMMON).map(([k, v]) => `  ${k}: ${v}`)];
for (const [path, file] of pages(buildDir)) {
	const html = readFileSync(file, 'utf8');
	const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html);
	if (!meta)
		fail(`${relative(root, file)} has no Content-Security-Policy <meta> — is kit.csp set?`);
	const embed = path === `${base}/embed/`;
	const policy = `${meta[1].replace(/&#39;/g, "'")}; frame-ancestors ${embed ? '*' : "'self'"}`;
	for (const url of [path, `${path}index.html`])
		rules.push(url, `  Content-Security-Policy: ${policy}`);
}
writeFileSync(join(buildDir, '_headers'), rules.join('\n') + '\n');
console.log(
	`_headers: security headers for ${rules.filter((r) => !r.startsWith(' ')).length} paths`
);
