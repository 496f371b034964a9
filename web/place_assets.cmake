# Puts the page's third-party assets next to it; run by web/CMakeLists.txt on
# every wasm build (cmake -P), copying only what changed:
#   ABCJS   web/js/node_modules/abcjs/dist/abcjs-basic-min.js (npm ci in web/js)
#   SOUNDS  build/third_party/sounds (third_party/make-sounds.sh)
#   OUT     build/wasm/web: gets vendor/abcjs-basic-min.js(.gz) and sounds/
# Both inputs come from `make setup`; nothing here is committed.
cmake_minimum_required(VERSION 3.21)

if(NOT EXISTS "${ABCJS}")
  message(FATAL_ERROR "abcjs is missing (${ABCJS}): run 'make setup' (it installs web/js with npm ci)")
endif()
if(NOT EXISTS "${SOUNDS}/manifest.json")
  message(FATAL_ERROR "The instrument samples are missing (${SOUNDS}): run 'make setup' "
                      "(third_party/make-sounds.sh renders them)")
endif()

set(js "${OUT}/vendor/abcjs-basic-min.js")
set(js_changed TRUE)
if(EXISTS "${js}" AND EXISTS "${js}.gz")
  file(SHA256 "${ABCJS}" want)
  file(SHA256 "${js}" have)
  if(want STREQUAL have)
    set(js_changed FALSE)
  endif()
endif()
if(js_changed)
  message(STATUS "Placing abcjs in ${OUT}/vendor")
  file(MAKE_DIRECTORY "${OUT}/vendor")
  file(COPY_FILE "${ABCJS}" "${js}")
  execute_process(COMMAND gzip -9 -k -f -n "${js}" RESULT_VARIABLE gzip_result)
  if(NOT gzip_result EQUAL 0)
    message(FATAL_ERROR "gzip ${js} failed")
  endif()
endif()

# The samples change together with their manifest (make-sounds.sh replaces the
# whole tree), so the manifest decides; it is copied last, so an interrupted
# copy is redone.
set(sounds "${OUT}/sounds")
file(READ "${SOUNDS}/manifest.json" want)
set(have "")
if(EXISTS "${sounds}/manifest.json")
  file(READ "${sounds}/manifest.json" have)
endif()
if(NOT want STREQUAL have)
  message(STATUS "Placing the instrument samples in ${sounds}")
  file(REMOVE_RECURSE "${sounds}")
  file(COPY "${SOUNDS}/" DESTINATION "${sounds}" PATTERN "manifest.json" EXCLUDE)
  file(COPY_FILE "${SOUNDS}/manifest.json" "${sounds}/manifest.json")
endif()
