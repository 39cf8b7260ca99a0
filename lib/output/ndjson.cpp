#include "lib/output/ndjson.hpp"

#include "lib/version.hpp"

namespace dossier::output {
namespace {

constexpr auto kReplace = nlohmann::json::error_handler_t::replace;

Json or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

template <typename T>
Json or_null(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

void common(Json& j, const extract::Mention& m, bool with_line = true) {
  j["text"] = m.text;
  j["start"] = m.span.start;
  j["end"] = m.span.end;
  if (with_line) j["line"] = m.line;
}

}  // namespace

Json to_json(const extract::DateMention& m) {
  Json j;
  common(j, m);
  j["value"] = m.value;
  j["precision"] = m.precision;
  j["mod"] = or_null(m.mod);
  j["anchor"] = m.anchor;
  j["rule"] = m.rule;
  j["boilerplate"] = m.boilerplate;
  return j;
}

Json to_json(const extract::OrganisationMention& m) {
  Json j;
  j["name"] = m.name;
  j["category"] = m.category;
  j["country"] = or_null(m.country);
  common(j, m);
  j["rule"] = m.rule;
  j["boilerplate"] = m.boilerplate;
  return j;
}

Json to_json(const extract::ThreatActorMention& m) {
  Json j;
  j["name"] = m.name;
  common(j, m);
  j["country"] = or_null(m.country);
  j["sponsor"] = or_null(m.sponsor);
  j["aliases"] = m.aliases;
  j["ids"] = Json::object();
  for (const auto& [k, v] : m.ids) j["ids"][k] = v;
  j["ambiguous"] = m.ambiguous;
  if (m.ambiguous) j["candidates"] = m.candidates;
  j["rule"] = m.rule;
  j["boilerplate"] = m.boilerplate;
  return j;
}

Json to_json(const extract::RegulatorAction& m) {
  Json j;
  j["regulator"] = m.regulator;
  j["action"] = m.action;
  j["target"] = or_null(m.target);
  j["date"] = or_null(m.date);
  j["amount"] = or_null(m.amount);
  j["currency"] = or_null(m.currency);
  j["negated"] = m.negated;
  common(j, m, false);
  j["line"] = m.line;
  j["rule"] = m.rule;
  j["boilerplate"] = m.boilerplate;
  return j;
}

Json document_json(const text::Document& doc) {
  Json d;
  d["id"] = doc.id;
  d["path"] = or_null(doc.path);
  d["sha256"] = doc.sha256;
  d["bytes"] = doc.bytes;
  d["title"] = doc.title;
  d["dct"] = or_null(doc.dct);
  d["dct_source"] = std::string(text::to_string(doc.dct_source));
  d["encoding"] = doc.encoding;
  if (!doc.source.empty()) d["source"] = doc.source;
  return d;
}

std::string document_line(const text::Document& doc, const extract::Extractions& x) {
  Json j;
  j["schema"] = kSchema;
  j["document"] = document_json(doc);
  j["dates"] = Json::array();
  for (const auto& m : x.dates) j["dates"].push_back(to_json(m));
  j["organisations"] = Json::array();
  for (const auto& m : x.organisations) j["organisations"].push_back(to_json(m));
  j["threat_actors"] = Json::array();
  for (const auto& m : x.threat_actors) j["threat_actors"].push_back(to_json(m));
  j["regulator_actions"] = Json::array();
  for (const auto& m : x.regulator_actions) j["regulator_actions"].push_back(to_json(m));
  j["warnings"] = doc.warnings;
  return j.dump(-1, ' ', false, kReplace);
}

std::string error_line(const std::string& id, const std::string& path, const std::string& error) {
  Json j;
  j["schema"] = kSchema;
  j["document"] = {{"id", id}, {"path", path}};
  j["error"] = error;
  return j.dump(-1, ' ', false, kReplace);
}

}  // namespace dossier::output
