#include "lib/source/jsonl.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace dossier::source {

JsonlRecord parse_record(const std::string& line, std::size_t line_no) {
  JsonlRecord r;
  r.line = line_no;
  r.id = fmt::format("stdin:{}", line_no);
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    r.error = "not a JSON object";
    return r;
  }
  auto str = [&](const char* key, std::string* out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return true;
    if (it->is_string()) *out = it->get<std::string>();
    else if (it->is_number_integer() && std::string_view(key) == "id") *out = it->dump();
    else return false;
    return true;
  };
  std::string id;
  if (!str("id", &id) || !str("text", &r.text) || !str("date", &r.date) ||
      !str("title", &r.title) || !str("source", &r.source)) {
    r.error = "a field of the wrong type (id, text, date, title, source are strings)";
    return r;
  }
  if (!id.empty()) r.id = id;
  if (j.find("text") == j.end() || !j["text"].is_string()) r.error = "no \"text\" field";
  return r;
}

std::optional<JsonlLine> next_line(std::istream& in, std::size_t& line_no) {
  JsonlLine l;
  while (std::getline(in, l.text)) {
    ++line_no;
    if (l.text.find_first_not_of(" \t\r") == std::string::npos) continue;
    l.line = line_no;
    return l;
  }
  return std::nullopt;
}

}  // namespace dossier::source
