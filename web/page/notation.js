// The tune page's music in the browser: abcjs engraves a setting off-screen,
// the SVG is drawn at devicePixelRatio into a canvas, and the wasm side
// uploads it as a WebGL texture that ImGui shows (web/platform/notation_bridge.cpp).
// abcjs's synth renders the sound from the app's own samples (sounds/); the
// page plays that buffer itself, so a loop is sample-exact and the note
// highlight follows the audio clock, not the frame rate.
//
// Loaded after tunetrack.js; abcjs itself only when a tune is first opened,
// so the first frame never waits for it.
(function () {
  'use strict';
  const ABCJS_URL = 'vendor/abcjs-basic-min.js';
  const SOUNDS_URL = 'sounds/';
  const PADDING = 8;          // CSS px around the staff
  const MAX_RENDERS = 2;      // the shown one and the one being made
  const SPIN_MS = 6;          // how early a note's timer fires, to be on time

  let abcjsLoading = null;
  function loadAbcjs() {
    if (window.ABCJS) return Promise.resolve(window.ABCJS);
    if (!abcjsLoading) {
      abcjsLoading = new Promise((resolve, reject) => {
        const s = document.createElement('script');
        s.src = ABCJS_URL;
        s.onload = () => (window.ABCJS ? resolve(window.ABCJS) : reject(new Error('abcjs did not load')));
        s.onerror = () => { abcjsLoading = null; reject(new Error('The notation engine could not be loaded (offline?)')); };
        document.head.appendChild(s);
      });
    }
    return abcjsLoading;
  }

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

  // ---- Playback ------------------------------------------------------------
  let audio = null;       // AudioContext, made on the first Play (a user gesture)
  let current = null;     // the playing session

  function report(id, message) {
    Module.ccall('tt_on_playback', null, ['number', 'string'], [id, JSON.stringify(message)]);
  }

  function stop() {
    if (!current) return;
    const s = current;
    current = null;
    s.stopped = true;
    clearTimeout(s.timer);
    if (s.spin) s.spin.port1.onmessage = null;
    for (const node of s.nodes) { try { node.stop(); } catch (e) { /* not started */ } }
    if (s.gain) s.gain.disconnect();
  }

  function click(ctx, at, accent, out) {
    const osc = ctx.createOscillator();
    const env = ctx.createGain();
    osc.frequency.value = accent ? 1760 : 1320;
    env.gain.setValueAtTime(0.0001, at);
    env.gain.exponentialRampToValueAtTime(0.5, at + 0.002);
    env.gain.exponentialRampToValueAtTime(0.0001, at + 0.06);
    osc.connect(env).connect(out);
    osc.start(at);
    osc.stop(at + 0.08);
    return osc;
  }

  function peakOf(buffer) {
    let peak = 0;
    for (let c = 0; c < buffer.numberOfChannels; c++) {
      const data = buffer.getChannelData(c);
      for (let i = 0; i < data.length; i += 7) peak = Math.max(peak, Math.abs(data[i]));
    }
    return peak;
  }

  async function play(req) {
    stop();
    const session = { id: req.request, stopped: false, nodes: [], timer: 0, gain: null };
    current = session;
    try {
      const entry = renders.get(req.render);
      if (!entry) throw new Error('the notation is not ready');
      const ABCJS = await loadAbcjs();
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      await audio.resume();
      const synth = new ABCJS.synth.CreateSynth();
      await synth.init({
        visualObj: entry.tune,
        audioContext: audio,
        millisecondsPerMeasure: req.ms_per_bar,
        options: { soundFontUrl: SOUNDS_URL, program: req.program, midiTranspose: req.transpose, chordsOff: true },
      });
      await synth.prime();
      if (session.stopped) return;
      const buffer = synth.getAudioBuffer();
      // Note onsets at this tempo, from the drawn tune (what gets highlighted).
      const bpm = entry.tune.getBeatsPerMeasure() * 60000 / req.ms_per_bar;
      const timings = entry.tune.setTiming(bpm, 0) || [];
      const events = [];
      for (const t of timings) {
        if (t.type !== 'event' || !t.elements) continue;
        let note = -1;
        for (const group of t.elements) {
          for (const el of group) { if (entry.elementToNote.has(el)) { note = entry.elementToNote.get(el); break; } }
          if (note >= 0) break;
        }
        if (note >= 0) events.push({ ms: t.milliseconds, note });
      }
      const barOf = (note) => entry.noteBars[note] || 0;
      // The loop: from the first time the first bar sounds, while the bars
      // stay within the range (repeats unfold, so the written bar after the
      // last may not come next); it ends where the next bar begins.
      let loopStart = 0, loopEnd = buffer.duration;
      if (req.loop_from > 0) {
        const firstIndex = events.findIndex((e) => barOf(e.note) === req.loop_from);
        if (firstIndex >= 0) {
          loopStart = events[firstIndex].ms / 1000;
          let i = firstIndex;
          while (i + 1 < events.length && barOf(events[i + 1].note) >= req.loop_from && barOf(events[i + 1].note) <= req.loop_to &&
                 barOf(events[i + 1].note) >= barOf(events[i].note)) i++;
          // At the tune's end: the last bar's start and one bar more (not the
          // buffer's end, which rings on after the last note).
          const lastBar = barOf(events[i].note);
          const lastBarStart = events.slice(firstIndex, i + 1).find((e) => barOf(e.note) === lastBar);
          loopEnd = i + 1 < events.length ? events[i + 1].ms / 1000
            : Math.min(buffer.duration, lastBarStart.ms / 1000 + req.ms_per_bar / 1000);
        }
      }
      const gain = audio.createGain();
      gain.gain.value = 0.9;
      gain.connect(audio.destination);
      session.gain = gain;
      const beat = req.ms_per_bar / 1000 / Math.max(1, req.beats_per_bar);
      const t0 = audio.currentTime + 0.06;
      for (let b = 0; b < req.count_in_beats; b++) session.nodes.push(click(audio, t0 + b * beat, b === 0, gain));
      const startAt = t0 + req.count_in_beats * beat;
      const source = audio.createBufferSource();
      source.buffer = buffer;
      if (req.loop_from > 0) { source.loop = true; source.loopStart = loopStart; source.loopEnd = loopEnd; }
      source.connect(gain);
      source.start(startAt, loopStart);
      session.nodes.push(source);
      source.onended = () => { if (current === session) { current = null; report(session.id, { state: 'ended' }); } };
      report(session.id, { state: 'started', peak: peakOf(buffer) });
      Module.ttPlaybackLog = [];
      // Where in the tune the audio is now (seconds), looping as the source does.
      const position = () => {
        const played = audio.currentTime - startAt;
        if (played < 0) return -1;
        if (req.loop_from > 0) return loopStart + (played % (loopEnd - loopStart));
        return played;
      };
      let shown = -1;
      const follow = () => {
        if (session.stopped) return;
        const pos = position();
        let i = -1;
        for (let lo = 0, hi = events.length - 1; lo <= hi;) {  // the last onset at or before pos
          const mid = (lo + hi) >> 1;
          if (events[mid].ms / 1000 <= pos + 0.0005) { i = mid; lo = mid + 1; } else hi = mid - 1;
        }
        if (i >= 0 && i !== shown) {
          shown = i;
          const e = events[i];
          // For tests and the drift benchmark: when each note was shown, on the
          // audio clock (`at`, vs its `scheduled` onset) and the wall clock.
          if (Module.ttPlaybackLog.length < 4000) {
            Module.ttPlaybackLog.push({ scheduled: e.ms, at: pos * 1000, wall: performance.now(), bar: barOf(e.note) });
          }
          report(session.id, { state: 'note', note: e.note, bar: barOf(e.note) });
        }
        // Wake for the next onset (timers, not frames: the page may be idle).
        // A timer can fire several ms late, so it aims a little early and the
        // last few ms are waited out on message-channel turns, which the
        // browser does not clamp.
        const next = events[i + 1];
        let wait = 50;
        if (pos < 0) wait = -pos * 1000;
        else if (next) wait = (next.ms / 1000 - pos) * 1000;
        else if (req.loop_from > 0) wait = (loopEnd - pos) * 1000;
        if (wait <= SPIN_MS) spin.port2.postMessage(0);
        else session.timer = setTimeout(follow, Math.min(wait - SPIN_MS, 250));
      };
      const spin = new MessageChannel();
      spin.port1.onmessage = follow;
      session.spin = spin;
      follow();
    } catch (e) {
      if (current === session) current = null;
      report(session.id, { state: 'error', error: 'The tune could not be played: ' + String(e && e.message ? e.message : e).slice(0, 120) });
    }
  }

  Module.ttNotation = {
    render(id, abc, widthCss, transpose, dpr, incipit) {
      render(id, abc, widthCss, transpose, dpr, incipit).then((r) => {
        Module.ccall('tt_on_notation_rendered', null, ['number', 'string'], [id, JSON.stringify(r)]);
      });
    },
    play(req) { play(req); },
    stop,
  };
})();
