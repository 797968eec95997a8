// Plain JavaScript with JSDoc types, so that `npm run data` (plain Node: the relief is drawn there)
// and the site's build project with the very same function.
import { geoConicConformal } from 'd3-geo';

/**
 * The one projection of the piece: Lambert conformal conic for the Levant and Mesopotamia, standard
 * parallels 32°N and 37°N, centred on 39°E 34°N. Scaled to the Earth's radius in km, so one world
 * unit is about a kilometre (within 1 % across Syria and Iraq); the scale bar uses the exact factor.
 * A factory, because d3 projections are mutable.
 * @returns {import('d3-geo').GeoProjection}
 */
export function makeProjection() {
	return geoConicConformal()
		.parallels([32, 37])
		.rotate([-39, 0])
		.center([0, 34])
		.scale(6371)
		.translate([0, 0]);
}
