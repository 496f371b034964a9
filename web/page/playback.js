// The tune page's playback, loaded by notation.js on the first Play: abcjs's
// synth renders the sound from the app's own samples (sounds/); the page
// plays that buffer itself, so a loop is sample-exact and the note highlight
// follows the audio clock, not the frame rate. Answers go to tt_on_playback.
(function () {
  'use strict';
  const SOUNDS_URL = 'sounds/';
  const SPIN_MS = 6;          // how early a note's timer fires, to be on time

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

  // `entry`: the drawn tune (notation.js keeps it: tune, elementToNote, noteBars).
  async function play(req, entry, loadAbcjs) {
    stop();
    const session = { id: req.request, stopped: false, nodes: [], timer: 0, gain: null };
    current = session;
    try {
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

  Module.ttPlayback = { play, stop };
})();
