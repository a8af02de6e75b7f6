# Every dependency comes from a Debian package; nothing is vendored or downloaded.
#   libcli11-dev nlohmann-json3-dev libfmt-dev libstemmer-dev libvalijson-dev
#   libgtest-dev libbenchmark-dev wamerican
find_package(CLI11 CONFIG REQUIRED)
find_package(nlohmann_json 3.10 CONFIG REQUIRED)
find_package(fmt CONFIG REQUIRED)
find_package(valijson CONFIG REQUIRED)

# libstemmer ships neither a CMake config nor a pkg-config file.
find_path(STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
find_library(STEMMER_LIBRARY NAMES libstemmer.a stemmer REQUIRED)
add_library(crampx::stemmer UNKNOWN IMPORTED)
set_target_properties(crampx::stemmer PROPERTIES
  IMPORTED_LOCATION "${STEMMER_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${STEMMER_INCLUDE_DIR}")

if(NOT EXISTS "${CRAMPX_DICTIONARY}")
  message(FATAL_ERROR "English word list ${CRAMPX_DICTIONARY} not found: apt-get install wamerican")
endif()

if(CRAMPX_BUILD_TESTS)
  find_package(GTest CONFIG REQUIRED)
endif()
if(CRAMPX_BUILD_BENCH)
  find_package(benchmark CONFIG REQUIRED)
endif()
