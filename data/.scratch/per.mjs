import { buildTopology } from '../scripts/geo.js';
import { loadInputs } from '../scripts/inputs.js';
const inputs = loadInputs();
const t = buildTopology(inputs, { minWeight: +process.argv[2] });
const used = new Map();
for (const g of t.objects.countries.geometries) {
  const arcs = new Set(); const walk = a => Array.isArray(a) ? a.forEach(walk) : arcs.add(a<0?~a:a); walk(g.arcs);
  const rings = g.type==='Polygon'?g.arcs.length:g.arcs.reduce((s,p)=>s+p.length,0);
  console.log(g.id, 'rings', rings, 'pts', [...arcs].reduce((s,i)=>s+t.arcs[i].length,0));
}
for (const k of ['areas','lines']) for (const g of t.objects[k].geometries) { const arcs=new Set(); const walk = a => Array.isArray(a) ? a.forEach(walk) : arcs.add(a<0?~a:a); walk(g.arcs); console.log(k, g.id, [...arcs].reduce((s,i)=>s+t.arcs[i].length,0)); }
