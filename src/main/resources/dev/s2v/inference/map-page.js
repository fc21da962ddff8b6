// s2v map page: reads its layers and vessels from the JSON blocks of the page and draws them.
(function () {
    'use strict';

    var VESSEL_STYLE = {
        pane: 's2v-vessels', className: 's2v-vessel', radius: 11, weight: 2,
        color: '#00e5ff', fillColor: '#00e5ff', fillOpacity: 0.08
    };
    var OUTLINE_STYLE = { color: '#ffe14d', weight: 1.25, opacity: 0.95, fill: false };

    function integer(v) { return Math.round(v).toLocaleString('en-US'); }
    function hemisphere(positive, negative) {
        return function (v) { return Math.abs(v).toFixed(5) + '\u00b0 ' + (v < 0 ? negative : positive); };
    }
    // Known attributes in the order shown, with their labels and units.
    var FIELDS = [
        ['length_m', 'Length', function (v) { return integer(v) + ' m'; }],
        ['width_m', 'Width', function (v) { return integer(v) + ' m'; }],
        ['heading_deg', 'Heading', function (v) { return Math.round(v) + '\u00b0'; }],
        ['area_m2', 'Area', function (v) { return integer(v) + ' m\u00b2'; }],
        ['pixels', 'Pixels', integer],
        ['mean_probability', 'Mean probability', function (v) { return v.toFixed(2); }],
        ['max_probability', 'Max probability', function (v) { return v.toFixed(2); }],
        ['lat', 'Latitude', hemisphere('N', 'S')],
        ['lon', 'Longitude', hemisphere('E', 'W')]
    ];
    var KNOWN = { id: true };
    FIELDS.forEach(function (f) { KNOWN[f[0]] = true; });

    function anyValue(v) {
        if (typeof v === 'number') {
            return v.toLocaleString('en-US', { maximumFractionDigits: 3 });
        }
        return typeof v === 'string' ? v : JSON.stringify(v);
    }

    function shown(v, format) {
        return typeof v === 'number' && isFinite(v) ? format(v) : v == null ? 'n/a' : anyValue(v);
    }

    function element(tag, className, text) {
        var e = document.createElement(tag);
        if (className) { e.className = className; }
        if (text !== undefined) { e.textContent = text; }
        return e;
    }

    function vesselName(p) { return p.id == null ? 'Vessel' : 'Vessel ' + anyValue(p.id); }

    // Built with textContent: attribute values never become markup.
    function popup(p) {
        var root = element('div', 's2v-popup');
        root.appendChild(element('h2', '', vesselName(p)));
        var table = root.appendChild(element('table'));
        function row(label, text) {
            var tr = table.appendChild(element('tr'));
            tr.appendChild(element('th', '', label));
            tr.appendChild(element('td', '', text));
        }
        FIELDS.forEach(function (f) {
            if (f[0] in p) { row(f[1], shown(p[f[0]], f[2])); }
        });
        Object.keys(p).forEach(function (key) {
            if (!KNOWN[key]) { row(key, shown(p[key], anyValue)); }
        });
        return root;
    }

    function tooltip(p) {
        var text = vesselName(p);
        if (typeof p.length_m === 'number') { text += ' \u00b7 ' + integer(p.length_m) + ' m'; }
        return element('span', '', text);
    }

    function marker(feature) {
        var p = feature.properties;
        var m = L.circleMarker([p.lat, p.lon], VESSEL_STYLE)
            .bindPopup(function () { return popup(p); }, { maxWidth: 320 })
            .bindTooltip(function () { return tooltip(p); }, { direction: 'top', offset: [0, -11] });
        // The open popup says all the tooltip says.
        m.on('popupopen', function () { m.closeTooltip(); });
        return m;
    }

    function data(id) { return JSON.parse(document.getElementById(id).textContent); }

    var page = data('s2v-page');
    var vessels = data('s2v-vessels');

    var map = L.map('map', { zoomControl: false, zoomSnap: 0.25, minZoom: 2, maxZoom: 19 });
    map.attributionControl.setPrefix('Leaflet');
    map.attributionControl.addAttribution(page.attribution);
    [['s2v-imagery', 200], ['s2v-outlines', 450], ['s2v-vessels', 460]].forEach(function (pane) {
        map.createPane(pane[0]).style.zIndex = pane[1];
    });
    map.fitBounds(page.base.bounds, { padding: [16, 16] });

    var Title = L.Control.extend({
        options: { position: 'topleft' },
        onAdd: function () {
            var box = document.getElementById('s2v-title');
            L.DomEvent.disableClickPropagation(box);
            L.DomEvent.disableScrollPropagation(box);
            return box;
        }
    });
    new Title().addTo(map);
    L.control.zoom({ position: 'topleft' }).addTo(map);

    function image(layer, pane) {
        return L.imageOverlay(layer.url, layer.bounds, { pane: pane, alt: layer.name });
    }
    var bases = {};
    bases[page.base.label] = image(page.base, 's2v-imagery').addTo(map);
    var overlays = {};
    page.overlays.forEach(function (layer) {
        overlays[layer.label] = image(layer, 'overlayPane').addTo(map);
    });
    overlays['Vessel outlines'] = L.geoJSON(vessels, {
        pane: 's2v-outlines', interactive: false, style: OUTLINE_STYLE,
        pointToLayer: function (feature, latlng) { return L.circleMarker(latlng, { radius: 3 }); }
    }).addTo(map);
    overlays['Vessels (' + vessels.features.length + ')'] =
        L.layerGroup(vessels.features.map(marker)).addTo(map);

    L.control.layers(bases, overlays, { collapsed: false, position: 'topright' }).addTo(map);
    L.control.scale({ imperial: false, maxWidth: 180 }).addTo(map);
}());
