// deploy/nginx.conf as a self-hoster deploys it, for the browser tests:
// Debian's nginx in front of the proxy, with each musician's WebDAV folder
// for the device sync on the page's own origin. Adapted only where a test
// must (addresses, paths, no certificate: a plain loopback listener), as
// tests/integration/nginx_fixture.h does for the native tests.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

const NGINX = '/usr/sbin/nginx';
const DAV_EXT = '/usr/lib/nginx/modules/ngx_http_dav_ext_module.so';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// `musicians`: { name: password }; each gets the folder /devices/<name>/.
export async function startDeployedNginx(proxyUrl, musicians) {
  for (const needed of [NGINX, DAV_EXT]) {
    if (!existsSync(needed)) throw new Error(`${needed} is missing: run 'make setup' (it installs nginx and its dav modules)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'tunetrack-nginx-'));
  const port = await freePort();
  const redirectPort = await freePort();
  const proxyPort = new URL(proxyUrl).port;
  let conf = readFileSync(new URL('../../deploy/nginx.conf', import.meta.url), 'utf8');
  conf = conf
    .replace(/\nuser [^;]*;/, `\nuser ${userInfo().username};`)
    .replace('worker_processes auto;', 'worker_processes 1;')
    .replaceAll('/run/nginx-tunetrack.pid', join(dir, 'nginx.pid'))
    .replaceAll('/var/log/nginx/', `${dir}/`)
    .replaceAll('/var/cache/nginx/tunetrack', join(dir, 'cache'))
    .replaceAll('root /srv/tunetrack;', `root ${join(dir, 'srv')};`)
    .replaceAll('/etc/nginx/tunetrack-devices.htpasswd', join(dir, 'devices.htpasswd'))
    .replace(/server 127\.0\.0\.1:8081 /, `server 127.0.0.1:${proxyPort} `)
    .replace(/\n\s*server 127\.0\.0\.1:8082[^;]*;/, '')  // one proxy instance is enough here
    .replace('listen 80;', `listen 127.0.0.1:${redirectPort};`)
    .replace('listen 443 ssl;', `listen 127.0.0.1:${port};`)
    .replace(/\n\s*ssl_[a-z_]+ [^;]*;/g, '');
  writeFileSync(join(dir, 'nginx.conf'), conf);
  writeFileSync(join(dir, 'devices.htpasswd'),
                Object.entries(musicians).map(([name, password]) => `${name}:{PLAIN}${password}\n`).join(''));
  for (const name of Object.keys(musicians)) mkdirSync(join(dir, 'srv', 'devices', name), { recursive: true });
  const child = spawn(NGINX, ['-p', `${dir}/`, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'],
                      { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk) => { errors += chunk; });
  const url = `http://127.0.0.1:${port}`;
  const stop = () => new Promise((resolve) => {
    const done = () => { rmSync(dir, { recursive: true, force: true }); resolve(); };
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', done);
    child.kill('SIGQUIT');  // graceful
  });
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, dir, stop };
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  await stop();
  throw new Error(`nginx did not start: ${errors}`);
}
