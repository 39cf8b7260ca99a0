#include "lib/output/ndjson.hpp"

#include "lib/version.hpp"

namespace dossier::output {
namespace {

// The keys that place an extraction in the text.
void common(Json& j, const extract::Mention& m) {
  j["text"] = m.text;
  j["start"] = m.span.start;
  j["end"] = m.span.end;
  j["line"] = m.line;
}

// The keys every extraction ends with: which rule found it and whether it is page furniture.
Json& provenance(Json& j, const extract::Mention& m) {
  j["rule"] = m.rule;
  j["boilerplate"] = m.boilerplate;
  return j;
}

// One document's extractions of one kind.
template <typename M>
Json array_of(const std::vector<M>& mentions) {
  Json a = Json::array();
  for (const auto& m : mentions) a.push_back(to_json(m));
  return a;
}

}  // namespace

Json or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

std::string to_line(const Json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Json to_json(const extract::DateMention& m) {
  Json j;
  common(j, m);
  j["value"] = m.value;
  j["precision"] = m.precision;
  j["mod"] = or_null(m.mod);
  j["anchor"] = m.anchor;
  return provenance(j, m);
}

Json to_json(const extract::OrganisationMention& m) {
  Json j;
  j["name"] = m.name;
  j["category"] = m.category;
  j["country"] = or_null(m.country);
  common(j, m);
  return provenance(j, m);
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
  return provenance(j, m);
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
  common(j, m);
  return provenance(j, m);
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
  j["dates"] = array_of(x.dates);
  j["organisations"] = array_of(x.organisations);
  j["threat_actors"] = array_of(x.threat_actors);
  j["regulator_actions"] = array_of(x.regulator_actions);
  j["warnings"] = doc.warnings;
  return to_line(j);
}

std::string error_line(const std::string& id, const std::string& path, const std::string& error) {
  Json j;
  j["schema"] = kSchema;
  j["document"] = {{"id", id}, {"path", path}};
  j["error"] = error;
  return to_line(j);
}

}  // namespace dossier::output
