#include "lib/text/decode.hpp"

#include <fmt/format.h>
#include <iconv.h>
#include <utf8proc.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "lib/text/binary_signature.hpp"

namespace dossier::text {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Converts with glibc's iconv; false when the input is not valid in `from`.
bool convert(std::string_view in, const char* from, std::string* out) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out->clear();
  out->resize(in.size() * 3 + 16);
  char* inbuf = const_cast<char*>(in.data());
  std::size_t inleft = in.size();
  char* outbuf = out->data();
  std::size_t outleft = out->size();
  std::size_t rc = iconv(cd, &inbuf, &inleft, &outbuf, &outleft);
  iconv_close(cd);
  if (rc == static_cast<std::size_t>(-1)) return false;
  out->resize(out->size() - outleft);
  return true;
}

// Length of the valid UTF-8 sequence at s[i], or 0 when invalid.
std::size_t valid_sequence_at(std::string_view s, std::size_t i) {
  utf8proc_int32_t cp = 0;
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                        static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  return n > 0 ? static_cast<std::size_t>(n) : 0;
}

// Why `raw` is binary ("PNG image", "NUL byte at offset 8", "control bytes"), or "" when it
// is text. Judged on the first 8 KiB.
std::string binary_reason(std::string_view raw) {
  if (std::string_view format = binary_signature(raw); !format.empty()) return std::string(format);
  std::string_view head = raw.substr(0, 8192);
  std::size_t nul = 0, control = 0;
  for (unsigned char c : head) {
    if (c == 0) ++nul;
    else if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1b)
      ++control;
  }
  // A NUL every few hundred bytes is a binary format (or UTF-16 without a BOM); one NUL is
  // damage in text, however short the file. Control bytes alone must be dense, and more than one.
  const bool binary = (nul > 1 && nul * 256 > head.size()) ||
                      (nul > 0 && control > 1 && control * 32 > head.size()) ||
                      (control > 1 && control * 8 > head.size());
  if (!binary) return {};
  return nul ? fmt::format("NUL byte at offset {}", raw.find('\0')) : "control bytes";
}

bool has_multibyte_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) >= 0xC2) {
      std::size_t n = valid_sequence_at(s, i);
      if (n > 1) return true;
    }
  }
  return false;
}

bool defined_in_windows_1252(std::string_view s) {
  return std::none_of(s.begin(), s.end(), [](char ch) {
    unsigned char c = static_cast<unsigned char>(ch);
    return c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D;
  });
}

std::string replace_nuls(std::string_view s, std::size_t* count) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '\0') {
      out += kReplacement;
      ++*count;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    // Eight ASCII bytes at a time: most of a text is ASCII.
    std::uint64_t word;
    if (i + 8 <= s.size() && (std::memcpy(&word, s.data() + i, 8), (word & 0x8080808080808080ull) == 0)) {
      i += 8;
      continue;
    }
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t n = valid_sequence_at(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string repair_utf8(std::string_view s, std::size_t* replaced) {
  std::string out;
  out.reserve(s.size());
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      out += s[i++];
      continue;
    }
    std::size_t n = valid_sequence_at(s, i);
    if (n == 0) {
      out += kReplacement;
      ++count;
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  if (replaced) *replaced = count;
  return out;
}

namespace {

// decode(); when `owner` holds `raw` and the text is `raw` byte for byte, it is moved from
// `owner` instead of copied.
Decoded decode_into(std::string_view raw, std::string* owner) {
  Decoded d;
  if (raw.size() >= 2 && (raw.substr(0, 2) == "\xFF\xFE" || raw.substr(0, 2) == "\xFE\xFF")) {
    bool le = raw[0] == '\xFF';
    d.encoding = le ? "utf-16le" : "utf-16be";
    if (!convert(raw.substr(2), le ? "UTF-16LE" : "UTF-16BE", &d.text)) {
      d.error = fmt::format("not valid {} despite its byte-order mark", le ? "UTF-16LE" : "UTF-16BE");
      return d;
    }
    d.ok = true;
    return d;
  }
  if (std::string why = binary_reason(raw); !why.empty()) {
    d.error = fmt::format("binary file ({})", why);
    return d;
  }
  std::string_view body = raw;
  d.encoding = "utf-8";
  if (body.substr(0, 3) == "\xEF\xBB\xBF") {
    body.remove_prefix(3);
    d.encoding = "utf-8-bom";
  }
  std::string owned;
  if (body.find('\0') != std::string_view::npos) {
    std::size_t n = 0;
    owned = replace_nuls(body, &n);
    body = owned;
    d.warnings.push_back(fmt::format("{} NUL byte{} replaced with U+FFFD", n, n == 1 ? "" : "s"));
  }
  if (is_valid_utf8(body)) {
    if (owner && body.data() == owner->data() && body.size() == owner->size())
      d.text = std::move(*owner);
    else
      d.text.assign(body);
  } else if (!has_multibyte_utf8(body) && defined_in_windows_1252(body) &&
             convert(body, "WINDOWS-1252", &d.text)) {
    d.encoding = "windows-1252";
    d.warnings.push_back("not UTF-8: decoded as Windows-1252");
  } else {
    std::size_t n = 0;
    d.text = repair_utf8(body, &n);
    d.encoding = "utf-8 (repaired)";
    d.warnings.push_back(
        fmt::format("{} invalid UTF-8 sequence{} replaced with U+FFFD", n, n == 1 ? "" : "s"));
  }
  d.ok = true;
  return d;
}

}  // namespace

Decoded decode(std::string_view raw) { return decode_into(raw, nullptr); }

Decoded decode_owned(std::string&& raw) {
  Decoded d = decode_into(raw, &raw);
  std::string().swap(raw);  // whatever happened, the caller's bytes are released now
  return d;
}

}  // namespace dossier::text
