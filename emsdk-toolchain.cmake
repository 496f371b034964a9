# Toolchain for the wasm build. Finds Emscripten (an emsdk via $EMSDK, else
# Debian's system package) and applies the fixes ../shared/TOOLCHAIN.md lists,
# so nobody has to export variables by hand:
#   cmake -S . -B build/wasm -DCMAKE_TOOLCHAIN_FILE=emsdk-toolchain.cmake

set(_tt_platform_file "cmake/Modules/Platform/Emscripten.cmake")
if(DEFINED ENV{EMSDK} AND EXISTS "$ENV{EMSDK}/upstream/emscripten/${_tt_platform_file}")
  set(TT_EMSCRIPTEN_ROOT "$ENV{EMSDK}/upstream/emscripten")
elseif(EXISTS "/usr/share/emscripten/${_tt_platform_file}")
  set(TT_EMSCRIPTEN_ROOT "/usr/share/emscripten")
else()
  message(FATAL_ERROR "No Emscripten found: set EMSDK to an emsdk, or install Debian's 'emscripten' package (make setup does).")
endif()

include("${TT_EMSCRIPTEN_ROOT}/${_tt_platform_file}")

if(TT_EMSCRIPTEN_ROOT STREQUAL "/usr/share/emscripten")
  # Debian's emcc runs node scripts that need Debian's node-acorn; the machine's
  # node does not look in /usr/share/nodejs unless told. Configure-time checks
  # inherit ENV; build-time compiler and linker calls get it through launchers.
  set(ENV{NODE_PATH} "/usr/share/nodejs")
  set(_tt_env_launcher "${CMAKE_COMMAND};-E;env;NODE_PATH=/usr/share/nodejs")
  set(CMAKE_C_COMPILER_LAUNCHER "${_tt_env_launcher}")
  set(CMAKE_CXX_COMPILER_LAUNCHER "${_tt_env_launcher}")
  set(CMAKE_C_LINKER_LAUNCHER "${_tt_env_launcher}")
  set(CMAKE_CXX_LINKER_LAUNCHER "${_tt_env_launcher}")
endif()

# emcmake's default emulator passes --experimental-wasm-threads, which node 20
# rejects; plain node runs our wasm test programs.
find_program(TT_NODE NAMES node nodejs)
if(TT_NODE)
  set(CMAKE_CROSSCOMPILING_EMULATOR "${TT_NODE}" CACHE FILEPATH "node runs wasm programs" FORCE)
endif()
