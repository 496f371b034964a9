// The tune page's music in the browser: abcjs engraves a setting off-screen,
// the SVG is drawn at devicePixelRatio into a canvas, and the wasm side
// uploads it as a WebGL texture that ImGui shows (web/platform/notation_bridge.cpp).
// Playing it is playback.js's, loaded on the first Play.
//
// Loaded after tunetrack.js; abcjs itself only when a tune is first opened,
// so the first frame never waits for it.
(function () {
  'use strict';
  const ABCJS_URL = 'vendor/abcjs-basic-min.js';
  const PLAYBACK_URL = 'playback.js';
  const PADDING = 8;          // CSS px around the staff
  const MAX_RENDERS = 2;      // the shown one and the one being made

  // A script loaded once, when first needed; a failed load is tried again next time.
  function lazyScript(url, loaded, failure) {
    let loading = null;
    return () => {
      if (loaded()) return Promise.resolve(loaded());
      if (!loading) {
        loading = new Promise((resolve, reject) => {
          const s = document.createElement('script');
          s.src = url;
          s.onload = () => (loaded() ? resolve(loaded()) : reject(new Error(url + ' did not load')));
          s.onerror = () => { loading = null; reject(new Error(failure)); };
          document.head.appendChild(s);
        });
      }
      return loading;
    };
  }
  const loadAbcjs = lazyScript(ABCJS_URL, () => window.ABCJS, 'The notation engine could not be loaded (offline?)');
  const loadPlayback = lazyScript(PLAYBACK_URL, () => Module.ttPlayback, 'The player could not be loaded (offline?)');

  // Off-screen, but in the document: abcjs measures text and SVG boxes.
  function scratch(widthCss) {
    const div = document.createElement('div');
    div.style.cssText = `position:absolute;left:-100000px;top:0;width:${widthCss}px;background:#fff;color:#000`;
    document.body.appendChild(div);
    return div;
  }

  const renders = new Map();  // request id -> { tune, elementToNote }
  function keep(id, entry) {
    renders.set(id, entry);
    while (renders.size > MAX_RENDERS) renders.delete(renders.keys().next().value);
  }

  function classNumber(el, prefix) {
    for (const c of el.classList) {
      if (c.startsWith(prefix) && /^\d+$/.test(c.slice(prefix.length))) return Number(c.slice(prefix.length));
    }
    return -1;
  }

  async function rasterise(svg, widthCss, heightCss, dpr) {
    const text = new XMLSerializer().serializeToString(svg);
    const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    try {
      const img = new Image();
      img.src = url;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(widthCss * dpr);
      canvas.height = Math.ceil(heightCss * dpr);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#fbfaf6';  // a light card: readable in the dark theme
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      return canvas;
    } finally {
      URL.revokeObjectURL(url);
    }
  }

  async function render(id, abc, widthCss, transpose, dpr, incipit) {
    const result = { texture: 0, width: 0, height: 0, bars: 0, notes: [], warnings: 0, error: '' };
    let div = null;
    try {
      const ABCJS = await loadAbcjs();
      div = scratch(widthCss);
      // The page shows the name and type above; the staff starts at once.
      // An incipit is one small line; the tune page's notation wraps to the panel.
      const options = incipit
        ? { add_classes: true, staffwidth: widthCss - 4, scale: 0.8, paddingleft: 0, paddingright: 2,
            paddingtop: 0, paddingbottom: 0, foregroundColor: '#111' }
        : { add_classes: true, staffwidth: Math.max(120, widthCss - 2 * PADDING - 10),
            wrap: { minSpacing: 1.6, maxSpacing: 2.7, preferredMeasuresPerLine: 4 }, visualTranspose: transpose,
            paddingleft: PADDING, paddingright: PADDING, paddingtop: PADDING, paddingbottom: PADDING,
            foregroundColor: '#111' };
      const t0 = performance.now();
      const tunes = ABCJS.renderAbc(div, abc.replace(/^[TR]:.*\n/mg, ''), options);
      result.engrave_ms = performance.now() - t0;
      const tune = tunes && tunes[0];
      const svg = div.querySelector('svg');
      const noteEls = div.querySelectorAll('.abcjs-note, .abcjs-rest');
      result.warnings = tune && tune.warnings ? tune.warnings.length : 0;
      if (!tune || !svg || noteEls.length === 0) {
        const first = tune && tune.warnings && tune.warnings[0] ? String(tune.warnings[0]).replace(/<[^>]*>/g, '') : '';
        result.error = 'This setting\'s ABC could not be read as music' + (first ? ': ' + first.slice(0, 120) : '.');
        return result;
      }
      const box = svg.getBoundingClientRect();
      svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
      svg.setAttribute('width', box.width);
      svg.setAttribute('height', box.height);
      // Bars in written order: abcjs numbers measures per line (abcjs-l, abcjs-m).
      const measuresPerLine = [];
      for (const el of noteEls) {
        const line = classNumber(el, 'abcjs-l'), measure = classNumber(el, 'abcjs-m');
        if (line >= 0 && measure >= 0) measuresPerLine[line] = Math.max(measuresPerLine[line] || 0, measure + 1);
      }
      const lineStart = [];
      let total = 0;
      for (let l = 0; l < measuresPerLine.length; l++) { lineStart[l] = total; total += measuresPerLine[l] || 0; }
      const elementToNote = new Map();
      noteEls.forEach((el) => {
        const r = el.getBoundingClientRect();
        const line = classNumber(el, 'abcjs-l'), measure = classNumber(el, 'abcjs-m');
        const bar = line >= 0 && measure >= 0 ? lineStart[line] + measure + 1 : 0;
        elementToNote.set(el, result.notes.length);
        result.notes.push([r.left - box.left, r.top - box.top, r.width, r.height, bar]);
      });
      result.bars = total;
      result.width = box.width;
      result.height = box.height;
      // Within the GPU's limit, at the screen's sharpness where it fits.
      const maxSide = Module.ttMaxTextureSize ? Module.ttMaxTextureSize() : 4096;
      const scale = Math.min(dpr, maxSide / box.width, maxSide / box.height);
      const t1 = performance.now();
      const canvas = await rasterise(svg, box.width, box.height, scale);
      result.raster_ms = performance.now() - t1;
      result.texture = Module.ttUploadTexture(canvas);
      if (incipit) result.notes = [];  // nothing is played or highlighted in a list
      else keep(id, { tune, elementToNote, noteBars: result.notes.map((n) => n[4]) });
    } catch (e) {
      result.error = 'The notation could not be drawn: ' + String(e && e.message ? e.message : e).slice(0, 120);
    } finally {
      if (div) div.remove();
    }
    return result;
  }

  let pendingPlay = null;  // a Play waiting for playback.js
  Module.ttNotation = {
    render(id, abc, widthCss, transpose, dpr, incipit) {
      render(id, abc, widthCss, transpose, dpr, incipit).then((r) => {
        Module.ccall('tt_on_notation_rendered', null, ['number', 'string'], [id, JSON.stringify(r)]);
      });
    },
    // A Play waits for the player only if it is still loading; a Stop (or
    // another Play) meanwhile means this one never sounds.
    play(req) {
      pendingPlay = req;
      loadPlayback().then((playback) => {
        if (pendingPlay !== req) return;
        pendingPlay = null;
        playback.play(req, renders.get(req.render), loadAbcjs);
      }, (e) => {
        if (pendingPlay !== req) return;
        pendingPlay = null;
        Module.ccall('tt_on_playback', null, ['number', 'string'],
                     [req.request, JSON.stringify({ state: 'error', error: 'The tune could not be played: ' + e.message })]);
      });
    },
    stop() {
      pendingPlay = null;
      if (Module.ttPlayback) Module.ttPlayback.stop();
    },
  };
  loadPlayback().catch(() => {});  // ready before the first Play, as when it was one file; a failure is retried then
})();
