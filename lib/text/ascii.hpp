#pragma once
// ASCII byte classes, whatever the locale (std::isupper and the like follow it): for scanners
// that read UTF-8 text byte by byte, where a byte >= 0x80 is never a letter or digit.

namespace dossier::text {

constexpr bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_alpha(char c) { return is_upper(c) || is_lower(c); }
constexpr char to_lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace dossier::text
