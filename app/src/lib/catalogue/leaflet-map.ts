/**
 * The catalogue's map, drawn with Leaflet. Imported only in the browser, only when the map view
 * is shown (`await import(...)`): neither Leaflet nor its stylesheet weighs on other pages.
 * Popups are built as DOM nodes with textContent, never as HTML: titles are typed by users.
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';

export type MapListing = { title: string; href: string; detail: string };
export type MapMarker = { latitude: number; longitude: number; label: string; listings: MapListing[] };
export type MapOptions = {
  tilesUrl: string;
  attribution: string;
  markers: MapMarker[];
  /** Called once if tiles cannot be loaded (offline, blocked): the markers still stand on a blank map. */
  onTilesFailed: () => void;
};

/** Hauts-de-France, for a map with nothing on it yet. */
const regionCentre: L.LatLngTuple = [49.95, 2.85];

export function drawMap(container: HTMLElement, options: MapOptions): () => void {
  const map = L.map(container, { scrollWheelZoom: false }).setView(regionCentre, 7);
  const tiles = L.tileLayer(options.tilesUrl, { attribution: options.attribution, maxZoom: 18 });
  tiles.once('tileerror', options.onTilesFailed);
  tiles.addTo(map);

  const icon = L.divIcon({
    className: 'map-pin',
    html: '<span class="map-pin__dot"></span>',
    iconSize: [28, 28],
    iconAnchor: [14, 34],
    popupAnchor: [0, -30],
  });
  const points: L.LatLngTuple[] = [];
  for (const marker of options.markers) {
    const point: L.LatLngTuple = [marker.latitude, marker.longitude];
    points.push(point);
    L.marker(point, { icon, title: marker.label, alt: marker.label, keyboard: true, riseOnHover: true })
      .bindPopup(() => popupContent(marker.listings), { maxHeight: 240, autoPanPadding: [16, 16] })
      .addTo(map);
  }
  if (points.length === 1) map.setView(points[0]!, 12);
  else if (points.length > 1) map.fitBounds(L.latLngBounds(points), { padding: [32, 32], maxZoom: 13 });

  return () => map.remove();
}

function popupContent(listings: MapListing[]): HTMLElement {
  const list = document.createElement('ul');
  list.className = 'map-popup';
  for (const listing of listings) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = listing.href;
    link.textContent = listing.title;
    const detail = document.createElement('span');
    detail.textContent = listing.detail;
    item.append(link, detail);
    list.append(item);
  }
  return list;
}
