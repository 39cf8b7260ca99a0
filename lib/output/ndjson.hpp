#pragma once
// The NDJSON line per document of PRODUCT.md ("schema":"dossier/1"), keys in the documented
// order. nlohmann::json does the escaping; never build JSON by hand.

#include <string>

#include <nlohmann/json.hpp>

#include "lib/extract/extraction.hpp"
#include "lib/text/document.hpp"

namespace dossier::output {

using Json = nlohmann::ordered_json;

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
