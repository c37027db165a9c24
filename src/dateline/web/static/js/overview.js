// The overview's charts: a timeline by quad class, a world map and a country network, drawn with the
// vendored d3 and topojson-client from /api/stats with the page's own filters. Every bar, point and edge
// is a link to the events behind it. Text from the data is only ever set with textContent (d3 .text()).
/* global d3, topojson */

const QUADS = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict", 0: "no quad class" };
const root = document.getElementById("charts");
const filters = new URLSearchParams(root.dataset.query || "");

function eventsLink(extra) {
  const params = new URLSearchParams(filters);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return "/events?" + params.toString();
}

function empty(target, message) {
  d3.select(target).append("p").attr("class", "empty").text(message);
}

function svgFor(target, width, height, label) {
  return d3.select(target).append("svg").attr("viewBox", `0 0 ${width} ${height}`).attr("role", "group").attr("aria-label", label);
}

function timeline(target, byDay) {
  const legend = d3.select("#legend");
  for (const q of [1, 2, 3, 4]) {
    const item = legend.append("span");
    item.append("span").attr("class", `swatch q${q}`);
    item.append("span").text(QUADS[q]);
  }
  if (!byDay.length) return empty(target, "No dated events match.");
  const parse = d3.utcParse("%Y-%m-%d");
  const dated = byDay.map((row) => ({ ...row, date: parse(row.day) })).filter((row) => row.date).sort((a, b) => a.date - b.date);
  // The span that holds 98% of the events, so a few old (historical) events do not flatten the rest;
  // bars are days, weeks or months by the length of that span.
  const total = d3.sum(dated, (row) => row.n);
  let seen = 0, start = dated[0].date;
  for (const row of dated) { seen += row.n; if (seen > total * 0.02) { start = row.date; break; } }
  const end = dated[dated.length - 1].date;
  const spanDays = (end - start) / 864e5;
  const unit = spanDays > 730 ? d3.utcMonth : spanDays > 120 ? d3.utcWeek : d3.utcDay;
  const iso = d3.utcFormat("%Y-%m-%d");
  const bins = new Map();
  for (const row of dated) {
    if (row.date < start) continue;
    const from = unit.floor(row.date), key = iso(from);
    if (!bins.has(key)) bins.set(key, { day: from, since: key, until: iso(d3.utcDay.offset(unit.offset(from, 1), -1)), 0: 0, 1: 0, 2: 0, 3: 0, 4: 0 });
    bins.get(key)[row.quad_class || 0] += row.n;
  }
  const data = [...bins.values()].sort((a, b) => a.day - b.day);
  // Drawn at the panel's own width, so the axis text keeps its size on a phone.
  const width = Math.max(300, target.clientWidth), height = width < 600 ? 180 : 230;
  const margin = { top: 8, right: 12, bottom: 26, left: 40 };
  const first = data[0].day, last = unit.offset(data[data.length - 1].day, 1);
  const x = d3.scaleUtc().domain([first, last]).range([margin.left, width - margin.right]);
  const series = d3.stack().keys([1, 2, 3, 4, 0])(data);
  const y = d3.scaleLinear().domain([0, d3.max(series, (s) => d3.max(s, (d) => d[1])) || 1]).nice().range([height - margin.bottom, margin.top]);
  const barWidth = Math.max(1, x(unit.offset(first, 1)) - x(first) - 1);
  d3.select("#h-timeline").text(`Events by ${unit === d3.utcMonth ? "month" : unit === d3.utcWeek ? "week" : "day"} and quad class`);
  const svg = svgFor(target, width, height, "Events per day by quad class; each bar links to that day's events");
  svg.append("g").attr("class", "axis").attr("transform", `translate(0,${height - margin.bottom})`).call(d3.axisBottom(x).ticks(width / 110));
  svg.append("g").attr("class", "axis").attr("transform", `translate(${margin.left},0)`).call(d3.axisLeft(y).ticks(5, "~s"));
  for (const s of series) {
    const quad = s.key;
    svg.append("g").selectAll("a").data(s.filter((d) => d[1] > d[0])).join("a")
      .attr("href", (d) => eventsLink({ since: d.data.since, until: d.data.until }))
      .call((a) => a.append("title").text((d) => `${d.data.since} to ${d.data.until}: ${d[1] - d[0]} ${QUADS[quad]}`))
      .append("rect").attr("class", `bar q${quad}`)
      .attr("x", (d) => x(d.data.day)).attr("width", barWidth)
      .attr("y", (d) => y(d[1])).attr("height", (d) => Math.max(0.5, y(d[0]) - y(d[1])));
  }
}

async function worldMap(target, places) {
  const width = Math.max(300, target.clientWidth), height = Math.round(width * 0.52);
  const world = await d3.json("/static/vendor/world-atlas/countries-110m.json");
  const land = topojson.feature(world, world.objects.countries);
  const projection = d3.geoNaturalEarth1().fitExtent([[4, 4], [width - 4, height - 4]], { type: "Sphere" });
  const path = d3.geoPath(projection);
  const svg = svgFor(target, width, height, "World map of event places; each point links to the events there");
  svg.append("path").attr("class", "sphere").attr("d", path({ type: "Sphere" }));
  svg.append("g").selectAll("path").data(land.features).join("path").attr("class", "land").attr("d", path);
  if (!places.length) return empty(target, "No located events match.");
  const r = d3.scaleSqrt().domain([0, d3.max(places, (p) => p.n)]).range([0, 14]);
  const pad = 0.05;
  svg.append("g").selectAll("a").data(places.filter((p) => p.lat !== null && p.lon !== null)).join("a")
    .attr("href", (p) => eventsLink({ bbox: [p.lon - pad, p.lat - pad, p.lon + pad, p.lat + pad].map((v) => v.toFixed(4)).join(",") }))
    .call((a) => a.append("title").text((p) => `${p.name}: ${p.n} events`))
    .append("circle").attr("class", "dot")
    .attr("cx", (p) => projection([p.lon, p.lat])[0]).attr("cy", (p) => projection([p.lon, p.lat])[1])
    .attr("r", (p) => Math.max(2.5, r(p.n)));
}

function network(target, pairs) {
  const links = pairs.filter((p) => p.actor_country !== p.recipient_country).slice(0, 30)
    .map((p) => ({ source: p.actor_country, target: p.recipient_country, n: p.n }));
  if (!links.length) return empty(target, "No events between two known countries match.");
  const width = Math.max(300, target.clientWidth), height = Math.round(Math.max(260, width * 0.55));
  const nodes = [...new Set(links.flatMap((l) => [l.source, l.target]))].map((id) => ({ id }));
  const weight = new Map(nodes.map((n) => [n.id, 0]));
  for (const l of links) { weight.set(l.source, weight.get(l.source) + l.n); weight.set(l.target, weight.get(l.target) + l.n); }
  const w = d3.scaleSqrt().domain([0, d3.max(links, (l) => l.n)]).range([0.8, 7]);
  const size = d3.scaleSqrt().domain([0, d3.max(weight.values())]).range([4, 16]);
  const sim = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(links).id((d) => d.id).distance(70))
    .force("charge", d3.forceManyBody().strength(-220))
    .force("x", d3.forceX(width / 2).strength(0.08))
    .force("y", d3.forceY(height / 2).strength(0.12))
    .force("collide", d3.forceCollide((d) => size(weight.get(d.id)) + 6))
    .stop();
  for (let i = 0; i < 300; i++) sim.tick();
  const [x0, x1] = d3.extent(nodes, (d) => d.x), [y0, y1] = d3.extent(nodes, (d) => d.y);
  const k = Math.min((width - 60) / Math.max(1, x1 - x0), (height - 40) / Math.max(1, y1 - y0), 1.5);
  for (const n of nodes) { n.x = 30 + (n.x - x0) * k + (width - 60 - (x1 - x0) * k) / 2; n.y = 20 + (n.y - y0) * k + (height - 40 - (y1 - y0) * k) / 2; }
  const svg = svgFor(target, width, height, "Network of country pairs; each edge links to the events from one country to the other");
  svg.append("defs").append("marker").attr("id", "arrow").attr("viewBox", "0 -4 8 8").attr("refX", 8).attr("markerUnits", "userSpaceOnUse")
    .attr("markerWidth", 9).attr("markerHeight", 9).attr("orient", "auto").append("path").attr("d", "M0,-4L8,0L0,4").attr("fill", "#57606a");
  svg.append("g").selectAll("a").data(links).join("a")
    .attr("href", (l) => eventsLink({ actor_country: l.source.id, recipient_country: l.target.id }))
    .call((a) => a.append("title").text((l) => `${l.source.id} → ${l.target.id}: ${l.n} events`))
    .append("path").attr("class", "edge").attr("stroke-width", (l) => w(l.n)).attr("marker-end", "url(#arrow)")
    .attr("d", (l) => {
      const dx = l.target.x - l.source.x, dy = l.target.y - l.source.y, dist = Math.hypot(dx, dy) || 1;
      const back = size(weight.get(l.target.id)) + 2;
      const tx = l.target.x - (dx / dist) * back, ty = l.target.y - (dy / dist) * back;
      return `M${l.source.x},${l.source.y}Q${(l.source.x + tx) / 2 - dy * 0.12},${(l.source.y + ty) / 2 + dx * 0.12} ${tx},${ty}`;
    });
  const node = svg.append("g").selectAll("a").data(nodes).join("a").attr("class", "node")
    .attr("href", (d) => eventsLink({ country: d.id }));
  node.append("title").text((d) => `${d.id}: ${weight.get(d.id)} events with another country`);
  node.append("circle").attr("cx", (d) => d.x).attr("cy", (d) => d.y).attr("r", (d) => size(weight.get(d.id)));
  node.append("text").attr("x", (d) => d.x + size(weight.get(d.id)) + 3).attr("y", (d) => d.y + 4).text((d) => d.id);
}

async function main() {
  const response = await fetch("/api/stats?" + filters.toString() + (filters.toString() ? "&" : "") + "top=200");
  const stats = await response.json();
  if (!response.ok) {
    for (const id of ["timeline", "map", "network"]) empty(document.getElementById(id), stats.error ? stats.error.message : "Could not load the counts.");
    return;
  }
  timeline(document.getElementById("timeline"), stats.by_day);
  network(document.getElementById("network"), stats.by_country_pair);
  await worldMap(document.getElementById("map"), stats.by_place);
  root.dataset.ready = "true";
}

main();
