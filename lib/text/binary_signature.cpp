#include "lib/text/binary_signature.hpp"

#include <array>

namespace dossier::text {
namespace {

struct Signature {
  std::string_view magic;
  std::string_view at8;  // when not empty: must also be found at offset 8 (after a 4-byte size)
  std::string_view name;
  // A magic of plain letters ("GIF89a" is also a malware family's name in a report title) counts
  // only with a control byte in the header after it, as every real file of the format has.
  bool needs_control = false;
};

using namespace std::string_view_literals;

constexpr std::array kSignatures = {
    Signature{"\x89PNG\r\n\x1a\n"sv, ""sv, "PNG image"sv},
    Signature{"\xFF\xD8\xFF"sv, ""sv, "JPEG image"sv},
    Signature{"GIF87a"sv, ""sv, "GIF image"sv, true},
    Signature{"GIF89a"sv, ""sv, "GIF image"sv, true},
    Signature{"%PDF-"sv, ""sv, "PDF document"sv},
    Signature{"PK\x03\x04"sv, ""sv, "ZIP archive (or DOCX, XLSX, ODT)"sv},
    Signature{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv, ""sv, "OLE2 document (DOC, XLS, MSG)"sv},
    Signature{"\x1F\x8B"sv, ""sv, "gzip archive"sv},
    Signature{"\xFD" "7zXZ\0"sv, ""sv, "xz archive"sv},
    Signature{"7z\xBC\xAF\x27\x1C"sv, ""sv, "7-Zip archive"sv},
    Signature{"Rar!\x1A\x07"sv, ""sv, "RAR archive"sv},
    Signature{"\x28\xB5\x2F\xFD"sv, ""sv, "zstd archive"sv},
    Signature{"SQLite format 3\0"sv, ""sv, "SQLite database"sv},
    Signature{"\x7F" "ELF"sv, ""sv, "ELF executable"sv},
    Signature{"\xCF\xFA\xED\xFE"sv, ""sv, "Mach-O executable"sv},
    Signature{"\xCA\xFE\xBA\xBE"sv, ""sv, "Mach-O or Java class file"sv},
    Signature{"RIFF"sv, "WAVE"sv, "WAV audio"sv},  // RIFF, size, then the form type
    Signature{"RIFF"sv, "AVI "sv, "AVI video"sv},
    Signature{"RIFF"sv, "WEBP"sv, "WebP image"sv},
    Signature{"ID3\x03\0"sv, ""sv, "MP3 audio"sv},
    Signature{"ID3\x04\0"sv, ""sv, "MP3 audio"sv},
    Signature{"OggS\0"sv, ""sv, "Ogg media"sv},
};

// A byte no text has: a control character other than tab, line ends and form feed.
bool control_in(std::string_view bytes) {
  for (unsigned char c : bytes)
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) return true;
  return false;
}

}  // namespace

std::string_view binary_signature(std::string_view raw) {
  for (const auto& s : kSignatures) {
    if (raw.substr(0, s.magic.size()) != s.magic) continue;
    if (!s.at8.empty() && (raw.size() < 8 || raw.substr(8, s.at8.size()) != s.at8)) continue;
    if (s.needs_control && !control_in(raw.substr(s.magic.size(), 32))) continue;
    return s.name;
  }
  // MP4/MOV/HEIC: a box size (its first bytes 0 for any box under 16 MB), then "ftyp".
  if (raw.size() >= 12 && raw.substr(4, 4) == "ftyp" && control_in(raw.substr(0, 4)))
    return "MP4/QuickTime media";
  return {};
}

}  // namespace dossier::text
