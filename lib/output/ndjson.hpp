#pragma once
// The NDJSON line per document of PRODUCT.md ("schema":"dossier/1"), keys in the documented
// order. nlohmann::json does the escaping; never build JSON by hand. document_line() writes the
// line's structure itself (no tree per mention) and has nlohmann's serializer write every
// string and number; it equals to_line() of the tree made of to_json() and document_json().

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "lib/extract/extraction.hpp"
#include "lib/text/document.hpp"

namespace dossier::output {

using Json = nlohmann::ordered_json;

// JSON null for an empty string or an absent value, else the value.
Json or_null(const std::string& s);
template <typename T>
Json or_null(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

// `j` as one line (no trailing newline), invalid UTF-8 replaced by U+FFFD, for any NDJSON output.
std::string to_line(const Json& j);

Json to_json(const extract::DateMention& m);
Json to_json(const extract::OrganisationMention& m);
Json to_json(const extract::ThreatActorMention& m);
Json to_json(const extract::RegulatorAction& m);
Json document_json(const text::Document& doc);

// One document's line (without the trailing newline).
std::string document_line(const text::Document& doc, const extract::Extractions& x);
// The line for a document that could not be read: {"schema","document":{"id","path"},"error"}.
std::string error_line(const std::string& id, const std::string& path, const std::string& error);

}  // namespace dossier::output
