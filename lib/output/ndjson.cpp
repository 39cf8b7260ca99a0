#include "lib/output/ndjson.hpp"

#include <string_view>
#include <vector>

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

namespace {

// Writes one document's line straight into a string: the structure (keys in the documented
// order, commas, brackets) is written here, every string and number by nlohmann's serializer,
// which escapes and replaces invalid UTF-8 exactly as Json::dump does. Building a Json tree
// per mention cost an allocation per key and value (12% of `dossier extract`'s CPU time);
// tests/output/ndjson_test.cpp holds this to to_line() of the tree, byte for byte.
class LineWriter {
 public:
  explicit LineWriter(std::string& out)
      : out_(out),
        s_(nlohmann::detail::output_adapter<char, std::string>(out), ' ',
           nlohmann::json::error_handler_t::replace),
        str_(Json::value_t::string) {}

  // Opens a value: '{' or '[' after a comma when one is due.
  void open(char c) {
    comma();
    out_ += c;
    first_ = true;
  }
  void close(char c) {
    out_ += c;
    first_ = false;
  }
  // `"name":`; `name` needs no escaping (a literal key of the format).
  LineWriter& key(std::string_view name) {
    comma();
    out_ += '"';
    out_ += name;
    out_ += "\":";
    first_ = true;  // the value follows without a comma
    return *this;
  }
  // A key that comes from data (threat-actor ids): escaped.
  LineWriter& data_key(std::string_view name) {
    string(name);
    out_ += ':';
    first_ = true;
    return *this;
  }
  void string(std::string_view v) {
    comma();
    str_.get_ref<std::string&>().assign(v);
    s_.dump(str_, false, false, 0);
  }
  void string_or_null(const std::string& v) {
    if (v.empty()) null();
    else string(v);
  }
  void string_or_null(const std::optional<std::string>& v) {
    if (v) string(*v);
    else null();
  }
  template <typename N>
  void number(N v) {
    comma();
    num_ = v;
    s_.dump(num_, false, false, 0);
  }
  void boolean(bool v) {
    comma();
    out_ += v ? "true" : "false";
  }
  void null() {
    comma();
    out_ += "null";
  }
  void strings(const std::vector<std::string>& v) {
    open('[');
    for (const std::string& x : v) string(x);
    close(']');
  }

 private:
  void comma() {
    if (!first_) out_ += ',';
    first_ = false;
  }

  std::string& out_;
  nlohmann::detail::serializer<Json> s_;
  Json str_;  // reused for each string: its buffer grows once
  Json num_;
  bool first_ = true;
};

// The keys that place an extraction in the text (common() of the tree).
void place(LineWriter& w, const extract::Mention& m) {
  w.key("text").string(m.text);
  w.key("start").number(m.span.start);
  w.key("end").number(m.span.end);
  w.key("line").number(m.line);
}

// provenance() of the tree; closes the object.
void provenance(LineWriter& w, const extract::Mention& m) {
  w.key("rule").string(m.rule);
  w.key("boilerplate").boolean(m.boilerplate);
  w.close('}');
}

void write(LineWriter& w, const extract::DateMention& m) {
  w.open('{');
  place(w, m);
  w.key("value").string(m.value);
  w.key("precision").string(m.precision);
  w.key("mod").string_or_null(m.mod);
  w.key("anchor").string(m.anchor);
  provenance(w, m);
}

void write(LineWriter& w, const extract::OrganisationMention& m) {
  w.open('{');
  w.key("name").string(m.name);
  w.key("category").string(m.category);
  w.key("country").string_or_null(m.country);
  place(w, m);
  provenance(w, m);
}

void write(LineWriter& w, const extract::ThreatActorMention& m) {
  w.open('{');
  w.key("name").string(m.name);
  place(w, m);
  w.key("country").string_or_null(m.country);
  w.key("sponsor").string_or_null(m.sponsor);
  w.key("aliases").strings(m.aliases);
  w.key("ids").open('{');
  for (const auto& [k, v] : m.ids) w.data_key(k).string(v);
  w.close('}');
  w.key("ambiguous").boolean(m.ambiguous);
  if (m.ambiguous) w.key("candidates").strings(m.candidates);
  provenance(w, m);
}

void write(LineWriter& w, const extract::RegulatorAction& m) {
  w.open('{');
  w.key("regulator").string(m.regulator);
  w.key("action").string(m.action);
  w.key("target").string_or_null(m.target);
  w.key("date").string_or_null(m.date);
  if (m.amount) w.key("amount").number(*m.amount);
  else w.key("amount").null();
  w.key("currency").string_or_null(m.currency);
  w.key("negated").boolean(m.negated);
  place(w, m);
  provenance(w, m);
}

template <typename M>
void write_all(LineWriter& w, std::string_view name, const std::vector<M>& mentions) {
  w.key(name).open('[');
  for (const M& m : mentions) write(w, m);
  w.close(']');
}

}  // namespace

std::string document_line(const text::Document& doc, const extract::Extractions& x) {
  std::string out;
  out.reserve(512 + 256 * x.size());
  LineWriter w(out);
  w.open('{');
  w.key("schema").string(kSchema);
  w.key("document").open('{');
  w.key("id").string(doc.id);
  w.key("path").string_or_null(doc.path);
  w.key("sha256").string(doc.sha256);
  w.key("bytes").number(doc.bytes);
  w.key("title").string(doc.title);
  w.key("dct").string_or_null(doc.dct);
  w.key("dct_source").string(text::to_string(doc.dct_source));
  w.key("encoding").string(doc.encoding);
  if (!doc.source.empty()) w.key("source").string(doc.source);
  w.close('}');
  write_all(w, "dates", x.dates);
  write_all(w, "organisations", x.organisations);
  write_all(w, "threat_actors", x.threat_actors);
  write_all(w, "regulator_actions", x.regulator_actions);
  w.key("warnings").strings(doc.warnings);
  w.close('}');
  return out;
}

std::string error_line(const std::string& id, const std::string& path, const std::string& error) {
  Json j;
  j["schema"] = kSchema;
  j["document"] = {{"id", id}, {"path", path}};
  j["error"] = error;
  return to_line(j);
}

}  // namespace dossier::output
