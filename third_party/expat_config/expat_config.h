/* Expat's build settings for the wasm build (ours, not Expat's: its own
   configure step would write this). The page reads WebDAV listings, which
   use namespaces; the hash salt comes from /dev/urandom, which Emscripten's
   file system serves from crypto.getRandomValues. */
#ifndef TT_EXPAT_CONFIG_H
#define TT_EXPAT_CONFIG_H
#define BYTEORDER 1234
#define XML_NS 1
#define XML_DTD 1
#define XML_CONTEXT_BYTES 1024
#define XML_DEV_URANDOM 1
#define HAVE_MEMMOVE 1
#define HAVE_UNISTD_H 1
#define HAVE_FCNTL_H 1
#define STDC_HEADERS 1
#endif
