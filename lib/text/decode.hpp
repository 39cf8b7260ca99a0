#pragma once
// Raw bytes -> UTF-8 text. Never throws on content: a file that cannot be text is a value
// (`ok == false` with a reason), everything else decodes, with warnings for what was doubtful.
//
// Policy, in order:
//  - UTF-16 with a BOM: converted to UTF-8 (encoding "utf-16le"/"utf-16be").
//  - Binary: refused, "binary file (<why>)", when it starts with a known binary signature
//    ("PNG image", "PDF document": text/binary_signature.hpp), or, in its first 8 KiB, more than
//    one NUL byte and at least one in 256 bytes ("NUL byte at offset N"), or control bytes
//    dense (more than one, and one in 8 bytes; one in 32 with a NUL). A lone NUL is damage,
//    even in a short file.
//  - UTF-8 BOM: stripped (encoding "utf-8-bom"). CRLF and form feeds are kept as they are.
//  - Valid UTF-8: kept byte for byte (encoding "utf-8").
//  - Not UTF-8 and no valid multi-byte UTF-8 sequence in it, and every byte defined in
//    Windows-1252: decoded as Windows-1252, with a warning.
//  - Otherwise each invalid sequence becomes U+FFFD, with a warning (encoding "utf-8 (repaired)").
//  - Stray NUL bytes in otherwise textual data become U+FFFD, with a warning.

#include <string>
#include <string_view>
#include <vector>

namespace dossier::text {

struct Decoded {
  bool ok = false;
  std::string error;      // why it is not text, when !ok
  std::string text;       // UTF-8
  std::string encoding;
  std::vector<std::string> warnings;
};

Decoded decode(std::string_view raw);
// The same, taking the bytes: valid UTF-8 text becomes `text` without a copy, and `raw` is left
// empty with its memory freed either way (a 50 MB file is not held twice).
Decoded decode_owned(std::string&& raw);

// True when `s` is valid UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view s);

// `s` with every invalid UTF-8 sequence replaced by U+FFFD; `replaced` counts them.
std::string repair_utf8(std::string_view s, std::size_t* replaced = nullptr);

}  // namespace dossier::text
