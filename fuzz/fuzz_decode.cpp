// Fuzzes text::decode: any bytes either refuse with a reason or give valid UTF-8; and
// source::display_path, which must turn any bytes into one printable line.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "lib/source/display_path.hpp"
#include "lib/text/decode.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  dossier::text::Decoded d = dossier::text::decode(raw);
  if (d.ok) {
    if (!dossier::text::is_valid_utf8(d.text)) __builtin_trap();
    if (d.encoding.empty()) __builtin_trap();
  } else if (d.error.empty()) {
    __builtin_trap();
  }
  // Repairing is idempotent and always yields valid UTF-8.
  std::string repaired = dossier::text::repair_utf8(raw);
  if (!dossier::text::is_valid_utf8(repaired)) __builtin_trap();
  if (dossier::text::repair_utf8(repaired) != repaired) __builtin_trap();
  // The same bytes as a file name on stderr: one line, valid UTF-8, no control character,
  // and unchanged when there was nothing to escape.
  std::string shown = dossier::source::display_path(raw);
  if (!dossier::text::is_valid_utf8(shown)) __builtin_trap();
  bool plain = dossier::text::is_valid_utf8(raw);
  for (unsigned char c : raw) plain = plain && c >= 0x20 && c != 0x7F && c != '\\' && c < 0x80;
  for (unsigned char c : shown)
    if (c < 0x20 || c == 0x7F) __builtin_trap();
  if (plain && shown != raw) __builtin_trap();
  return 0;
}
