# Every dependency comes from a Debian package; nothing is vendored or downloaded.
#   libcli11-dev nlohmann-json3-dev rapidjson-dev libfmt-dev libstemmer-dev libvalijson-dev
#   libgtest-dev libbenchmark-dev wamerican
find_package(CLI11 CONFIG REQUIRED)
find_package(nlohmann_json 3.10 CONFIG REQUIRED)
find_package(fmt CONFIG REQUIRED)
find_package(valijson CONFIG REQUIRED)
find_package(RapidJSON CONFIG REQUIRED)  # header-only: the JSON Lines record reader

list(APPEND CMAKE_MODULE_PATH ${PROJECT_SOURCE_DIR}/cmake)
find_package(Stemmer REQUIRED)  # cmake/FindStemmer.cmake

if(NOT EXISTS "${CRAMPX_DICTIONARY}")
  message(FATAL_ERROR "English word list ${CRAMPX_DICTIONARY} not found: apt-get install wamerican")
endif()

if(CRAMPX_BUILD_TESTS)
  find_package(GTest CONFIG REQUIRED)
endif()
if(CRAMPX_BUILD_BENCH)
  find_package(benchmark CONFIG REQUIRED)
endif()
