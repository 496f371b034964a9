#!/usr/bin/env bash
# Makes the instrument samples abcjs's synth plays: one mp3 per note, named
# and laid out the way abcjs asks for them (src/synth/load-note.js:
# soundFontUrl + instrument + "-mp3/" + noteName + ".mp3", with noteName from
# src/synth/pitch-to-note-name.js: flats only, "C4", "Db4", ..., middle C = C4).
#
# The notes come from Debian's fluid-soundfont-gm (FluidR3_GM.sf2, MIT), pinned
# by its sha256 in third_party/checksums.sha256, rendered by fluidsynth and
# encoded by lame (all three installed by install-packages.sh). Per instrument
# one MIDI file plays every note in turn in a fixed slot; one fluidsynth run
# renders it; python cuts the slots, trims the trailing silence, fades the end
# and pipes each note to lame. Nothing here is ever committed.
#
# Re-running is a no-op once DEST_DIR/manifest.json is there for this
# GENERATOR_VERSION: bump it whenever what is generated changes.
#
# usage: third_party/make-sounds.sh DEST_DIR   (the Makefile passes build/third_party/sounds)
set -euo pipefail

GENERATOR_VERSION=1

here=$(cd "$(dirname "$0")" && pwd)
dest=${1:?usage: make-sounds.sh DEST_DIR}
soundfont=/usr/share/sounds/sf2/FluidR3_GM.sf2

if [ -f "$dest/manifest.json" ] &&
   python3 -c 'import json, sys; sys.exit(json.load(open(sys.argv[1])).get("generator_version") != int(sys.argv[2]))' \
     "$dest/manifest.json" "$GENERATOR_VERSION" 2>/dev/null; then
  exit 0
fi

for tool in fluidsynth lame python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "make-sounds.sh: '$tool' is missing: run 'make setup'" >&2; exit 1; }
done
[ -f "$soundfont" ] || { echo "make-sounds.sh: $soundfont is missing (Debian package fluid-soundfont-gm): run 'make setup'" >&2; exit 1; }

name=$(basename "$soundfont")
expected=$(awk -v n="$name" '$2 == n {print $1}' "$here/checksums.sha256")
[ -n "$expected" ] || { echo "make-sounds.sh: no pinned checksum for $name" >&2; exit 1; }
actual=$(sha256sum "$soundfont" | awk '{print $1}')
if [ "$actual" != "$expected" ]; then
  echo "make-sounds.sh: CHECKSUM MISMATCH for $soundfont" >&2
  echo "  expected $expected" >&2
  echo "  got      $actual" >&2
  echo "  Debian's fluid-soundfont-gm differs from the pinned version; update third_party/checksums.sha256 deliberately." >&2
  exit 1
fi

echo "make-sounds.sh: rendering instrument samples from $name into $dest"
exec python3 - "$dest" "$soundfont" "$actual" "$GENERATOR_VERSION" <<'PY'
import array, concurrent.futures, io, json, os, shutil, struct, subprocess, sys, tempfile, time, wave

dest, soundfont, soundfont_sha256, version = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
started = time.monotonic()

# abcjs names (src/synth/instrument-index-to-name.js) and General MIDI programs.
# Melody instruments: C2..C7 covers traditional tunes transposed by up to an
# octave either way. The piano is also abcjs's default chord and bass
# instrument (chord-track.js: basses from MIDI 24 up), so it starts at C1.
INSTRUMENTS = [  # (name, program, lowest MIDI note, highest)
    ("fiddle", 110, 36, 96),
    ("flute", 73, 36, 96),
    ("whistle", 78, 36, 96),
    ("accordion", 21, 36, 96),
    ("acoustic_grand_piano", 0, 24, 96),
]
# FluidR3_GM.sf2's fiddle has no sample for Bb6 (MIDI 94, silent at every
# velocity): that slot plays A6 bent up a semitone (fluidsynth's default bend
# range is 2 semitones). Any other silent note stops the script.
BORROW = {("fiddle", 94): 93}
NAMES = ["C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B"]  # pitch-to-note-name.js

def note_name(midi):
    return NAMES[midi % 12] + str(midi // 12 - 1)

RATE = 44100
HOLD_S = 2.5        # key down: abcjs cuts each note to its length and fades it itself
SLOT_S = 4.0        # HOLD_S plus room for the release to die away
VELOCITY = 100
PEAK = 0.6          # each instrument's loudest note peaks here (about -4.4 dBFS)
SILENCE = 0.0005    # below this (of full scale, after scaling) counts as silence (-66 dBFS)
FADE_S = 0.03       # short fade-out at the cut
LAME_VBR = 6        # lame -V: variable bitrate, mono (about 45 kbit/s here; -b 64 CBR is 40% larger)
TICKS_PER_S = 1000  # MIDI: 1000 ticks per quarter at one quarter per second

def vlq(n):
    out = [n & 0x7F]
    n >>= 7
    while n:
        out.append(0x80 | (n & 0x7F))
        n >>= 7
    return bytes(reversed(out))

def midi_file(program, slots):
    """slots: (key, semitones of pitch bend) per slot."""
    events = bytearray()
    events += vlq(0) + b"\xff\x51\x03" + (1_000_000).to_bytes(3, "big")  # 1 s per quarter
    events += vlq(0) + bytes([0xC0, program])
    for cc, value in ((7, 127), (10, 64), (11, 127), (91, 0), (93, 0)):  # volume, centre, no effects sends
        events += vlq(0) + bytes([0xB0, cc, value])
    hold, slot = round(HOLD_S * TICKS_PER_S), round(SLOT_S * TICKS_PER_S)
    delta = 0
    for key, bend in slots:  # slot i sounds from i * SLOT_S to i * SLOT_S + HOLD_S
        value = 8192 + round(bend * 4096)  # 4096 per semitone with a 2-semitone range; 8192 = none
        events += vlq(delta) + bytes([0xE0, value & 0x7F, value >> 7])
        events += vlq(0) + bytes([0x90, key, VELOCITY])
        events += vlq(hold) + bytes([0x80, key, 0])
        delta = slot - hold
    events += vlq(delta) + b"\xff\x2f\x00"  # the end of the last slot
    return (b"MThd" + struct.pack(">IHHH", 6, 0, 1, TICKS_PER_S) +
            b"MTrk" + struct.pack(">I", len(events)) + bytes(events))

def run(args, **kwargs):
    done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kwargs)
    if done.returncode != 0:
        raise SystemExit(f"make-sounds.sh: {args[0]} failed ({done.returncode}): {done.stderr.decode(errors='replace')}")

def render(work, name, program, notes):
    mid, wav = os.path.join(work, name + ".mid"), os.path.join(work, name + ".wav")
    with open(mid, "wb") as f:
        f.write(midi_file(program, [(BORROW.get((name, n), n), n - BORROW.get((name, n), n)) for n in notes]))
    # Dry (no reverb, no chorus) so that each slot holds its own note only.
    run(["fluidsynth", "-q", "-n", "-i", "-R", "0", "-C", "0", "-g", "0.5", "-r", str(RATE),
         "-o", "synth.dynamic-sample-loading=1", "-o", "audio.file.type=wav", "-o", "audio.file.format=s16",
         "-F", wav, soundfont, mid])
    with wave.open(wav, "rb") as w:
        if (w.getnchannels(), w.getsampwidth(), w.getframerate()) != (2, 2, RATE):
            raise SystemExit(f"make-sounds.sh: unexpected fluidsynth output {w.getparams()}")
        pcm = array.array("h", w.readframes(w.getnframes()))
    os.remove(wav)
    if sys.byteorder == "big":
        pcm.byteswap()
    slot = round(SLOT_S * RATE) * 2
    if len(pcm) < slot * len(notes):
        pcm.extend(array.array("h", bytes(2 * (slot * len(notes) - len(pcm)))))
    clips = [pcm[i * slot:(i + 1) * slot] for i in range(len(notes))]
    peaks = [max(max(c), -min(c)) for c in clips]
    peak = max(peaks)
    if peak >= 32767:
        raise SystemExit(f"make-sounds.sh: {name} clips in fluidsynth's output; lower the gain")
    quiet = [note_name(n) for n, p in zip(notes, peaks) if p < peak / 100]
    if quiet:
        raise SystemExit(f"make-sounds.sh: {name} rendered (nearly) silent notes: {' '.join(quiet)}")
    scale = PEAK * 32767 / peak
    threshold = SILENCE * 32767 / scale
    block = RATE // 100 * 2  # 10 ms, interleaved stereo
    fade = round(FADE_S * RATE)
    cut = []
    for clip in clips:
        end = len(clip)
        while end > 0 and max(abs(max(clip[end - block:end])), abs(min(clip[end - block:end]))) < threshold:
            end -= block
        end = min(len(clip), max(end + block, round((HOLD_S + 0.05) * RATE) * 2))
        clip = clip[:end]
        frames = end // 2
        for k in range(min(fade, frames)):  # linear fade over the last FADE_S
            g = k / fade
            i = (frames - 1 - k) * 2
            clip[i] = int(clip[i] * g)
            clip[i + 1] = int(clip[i + 1] * g)
        cut.append(clip)
    return scale, cut

def encode(clip, scale, path):
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(RATE)
        data = clip if sys.byteorder == "little" else array.array("h", clip)
        if sys.byteorder == "big":
            data.byteswap()
        w.writeframes(data.tobytes())
    run(["lame", "--silent", "--noreplaygain", "-m", "m", "-V", str(LAME_VBR), "--resample", "44.1",
         "--scale", f"{scale:.6f}", "-", path], input=buf.getvalue())

parent = os.path.dirname(os.path.abspath(dest))
os.makedirs(parent, exist_ok=True)
work = tempfile.mkdtemp(prefix=".sounds-", dir=parent)
try:
    out = os.path.join(work, "out")
    jobs = max(1, min(2, os.cpu_count() or 1))
    manifest = {"generator": "third_party/make-sounds.sh", "generator_version": version,
                "soundfont": os.path.basename(soundfont), "soundfont_package": "fluid-soundfont-gm",
                "soundfont_sha256": soundfont_sha256, "license": "MIT (FluidR3_GM.sf2)",
                "url_pattern": "<instrument>-mp3/<note>.mp3", "sample_rate": RATE, "lame_vbr_quality": LAME_VBR,
                "hold_s": HOLD_S, "velocity": VELOCITY, "instruments": {}}
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        rendered = {}
        for name, program, low, high in INSTRUMENTS:
            rendered[name] = pool.submit(render, work, name, program, list(range(low, high + 1)))
        encodes = []
        for name, program, low, high in INSTRUMENTS:
            scale, clips = rendered[name].result()
            folder = os.path.join(out, name + "-mp3")
            os.makedirs(folder)
            notes = [note_name(m) for m in range(low, high + 1)]
            for note, clip in zip(notes, clips):
                encodes.append(pool.submit(encode, clip, scale, os.path.join(folder, note + ".mp3")))
            manifest["instruments"][name] = {"program": program, "midi_low": low, "midi_high": high, "notes": notes}
        for e in encodes:
            e.result()
    files = [os.path.join(d, f) for d, _, fs in os.walk(out) for f in fs]
    total = sum(os.path.getsize(f) for f in files)
    manifest["files"], manifest["total_bytes"] = len(files), total
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")
    if os.path.isdir(dest):
        shutil.rmtree(dest)
    os.rename(out, dest)
finally:
    shutil.rmtree(work, ignore_errors=True)
print(f"make-sounds.sh: {len(files)} samples, {total / 1e6:.1f} MB, {time.monotonic() - started:.0f} s -> {dest}")
PY
