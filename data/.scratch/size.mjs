import { buildTopology, stableStringify } from '../scripts/geo.js';
import { loadInputs } from '../scripts/inputs.js';
import { gzipSync } from 'node:zlib';
const inputs = loadInputs();
for (const w of [4e-5, 5e-5, 6e-5, 8e-5, 1e-4]) {
  const t = buildTopology(inputs, { minWeight: w });
  const s = stableStringify(t);
  const per = {};
  for (const [k, o] of Object.entries(t.objects)) per[k] = stableStringify(o).length;
  const cpts = t.arcs.reduce((a, r) => a + r.length, 0);
  console.log(w, s.length, gzipSync(s).length, 'arcs', t.arcs.length, 'points', cpts, JSON.stringify(per));
}
