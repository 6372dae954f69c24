# Third-party dependencies: Debian 12 packages only (scripts/install-deps.sh lists them).
find_package(PkgConfig REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(OpenSSL REQUIRED)
find_package(ZLIB REQUIRED)
find_package(LibArchive REQUIRED)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
pkg_check_modules(LIBGIT2 REQUIRED IMPORTED_TARGET libgit2)
if(CAPSTAN_TESTS)
  find_package(Catch2 2 REQUIRED)
endif()
# cpp-httplib: Debian builds it as a library (declarations in httplib.h, the code in
# libcpp-httplib.so, compiled with OpenSSL, zlib and Brotli); its pkg-config file carries the
# defines that must match. capstan_httplib is the one target modules link for HTTP(S).
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
find_package(Threads REQUIRED)
add_library(capstan_httplib INTERFACE)
target_link_libraries(capstan_httplib INTERFACE PkgConfig::HTTPLIB OpenSSL::SSL OpenSSL::Crypto
                                                Threads::Threads)
# GPGME (libgpgme-dev) for provenance files: signing and verifying through GnuPG.
pkg_check_modules(GPGME REQUIRED IMPORTED_TARGET gpgme)
