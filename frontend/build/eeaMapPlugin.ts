import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoAzimuthalEqualArea, geoPath } from 'd3-geo';
import { feature, merge } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Plugin } from 'vite';
import { EEA_NUMERIC_CODES } from './eeaCountries.ts';

const MODULE_ID = 'virtual:eea-map';
const RESOLVED_ID = `\0${MODULE_ID}`;

const WIDTH = 800;
/** Countries whose shape covers fewer square pixels than this also get a marker, so that they can be seen and clicked. */
const SMALL_AREA = 600;
/** Points the map must show: Iceland, the North Cape, Cyprus, Malta, Portugal and Ireland. */
const FRAME: GeoJSON.MultiPoint = {
  type: 'MultiPoint',
  coordinates: [[-24.6, 66.5], [31.1, 71.2], [34.7, 35.0], [14.5, 35.8], [-9.6, 37.0], [-10.6, 52.0]],
};

export interface MapCountry {
  code: string;
  path: string;
  centroid: [number, number];
  small: boolean;
}

export interface EeaMap {
  width: number;
  height: number;
  countries: MapCountry[];
  surroundings: string;
}

/** Projects the EEA countries of world-atlas 50m (where the smallest states exist) into SVG paths once, at build time. */
export function buildEeaMap(): EeaMap {
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
  const collection = topology.objects.countries as GeometryCollection<{ name: string }>;
  const projection = geoAzimuthalEqualArea().rotate([-10, -52]).fitWidth(WIDTH - 20, FRAME);
  const [[, y0], [, y1]] = geoPath(projection).bounds(FRAME);
  const height = Math.ceil(y1 - y0 + 20);
  projection.translate([projection.translate()[0] + 10, projection.translate()[1] - y0 + 10]);
  projection.clipExtent([[0, 0], [WIDTH, height]]);
  const path = geoPath(projection).digits(0);

  const eeaIds = new Set(Object.values(EEA_NUMERIC_CODES));
  const countries = Object.entries(EEA_NUMERIC_CODES).map(([code, id]) => {
    const geometry = collection.geometries.find((g) => g.id === id);
    if (!geometry) throw new Error(`world-atlas has no country ${id} (${code})`);
    const shape = feature(topology, geometry);
    const [x, y] = path.centroid(shape);
    return { code, path: path(shape) ?? '', centroid: [Math.round(x), Math.round(y)] as [number, number], small: path.area(shape) < SMALL_AREA };
  });
  const others = collection.geometries.filter((g) => !eeaIds.has(String(g.id)));
  const surroundings = path(merge(topology, others as never)) ?? '';
  return { width: WIDTH, height, countries, surroundings };
}

export function eeaMapPlugin(): Plugin {
  return {
    name: 'imi-eea-map',
    resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : undefined),
    load: (id) => (id === RESOLVED_ID ? `export default ${JSON.stringify(buildEeaMap())};` : undefined),
  };
}
