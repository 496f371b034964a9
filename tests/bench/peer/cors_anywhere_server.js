// cors-anywhere on loopback, as the proxy benchmark's peer: the usual way to
// give a page CORS access to thesession.org, measured on the same route.
//   node cors_anywhere_server.js PORT
const corsAnywhere = require('cors-anywhere');
const port = Number(process.argv[2] || 18190);
corsAnywhere.createServer({ originWhitelist: [], requireHeader: [], removeHeaders: [] })
  .listen(port, '127.0.0.1', () => console.log(`cors-anywhere on 127.0.0.1:${port}`));
