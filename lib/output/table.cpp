#include "lib/output/table.hpp"

#include <utf8proc.h>

#include <algorithm>

namespace dossier::output {
namespace {

constexpr int kGap = 2;           // spaces between columns
constexpr int kMinFlexible = 12;  // a flexible column keeps this much while others can give
constexpr int kMinSqueezed = 4;   // and at least this much, as fixed columns do, when none can

// Decodes the character at s[i]; returns its byte length and sets `width`.
std::size_t next_char(std::string_view s, std::size_t i, int& width) {
  utf8proc_int32_t cp = 0;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                            static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (n <= 0) {
    width = 1;
    return 1;
  }
  width = std::max(0, utf8proc_charwidth(cp));
  return static_cast<std::size_t>(n);
}

std::string pad(const std::string& cell, int width, Align align) {
  int fill = std::max(0, width - display_width(cell));
  return align == Align::kLeft ? cell + std::string(fill, ' ') : std::string(fill, ' ') + cell;
}

// Shrinks the widest column among those `eligible` by one until `over` is 0 or none can shrink.
void shrink(std::vector<int>& widths, const std::vector<int>& weights, int minimum,
            const std::vector<bool>& eligible, int& over) {
  auto share = [&](std::size_t c) { return double(widths[c]) / weights[c]; };
  while (over > 0) {
    int widest = -1;
    for (std::size_t c = 0; c < widths.size(); ++c) {
      if (eligible[c] && widths[c] > minimum && (widest < 0 || share(c) > share(widest)))
        widest = static_cast<int>(c);
    }
    if (widest < 0) return;
    --widths[widest];
    --over;
  }
}

}  // namespace

int display_width(std::string_view s) {
  int total = 0;
  for (std::size_t i = 0; i < s.size();) {
    int w = 0;
    i += next_char(s, i, w);
    total += w;
  }
  return total;
}

std::string truncate_to_width(std::string_view s, int width) {
  if (display_width(s) <= width) return std::string(s);
  if (width <= 0) return "";
  std::string out;
  int used = 0;
  for (std::size_t i = 0; i < s.size();) {
    int w = 0;
    std::size_t n = next_char(s, i, w);
    if (used + w > width - 1) break;  // leave room for the ellipsis
    out.append(s.substr(i, n));
    used += w;
    i += n;
  }
  return out + "…";
}

std::string truncate_start_to_width(std::string_view s, int width) {
  if (display_width(s) <= width) return std::string(s);
  if (width <= 0) return "";
  // Character starts and widths, then keep the longest tail that fits after the ellipsis.
  std::vector<std::pair<std::size_t, int>> chars;
  for (std::size_t i = 0; i < s.size();) {
    int w = 0;
    std::size_t n = next_char(s, i, w);
    chars.emplace_back(i, w);
    i += n;
  }
  int used = 0;
  std::size_t from = s.size();
  for (auto it = chars.rbegin(); it != chars.rend() && used + it->second <= width - 1; ++it) {
    used += it->second;
    from = it->first;
  }
  return "…" + std::string(s.substr(from));
}

std::string one_line(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  return out;
}

std::string render_table(const std::vector<Column>& columns,
                         const std::vector<std::vector<std::string>>& rows, int width,
                         Color color) {
  const std::size_t n = columns.size();
  std::vector<int> widths(n), weights(n);
  std::vector<bool> flexible(n), fixed(n);
  for (std::size_t c = 0; c < n; ++c) {
    widths[c] = display_width(columns[c].header);
    for (const auto& row : rows)
      if (c < row.size()) widths[c] = std::max(widths[c], display_width(one_line(row[c])));
    flexible[c] = columns[c].flex == Flex::kFlexible;
    fixed[c] = !flexible[c];
    weights[c] = std::max(1, columns[c].weight);
  }
  int total = kGap * static_cast<int>(n > 0 ? n - 1 : 0);
  for (int w : widths) total += w;
  int over = total - width;
  shrink(widths, weights, kMinFlexible, flexible, over);
  shrink(widths, weights, kMinSqueezed, flexible, over);
  shrink(widths, weights, kMinSqueezed, fixed, over);

  auto line = [&](const std::vector<std::string>& cells, bool header) {
    std::string out;
    for (std::size_t c = 0; c < n; ++c) {
      std::string text = one_line(c < cells.size() ? cells[c] : "");
      std::string cell = columns[c].cut == Cut::kStart ? truncate_start_to_width(text, widths[c])
                                                       : truncate_to_width(text, widths[c]);
      // The last left-aligned column needs no padding after it.
      std::string padded = (c + 1 == n && columns[c].align == Align::kLeft)
                               ? cell
                               : pad(cell, widths[c], columns[c].align);
      if (c) out += std::string(kGap, ' ');
      out += header && color == Color::kOn ? "\x1b[1m" + padded + "\x1b[0m" : padded;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + '\n';
  };
  std::vector<std::string> headers;
  for (const auto& c : columns) headers.push_back(c.header);
  std::string out = line(headers, true);
  for (const auto& row : rows) out += line(row, false);
  return out;
}

}  // namespace dossier::output
