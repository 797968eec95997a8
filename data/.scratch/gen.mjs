import { writeFileSync } from 'node:fs';
const fc = (features) => ({ type: 'FeatureCollection', features });
const f = (id, type, coordinates, properties) => ({ type: 'Feature', id, properties: { ...properties, approximate: true }, geometry: { type, coordinates } });

const areas = fc([
  f('damascus-city', 'Polygon', [[[36.238,33.505],[36.245,33.525],[36.265,33.537],[36.29,33.545],[36.315,33.553],[36.332,33.545],[36.327,33.525],[36.322,33.505],[36.312,33.49],[36.297,33.485],[36.275,33.488],[36.255,33.493],[36.238,33.505]]], {
    name: 'Damascus',
    source: "Drawn by hand around the GeoNames point for Damascus (170654); extent judged from the districts named in Wikipedia 'Damascus' (Mezzeh in the west, Qaboun and Jobar in the east, Midan in the south) — not traced from imagery",
    note: 'Approximate built-up area of central Damascus, about 9 km across; not a municipal boundary.'
  }),
  f('yarmouk', 'Polygon', [[[36.2968,33.469],[36.2972,33.4775],[36.3002,33.4826],[36.3062,33.4828],[36.3098,33.4785],[36.3094,33.47],[36.3062,33.4655],[36.3002,33.4652],[36.2968,33.469]]], {
    name: 'Yarmouk',
    source: "Drawn by hand at the camp's coordinates in Wikipedia 'Yarmouk Camp' (33°28′N 36°18′E, about 2 km²), just north of the GeoNames point for Al Hajar al Aswad (8419677)",
    note: "Palestinian camp south of central Damascus. Sized to the camp's stated area; the outline is not surveyed."
  }),
  f('eastern-ghouta', 'Polygon', [[[36.328,33.52],[36.333,33.538],[36.347,33.556],[36.358,33.574],[36.383,33.596],[36.41,33.607],[36.45,33.62],[36.5,33.615],[36.535,33.59],[36.55,33.555],[36.54,33.515],[36.5,33.482],[36.455,33.462],[36.41,33.462],[36.375,33.47],[36.36,33.483],[36.345,33.498],[36.328,33.52]]], {
    name: 'Eastern Ghouta',
    source: "Drawn by hand around the GeoNames points for Harasta (169897), Douma (170592), Irbin (169372) and Kafr Batna (168713), east of Jaramana (169174); extent after Wikipedia 'Eastern Ghouta'",
    note: 'The rebel-held enclave of 2013–2018 at roughly its largest, from Jobar and Harasta east to the farmland beyond Douma and south to Mleiha. Front lines moved throughout; by 2018 the enclave was smaller.'
  }),
  f('badia', 'Polygon', [[[37.6,32.85],[37.4,33.35],[37.5,33.85],[37.7,34.32],[38.05,34.76],[38.55,34.98],[39.05,35.12],[39.55,35.18],[40,35.05],[40.3,34.88],[40.6,34.62],[40.82,34.38],[41.15,34.25],[41.7,34.28],[42.15,34.1],[42.4,33.75],[42.5,33.25],[41.9,32.75],[41,32.45],[40.1,32.45],[39.35,32.75],[39.05,33.3],[38.75,33.48],[38.3,33.28],[38.05,33.08],[37.6,32.85]]], {
    name: 'Badia',
    source: "Drawn by hand for this piece around the GeoNames points for Palmyra (163808), Sukhnah (172425), Abu Kamal (174448), Al-Qaim (92138) and Rutba (98677), after the story's description of a desert in south-eastern Syria that extends into Iraq; not an administrative or front-line boundary",
    note: "Very approximate: the group's 'Wilayat Badia' has no published boundary. Drawn from Palmyra and Sukhnah south to the Jordanian border and east across the Iraqi border into western Anbar, kept off the Euphrates valley."
  })
]);

const road = [[36.3155,33.5095],[36.3212,33.5031],[36.3284,33.4952],[36.3351,33.4861],[36.3432,33.4766],[36.3545,33.4672],[36.3695,33.4585],[36.3872,33.4506],[36.4083,33.4433],[36.432,33.4362],[36.4565,33.429],[36.479,33.4222],[36.4965,33.4172],[36.5065,33.4141],[36.5128,33.4122],[36.5156,33.4108]];
const river = [
 [38.022,36.833],[38.03,36.78],[38.055,36.725],[38.105,36.675],[38.225,36.59],[38.258,36.55],[38.25,36.495],[38.222,36.44],[38.19,36.39],[38.172,36.32],[38.15,36.175],[38.13,36.1],[38.095,36.025],[38.1,35.975],
 [38.18,35.955],[38.27,35.935],[38.37,35.915],[38.46,35.9],[38.53,35.88],[38.567,35.868],[38.63,35.853],[38.77,35.855],[38.85,35.885],[38.93,35.915],[39.01,35.934],
 [39.1,35.925],[39.2,35.89],[39.32,35.853],[39.45,35.815],[39.67,35.745],[39.76,35.7],[39.82,35.645],[39.87,35.58],[39.92,35.515],[39.98,35.445],[40.05,35.39],[40.16,35.345],
 [40.31,35.225],[40.39,35.17],[40.435,35.13],[40.455,35.075],[40.47,35.015],[40.51,34.97],[40.565,34.93],[40.64,34.87],[40.79,34.74],[40.845,34.695],
 [40.88,34.635],[40.91,34.565],[40.93,34.505],[40.948,34.463],[40.975,34.43],[41.005,34.408],[41.08,34.395],[41.17,34.395],[41.38,34.452],[41.5,34.48],[41.75,34.503],[41.87,34.5],[41.925,34.49],[41.965,34.455],[41.99,34.39],
 [42.04,34.335],[42.21,34.21],[42.3,34.17],[42.365,34.145],[42.38,34.08],[42.47,33.9],[42.54,33.82],[42.73,33.675],[42.83,33.648],
 [42.93,33.585],[43.15,33.455],[43.3,33.432],[43.54,33.39],[43.66,33.362],[43.765,33.35]
];
const lines = fc([
  f('airport-road', 'LineString', road, {
    name: 'Airport highway',
    source: "Drawn by hand from Bab Sharqi in central Damascus to the passenger terminal at 33°24′39″N 36°30′56″E (Wikipedia 'Damascus International Airport'), passing south-west of the GeoNames point for Jaramana (169174); not traced from a road dataset",
    note: 'Course approximate, about 23 km. Vertices run city → terminal, the direction of the drive.'
  }),
  f('euphrates', 'LineString', river, {
    name: 'Euphrates',
    source: 'Traced through GeoNames coordinates of riverside towns; not a surveyed river course',
    note: 'Course approximate: hand-placed vertices just off the towns on its banks, from the Turkish border at Jarabulus through Lake Assad (drawn as a line along the old river bend at Maskanah), Tabqa, Raqqa, Deir ez-Zor, Mayadin, Abu Kamal, Al-Qaim, Rawah, Anah, Haditha, Hit and Ramadi to Fallujah.'
  })
]);
const points = fc([
  f('airport', 'Point', [36.5156,33.4108], {
    name: 'Damascus International Airport', kind: 'airport',
    source: "Wikipedia 'Damascus International Airport' (ICAO OSDI): 33°24′39″N 36°30′56″E",
    note: "The airport's published coordinates, used here for the passenger terminal."
  }),
  f('checkpoint', 'Point', [36.5128,33.4122], {
    name: 'Checkpoint', kind: 'checkpoint',
    source: "Reporter's account; position on the terminal approach is approximate",
    note: 'Placed on the airport road about 300 m north-west of the terminal; the account gives no exact position.'
  })
]);
console.log('river vertices', river.length, 'road', road.length);
writeFileSync('geo/areas.geojson', JSON.stringify(areas));
writeFileSync('geo/lines.geojson', JSON.stringify(lines));
writeFileSync('geo/points.geojson', JSON.stringify(points));
