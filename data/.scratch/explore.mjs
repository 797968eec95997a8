import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import { geoContains } from 'd3-geo';
import { clipGeometry, windForD3, ringArea2 } from '../scripts/clip.js';
const require = createRequire(import.meta.url);
const w = require('world-atlas/countries-10m.json');
const fc = feature(w, w.objects.countries);
const box=[30,26,52,41];
const kept={};
for (const f of fc.features) {
  const g = clipGeometry(f.geometry, box);
  if (!g) continue;
  const polys = g.type==='Polygon'?[g.coordinates]:g.coordinates;
  const n = polys.flat().reduce((s,r)=>s+r.length,0);
  const area = polys.reduce((s,p)=>s+Math.abs(ringArea2(p[0]))/2,0);
  console.log(f.properties.name, g.type, polys.length, 'pts', n, 'area', area.toFixed(4));
  kept[f.properties.name]={type:'Feature',properties:{},geometry:g};
}
const pts = process.argv.slice(2);
const syr = kept['Syria'].geometry.coordinates[0];
const sel = syr.filter(p=>p[0]>37.3 && p[1]<34.6);
console.log('syria south/east border sample');
for (let i=0;i<sel.length;i+=Math.ceil(sel.length/30)) console.log(sel[i].map(v=>v.toFixed(3)).join(','));
