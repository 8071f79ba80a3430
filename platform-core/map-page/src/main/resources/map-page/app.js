// The public map of issued permits. Reads the platform's OGC API - Features service (/ogc) for the permits
// in view and the municipalities' zone layers (/api) for the offline base; keeps nothing on the server.
// OpenLayers comes from ol/ol.js as the global `ol` (a deferred classic script that runs before this module).

const LANGUAGES = ['en', 'et', 'lv', 'sv'];
/** Above this zoom the permits are drawn as they are; below it, close ones are grouped. */
const CLUSTER_UNTIL_ZOOM = 15;
/** Features asked for per request, and the most the page holds for one view: beyond, it asks to zoom in. */
const PAGE_SIZE = 500;
const MOST_SHOWN = 2000;
/** Tile failures with no tile loaded before the page gives up on the tile server and shows the zones. */
const TILE_FAILURES_TO_FALL_BACK = 4;
const STATUS_COLOURS = { issued: '#1b6e20', expired: '#595959', revoked: '#b00020' };
const ZONE_COLOURS = ['#3b5ba5', '#8a4f7d', '#2f7f7f', '#a3621b', '#5a6e1f', '#6b4fa0'];

const state = {
  lang: 'en',
  messages: {},
  config: {},
  services: [],
  loadToken: 0,
  controller: null,
  debounce: null,
  selectedId: null,
  returnFocusTo: null,
  zonesLoaded: false,
};

const $ = (id) => document.getElementById(id);

function t(key, values = {}) {
  const text = (state.messages[state.lang] || {})[key] ?? state.messages.en?.[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (all, name) => (name in values ? String(values[name]) : all));
}

async function getJson(url, signal) {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, signal });
  if (!response.ok) {
    const error = new Error(`${url}: ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

function chooseLanguage() {
  const asked = new URLSearchParams(location.search).get('lang');
  if (LANGUAGES.includes(asked)) {
    return asked;
  }
  for (const preferred of navigator.languages || []) {
    const primary = preferred.toLowerCase().split('-')[0];
    if (LANGUAGES.includes(primary)) {
      return primary;
    }
  }
  return 'en';
}

// ---- dates ----

function formatDay(day) {
  if (!day) {
    return '';
  }
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(state.lang, { dateStyle: 'medium', timeZone: 'UTC' })
    .format(new Date(Date.UTC(y, m - 1, d)));
}

function formatInstant(instant) {
  return instant ? new Intl.DateTimeFormat(state.lang, { dateStyle: 'medium' }).format(new Date(instant)) : '';
}

function period(from, until) {
  return `${formatDay(from)} – ${formatDay(until)}`;
}

/** The OGC datetime for the date filter: one day, a closed or a half-open interval, or none. */
export function datetimeOf(from, until) {
  if (!from && !until) {
    return null;
  }
  if (from && until) {
    if (from > until) {
      throw new RangeError('reversed');
    }
    return from === until ? from : `${from}/${until}`;
  }
  return from ? `${from}/..` : `../${until}`;
}

// ---- geometry ----

/** One point for a permit's geometry, where its group or marker sits. */
function pointOf(geometry) {
  if (!geometry) {
    return null;
  }
  switch (geometry.getType()) {
    case 'Point':
      return geometry;
    case 'MultiPoint':
      return geometry.getPoint(0);
    case 'Polygon':
      return geometry.getInteriorPoint();
    case 'MultiPolygon':
      return geometry.getInteriorPoints().getPoint(0);
    case 'LineString':
      return new ol.geom.Point(geometry.getCoordinateAt(0.5));
    case 'MultiLineString':
      return new ol.geom.Point(geometry.getLineString(0).getCoordinateAt(0.5));
    default:
      return new ol.geom.Point(ol.extent.getCenter(geometry.getExtent()));
  }
}

/** The view as an OGC bbox in CRS84; west > east when it crosses the antimeridian. */
function viewBbox(map) {
  const extent = ol.proj.transformExtent(map.getView().calculateExtent(map.getSize()), 'EPSG:3857', 'EPSG:4326');
  let [west, south, east, north] = extent;
  if (east - west >= 360) {
    west = -180;
    east = 180;
  } else {
    const wrap = (lon) => ((((lon + 180) % 360) + 360) % 360) - 180;
    west = wrap(west);
    east = wrap(east);
  }
  south = Math.max(-90, south);
  north = Math.min(90, north);
  return [west, south, east, north].map((n) => Number(n.toFixed(6)));
}

// ---- styles ----

function markerStyle(status, selected) {
  return new ol.style.Style({
    image: new ol.style.Circle({
      radius: selected ? 10 : 8,
      fill: new ol.style.Fill({ color: STATUS_COLOURS[status] || STATUS_COLOURS.issued }),
      stroke: new ol.style.Stroke({ color: selected ? '#ffbf00' : '#ffffff', width: selected ? 4 : 2 }),
    }),
  });
}

const clusterStyles = new Map();
function clusterStyle(cluster) {
  const members = cluster.get('features');
  if (members.length === 1) {
    const only = members[0];
    return markerStyle(only.get('status'), only.getId() === state.selectedId);
  }
  const size = members.length;
  if (!clusterStyles.has(size)) {
    clusterStyles.set(size, new ol.style.Style({
      image: new ol.style.Circle({
        radius: Math.min(26, 12 + Math.log2(size) * 3),
        fill: new ol.style.Fill({ color: '#14407a' }),
        stroke: new ol.style.Stroke({ color: '#ffffff', width: 3 }),
      }),
      text: new ol.style.Text({
        text: String(size),
        font: 'bold 13px system-ui, sans-serif',
        fill: new ol.style.Fill({ color: '#ffffff' }),
      }),
    }));
  }
  return clusterStyles.get(size);
}

function shapeStyle(feature) {
  const status = feature.get('status');
  const colour = STATUS_COLOURS[status] || STATUS_COLOURS.issued;
  const selected = feature.getId() === state.selectedId;
  if (feature.getGeometry() && feature.getGeometry().getType().endsWith('Point')) {
    return markerStyle(status, selected);
  }
  return new ol.style.Style({
    stroke: new ol.style.Stroke({ color: selected ? '#ffbf00' : colour, width: selected ? 5 : 3 }),
    fill: new ol.style.Fill({ color: 'rgba(27, 110, 32, 0.25)' }),
  });
}

function zoneStyle(feature) {
  const layer = feature.get('zoneLayer') || '';
  let hash = 0;
  for (const c of layer) {
    hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  }
  const colour = ZONE_COLOURS[hash % ZONE_COLOURS.length];
  return new ol.style.Style({
    stroke: new ol.style.Stroke({ color: colour, width: 1.5 }),
    fill: new ol.style.Fill({ color: `${colour}26` }),
  });
}

// ---- the page ----

function translatePage() {
  document.documentElement.lang = state.lang;
  document.title = t('title');
  document.querySelectorAll('[data-i18n]').forEach((element) => {
    element.textContent = t(element.dataset.i18n);
  });
  document.querySelectorAll('[data-i18n-label]').forEach((element) => {
    element.setAttribute('aria-label', t(element.dataset.i18nLabel));
  });
  $('lang').value = state.lang;
  document.querySelectorAll('.ol-zoom-in').forEach((b) => { b.title = t('zoomIn'); b.setAttribute('aria-label', t('zoomIn')); });
  document.querySelectorAll('.ol-zoom-out').forEach((b) => { b.title = t('zoomOut'); b.setAttribute('aria-label', t('zoomOut')); });
  fillServices();
  fillOrganizations();
  nameCanvases();
}

function fillServices() {
  const select = $('filter-service');
  const chosen = select.value;
  select.replaceChildren(option('', t('allServices')));
  const titled = state.services.map((s) => ({ id: s.id, title: (s.titles && s.titles[state.lang]) || s.title || s.id }));
  titled.sort((a, b) => a.title.localeCompare(b.title, state.lang));
  titled.forEach((s) => select.append(option(s.id, s.title)));
  select.value = chosen;
}

function fillOrganizations() {
  const select = $('filter-organization');
  const chosen = select.value;
  select.replaceChildren(option('', t('allMunicipalities')));
  const named = (state.config.organizations || []).map((o) => ({
    id: o.id, name: (o.name && (o.name[state.lang] || o.name.en)) || o.id,
  }));
  named.sort((a, b) => a.name.localeCompare(b.name, state.lang));
  named.forEach((o) => select.append(option(o.id, o.name)));
  select.value = chosen;
}

function option(value, text) {
  const element = document.createElement('option');
  element.value = value;
  element.textContent = text;
  return element;
}

/** Each canvas OpenLayers draws on is an image with a name, so that the map is not a nameless graphic. */
function nameCanvases() {
  document.querySelectorAll('#map canvas').forEach((canvas) => {
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', t('mapCanvas'));
  });
}

function filters() {
  const statuses = [...document.querySelectorAll('input[name=status]:checked')].map((box) => box.value);
  return {
    service: $('filter-service').value,
    organization: $('filter-organization').value,
    from: $('filter-from').value,
    until: $('filter-until').value,
    statuses,
  };
}

function say(text) {
  $('map-status').textContent = text;
}

// ---- loading permits ----

function itemsUrl(map, chosen, datetime) {
  const query = new URLSearchParams({
    f: 'json',
    bbox: viewBbox(map).join(','),
    limit: String(PAGE_SIZE),
    lang: state.lang,
    status: chosen.statuses.join(','),
  });
  if (chosen.organization) {
    query.set('organization', chosen.organization);
  }
  if (datetime) {
    query.set('datetime', datetime);
  }
  return `/ogc/collections/${encodeURIComponent(chosen.service || 'permits')}/items?${query}`;
}

function scheduleLoad(context, delay = 250) {
  clearTimeout(state.debounce);
  state.debounce = setTimeout(() => load(context), delay);
}

async function load(context) {
  const { map, permits } = context;
  const chosen = filters();
  $('filter-problem').textContent = '';
  let datetime;
  try {
    datetime = datetimeOf(chosen.from, chosen.until);
  } catch (reversed) {
    $('filter-problem').textContent = t('datesReversed');
    return;
  }
  if (chosen.statuses.length === 0) {
    $('filter-problem').textContent = t('noStatus');
    permits.clear();
    renderList(context, 0);
    return;
  }
  if (state.controller) {
    state.controller.abort();
  }
  const controller = new AbortController();
  state.controller = controller;
  const token = ++state.loadToken;
  const mapElement = $('map');
  mapElement.dataset.state = 'loading';
  say(t('loading'));
  const format = new ol.format.GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });
  try {
    let url = itemsUrl(map, chosen, datetime);
    let features = [];
    let matched = null;
    while (url && features.length < MOST_SHOWN) {
      const page = await getJson(url, controller.signal);
      if (matched === null && Number.isInteger(page.numberMatched)) {
        matched = page.numberMatched;
      }
      features = features.concat(format.readFeatures(page));
      const next = (page.links || []).find((link) => link.rel === 'next');
      url = next ? next.href : null;
    }
    if (token !== state.loadToken) {
      return;
    }
    permits.clear(true);
    permits.addFeatures(features.filter((f) => f.getGeometry()));
    const total = url ? (matched ?? null) : features.length;
    renderList(context, total);
    mapElement.dataset.state = 'ready';
    mapElement.dataset.loads = String(Number(mapElement.dataset.loads || 0) + 1);
    reselect(context);
  } catch (error) {
    if (error.name === 'AbortError') {
      return;
    }
    mapElement.dataset.state = 'error';
    say(t('loadFailed'));
    console.warn('Loading permits failed', error);
  }
}

function describe(feature) {
  const p = feature.getProperties();
  return `${p.serviceTitle || p.service} ${p.permitNumber || feature.getId()}, ${p.organizationName || p.organization}`
    + ` (${t('status_' + p.status)}, ${t('validity').toLowerCase()} ${period(p.issuedOn, p.validUntil)})`;
}

function renderList(context, total) {
  const features = context.permits.getFeatures().slice().sort((a, b) => {
    const byService = String(a.get('serviceTitle')).localeCompare(String(b.get('serviceTitle')), state.lang);
    return byService || String(a.getId()).localeCompare(String(b.getId()));
  });
  const items = features.map((feature) => {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'permit';
    button.dataset.id = feature.getId();
    button.dataset.status = feature.get('status');
    button.textContent = describe(feature);
    button.addEventListener('click', () => select(context, feature, button));
    item.append(button);
    return item;
  });
  const focused = document.activeElement && document.activeElement.closest('#permit-list')
    ? document.activeElement.dataset.id : null;
  $('permit-list').replaceChildren(...items);
  if (focused) {
    // a keyboard user keeps their place when the list is drawn again
    const again = document.querySelector(`#permit-list button[data-id="${CSS.escape(focused)}"]`);
    (again || $('permit-list-title')).focus();
  }
  if (features.length === 0) {
    say(t('none'));
  } else if (total !== null && total > features.length) {
    say(t('more', { shown: features.length, total }));
  } else if (total === null) {
    say(t('more', { shown: features.length, total: `${features.length}+` }));
  } else {
    say(t('count', { n: features.length }));
  }
}

// ---- details ----

function select(context, feature, returnFocusTo) {
  state.selectedId = feature.getId();
  state.returnFocusTo = returnFocusTo || null;
  context.permits.changed();
  context.clusters.changed();
  showDetails(context, feature);
  $('popup-title').focus({ preventScroll: true });
}

function reselect(context) {
  if (state.selectedId === null) {
    return;
  }
  const feature = context.permits.getFeatureById(state.selectedId);
  if (feature) {
    showDetails(context, feature);
  } else {
    closeDetails(context, false);
  }
}

function showDetails(context, feature) {
  const p = feature.getProperties();
  $('popup-title').textContent = `${p.serviceTitle || p.service} ${p.permitNumber || feature.getId()}`;
  const facts = document.createElement('dl');
  const fact = (label, value) => {
    const term = document.createElement('dt');
    term.textContent = label;
    const definition = document.createElement('dd');
    definition.textContent = value;
    facts.append(term, definition);
  };
  fact(t('permitNumber'), p.permitNumber || feature.getId());
  fact(t('where'), p.organizationName || p.organization);
  fact(t('statusLabel'), t('status_' + p.status));
  fact(t('occupied'), p.occupiedFrom ? period(p.occupiedFrom, p.occupiedUntil) : t('notOccupied'));
  fact(t('validity'), period(p.issuedOn, p.validUntil));

  const why = document.createElement('h4');
  why.textContent = t('why');
  const decided = document.createElement('p');
  decided.className = 'decided';
  decided.textContent = t(p.decidedBy === 'officer' ? 'byOfficer' : 'byRules', { date: formatInstant(p.decidedAt) });
  const basis = document.createElement('ul');
  basis.className = 'basis';
  for (const criterion of p.basis || []) {
    const item = document.createElement('li');
    item.dataset.passed = String(Boolean(criterion.passed));
    const verdict = document.createElement('span');
    verdict.className = criterion.passed ? 'met' : 'not-met';
    verdict.textContent = `${criterion.passed ? '✓' : '✗'} ${t(criterion.passed ? 'met' : 'notMet')}`;
    const title = document.createElement('span');
    title.className = 'criterion';
    title.textContent = criterion.title || criterion.criterion;
    item.append(verdict, ' ', title);
    if (criterion.legalBasis) {
      const law = document.createElement('span');
      law.className = 'law';
      law.textContent = t('legalBasis', { text: criterion.legalBasis });
      item.append(law);
    }
    basis.append(item);
  }
  $('popup-body').replaceChildren(facts, why, decided, ...(basis.children.length ? [basis] : []));
  const popup = $('popup');
  popup.hidden = false;
  popup.dataset.id = feature.getId();
  context.overlay.setPosition(pointOf(feature.getGeometry()).getCoordinates());
}

function closeDetails(context, giveBackFocus = true) {
  state.selectedId = null;
  $('popup').hidden = true;
  delete $('popup').dataset.id;
  context.overlay.setPosition(undefined);
  context.permits.changed();
  context.clusters.changed();
  if (giveBackFocus) {
    // the list may have been drawn again meanwhile (the popup pans the map): find the entry by its permit
    let back = state.returnFocusTo;
    if (back && !document.body.contains(back) && back.dataset.id) {
      back = document.querySelector(`#permit-list button[data-id="${CSS.escape(back.dataset.id)}"]`);
    }
    (back && document.body.contains(back) ? back : $('map')).focus();
  }
  state.returnFocusTo = null;
}

// ---- base layers ----

async function loadZones(context) {
  if (state.zonesLoaded) {
    return;
  }
  state.zonesLoaded = true;
  const format = new ol.format.GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });
  // a few municipalities at most: the base is a backdrop, not a register of every zone in the country
  const organizations = (state.config.organizations || []).slice(0, 20);
  await Promise.all(organizations.map(async (organization) => {
    const base = `/api/v1/municipalities/${encodeURIComponent(organization.id)}/zones`;
    let names = [];
    try {
      names = await getJson(base);
    } catch (missing) {
      return;
    }
    await Promise.all(names.map(async (name) => {
      try {
        const layer = await getJson(`${base}/${encodeURIComponent(name)}`);
        const features = format.readFeatures(layer);
        features.forEach((feature) => feature.set('zoneLayer', name, true));
        context.zones.addFeatures(features);
      } catch (missing) {
        // a layer removed meanwhile: the rest still make a base
      }
    }));
  }));
}

function useZonesAsBase(context, because) {
  context.zoneLayer.setVisible(true);
  if (context.tileLayer) {
    context.tileLayer.setVisible(false);
  }
  if (because) {
    say(because);
  }
  return loadZones(context);
}

function watchTiles(context) {
  let loaded = 0;
  let failed = 0;
  const source = context.tileLayer.getSource();
  source.on('tileloadend', () => { loaded += 1; });
  source.on('tileloaderror', () => {
    failed += 1;
    if (loaded === 0 && failed === TILE_FAILURES_TO_FALL_BACK) {
      useZonesAsBase(context, t('tilesFailed'));
    }
  });
}

async function initialView(context) {
  const { map, config } = context;
  const view = map.getView();
  if (config.initialExtent) {
    view.fit(ol.proj.transformExtent(config.initialExtent, 'EPSG:4326', 'EPSG:3857'), { size: map.getSize() });
    return;
  }
  if (config.initialCentre) {
    view.setCenter(ol.proj.fromLonLat(config.initialCentre));
    view.setZoom(config.initialZoom ?? 13);
    return;
  }
  try {
    const collection = await getJson('/ogc/collections/permits?f=json');
    const bbox = collection.extent?.spatial?.bbox?.[0];
    if (bbox && bbox.length >= 4 && bbox[2] - bbox[0] < 359 && bbox[2] > bbox[0]) {
      const [west, south, east, north] = bbox.length === 6 ? [bbox[0], bbox[1], bbox[3], bbox[4]] : bbox;
      view.fit(ol.proj.transformExtent([west, south, east, north], 'EPSG:4326', 'EPSG:3857'),
        { size: map.getSize(), padding: [40, 40, 40, 40], maxZoom: 16 });
      return;
    }
  } catch (unavailable) {
    // no extent to start from: the zones', else the whole world
  }
  await loadZones(context);
  const zones = context.zones.getExtent();
  if (!ol.extent.isEmpty(zones)) {
    view.fit(zones, { size: map.getSize(), padding: [20, 20, 20, 20], maxZoom: 16 });
  }
}

// ---- start ----

async function start() {
  const [config, messages] = await Promise.all([getJson('config.json'), getJson('messages.json')]);
  state.config = config;
  state.messages = messages;
  state.lang = chooseLanguage();
  try {
    state.services = await getJson('/api/v1/services');
  } catch (unavailable) {
    state.services = [];
  }

  const permits = new ol.source.Vector();
  const clusters = new ol.source.Cluster({
    distance: 40,
    minDistance: 12,
    source: permits,
    geometryFunction: (feature) => pointOf(feature.getGeometry()),
  });
  const zones = new ol.source.Vector({ attributions: () => t('zones') });
  const zoneLayer = new ol.layer.Vector({ source: zones, style: zoneStyle, visible: false });
  const clusterLayer = new ol.layer.Vector({ source: clusters, style: clusterStyle, maxZoom: CLUSTER_UNTIL_ZOOM });
  const shapeLayer = new ol.layer.Vector({ source: permits, style: shapeStyle, minZoom: CLUSTER_UNTIL_ZOOM });
  let tileLayer = null;
  if (config.tileUrl) {
    tileLayer = new ol.layer.Tile({
      source: new ol.source.XYZ({
        url: config.tileUrl,
        maxZoom: config.maxZoom,
        attributions: config.tileAttribution || undefined,
      }),
    });
  }
  const overlay = new ol.Overlay({
    element: $('popup'),
    positioning: 'bottom-center',
    offset: [0, -14],
    autoPan: { animation: { duration: 200 }, margin: 20 },
  });
  const map = new ol.Map({
    target: 'map',
    layers: [tileLayer, zoneLayer, shapeLayer, clusterLayer].filter(Boolean),
    overlays: [overlay],
    view: new ol.View({ center: [0, 0], zoom: 2, maxZoom: config.maxZoom }),
    controls: ol.control.defaults.defaults({
      rotate: false,
      attributionOptions: { collapsible: false },
      zoomOptions: { zoomInTipLabel: t('zoomIn'), zoomOutTipLabel: t('zoomOut') },
    }),
  });
  const context = { map, config, permits, clusters, zones, zoneLayer, tileLayer, overlay };

  translatePage();
  if (tileLayer) {
    watchTiles(context);
  } else {
    useZonesAsBase(context);
  }
  await initialView(context);

  map.on('rendercomplete', nameCanvases);
  map.on('moveend', () => scheduleLoad(context));
  map.on('singleclick', (event) => {
    const hit = map.forEachFeatureAtPixel(event.pixel, (feature) => feature,
      { layerFilter: (layer) => layer === clusterLayer || layer === shapeLayer, hitTolerance: 4 });
    if (!hit) {
      return;
    }
    const members = hit.get('features');
    if (members && members.length > 1) {
      const extent = ol.extent.createEmpty();
      members.forEach((member) => ol.extent.extend(extent, member.getGeometry().getExtent()));
      map.getView().fit(extent, { padding: [60, 60, 60, 60], maxZoom: CLUSTER_UNTIL_ZOOM + 2, duration: 250 });
      say(t('group', { n: members.length }));
      return;
    }
    select(context, members ? members[0] : hit, $('map'));
  });
  map.on('pointermove', (event) => {
    const over = map.hasFeatureAtPixel(event.pixel,
      { layerFilter: (layer) => layer === clusterLayer || layer === shapeLayer });
    map.getTargetElement().style.cursor = over ? 'pointer' : '';
  });

  $('filters').addEventListener('change', () => scheduleLoad(context, 0));
  $('filters').addEventListener('submit', (event) => event.preventDefault());
  $('lang').addEventListener('change', () => {
    state.lang = $('lang').value;
    const url = new URL(location.href);
    url.searchParams.set('lang', state.lang);
    history.replaceState(null, '', url);
    translatePage();
    zones.changed();
    scheduleLoad(context, 0);
  });
  $('popup-close').addEventListener('click', () => closeDetails(context));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !$('popup').hidden) {
      closeDetails(context);
    }
  });

  // what the browser tests read; nothing else uses it
  window.raekodaMap = {
    map,
    permits,
    clusters,
    featureCount: () => permits.getFeatures().length,
    featureIds: () => permits.getFeatures().map((feature) => feature.getId()),
    zoneCount: () => (zoneLayer.getVisible() ? zones.getFeatures().length : 0),
    tilesShown: () => Boolean(tileLayer && tileLayer.getVisible()),
  };
  scheduleLoad(context, 0);
}

start().catch((error) => {
  document.getElementById('map-status').textContent = 'The map could not start.';
  console.error(error);
});
