// Makes the built web app installable and able to start offline (run by
// web/CMakeLists.txt after every wasm build; tests run it on a copy):
//   node build_pwa.mjs OUT_DIR
// Draws the icons (icon.mjs), places the manifest, and writes sw.js from
// service_worker.js with the build id (a hash over the whole shell) and each
// file's SHA-256, plus version.json. Files are rewritten only when their
// bytes change, so the proxy's ETags stay valid across no-op builds.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drawIcon } from './icon.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2];
if (!out || !existsSync(join(out, 'index.html'))) {
  console.error('usage: node build_pwa.mjs OUT_DIR (a built web app: index.html, tunetrack.js, tunetrack.wasm)');
  process.exit(2);
}

function writeIfChanged(path, bytes) {
  const data = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
  if (existsSync(path) && readFileSync(path).equals(data)) return;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}

const ICONS = [
  ['icons/icon-192.png', 192, 'any'],
  ['icons/icon-512.png', 512, 'any'],
  ['icons/icon-maskable-512.png', 512, 'maskable'],
  ['icons/apple-touch-icon.png', 180, 'full'],
];
for (const [path, size, kind] of ICONS) writeIfChanged(join(out, path), drawIcon(size, kind));
writeIfChanged(join(out, 'manifest.webmanifest'), readFileSync(join(here, 'manifest.webmanifest')));

const SHELL = ['index.html', 'tunetrack.js', 'tunetrack.wasm', 'notation.js', 'playback.js', 'mirror.js', 'mirror_controls.js', 'mirror_tables.js', 'page_store.js', 'vendor/abcjs-basic-min.js',
               'manifest.webmanifest', ...ICONS.map(([path]) => path)];
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const files = SHELL.map((path) => {
  const file = join(out, path);
  if (!existsSync(file)) {
    console.error(`build_pwa: ${file} is missing (is the wasm build complete? 'make setup' places abcjs)`);
    process.exit(1);
  }
  return [path, sha256(readFileSync(file))];
});
const build = sha256(files.map(([path, hash]) => `${hash}  ${path}\n`).join('')).slice(0, 16);
const soundsManifest = join(out, 'sounds', 'manifest.json');
const sounds = existsSync(soundsManifest) ? sha256(readFileSync(soundsManifest)).slice(0, 12) : 'none';

const worker = readFileSync(join(here, 'service_worker.js'), 'utf8')
  .replace("'__TT_BUILD__'", JSON.stringify(build))
  .replace("'__TT_SHELL__'", JSON.stringify(files))
  .replace("'__TT_SOUNDS__'", JSON.stringify(sounds));
writeIfChanged(join(out, 'sw.js'), worker);
writeIfChanged(join(out, 'version.json'), `${JSON.stringify({ build })}\n`);
console.log(`build_pwa: build ${build}, ${files.length} files in the offline shell`);
