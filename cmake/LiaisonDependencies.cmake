# Every dependency comes from Debian 12 packages (scripts/install-deps.sh installs them).
find_package(Boost 1.74 REQUIRED COMPONENTS graph)
find_package(RapidJSON REQUIRED)
find_package(fmt REQUIRED)
find_package(CLI11 REQUIRED)
find_package(ICU REQUIRED COMPONENTS uc i18n)
find_package(LibXml2 REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(GRAPHVIZ REQUIRED IMPORTED_TARGET libcgraph libgvc)
# RE2 for the query language's =~: linear time, no recursion (docs/query.md).
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
find_package(OpenMP)
find_package(Threads REQUIRED)
# zlib (lib/store's checksums), found here so the installed package can name it too.
find_package(ZLIB REQUIRED)

if(NOT TARGET RapidJSON::RapidJSON)
    add_library(RapidJSON::RapidJSON INTERFACE IMPORTED)
    target_include_directories(RapidJSON::RapidJSON INTERFACE ${RapidJSON_INCLUDE_DIRS} ${RAPIDJSON_INCLUDE_DIRS})
endif()
