// The payload of a storage record, as Helm's storage drivers write it (pkg/storage/driver/
// util.go): base64(gzip(json(release))) at best compression. Reading also accepts records
// written before compression was introduced (plain JSON, recognised by the missing gzip magic).
#pragma once

#include <string>
#include <string_view>

#include "release/release.h"

namespace capstan::release {

std::string encode_record(const Release& release);

// Throws ErrorKind::Parse for bad base64, a corrupt gzip stream or malformed JSON.
Release decode_record(std::string_view data);

// gzip at zlib's best compression, and its inverse (exposed for tests).
std::string gzip_compress(std::string_view data);
std::string gzip_decompress(std::string_view data);

}  // namespace capstan::release
