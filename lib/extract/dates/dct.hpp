#pragma once
// The document creation date (DCT), found in the order PRODUCT.md gives: --dct (set by the
// caller as DctSource::kFlag), a date line at the head of the document (Date:, Published:,
// Sent:, Updated:, YAML front-matter date:, a dateline "LONDON, 5 May 2024 —"), a date in the
// file name (2024-05-02, 20240502), the JSONL `date` field. Inference from the text itself
// comes last and lives with the date extractor.

#include <optional>
#include <string>
#include <string_view>

#include "lib/text/document.hpp"

namespace dossier::extract::dates {

// Sets doc.dct and doc.dct_source when doc.dct is still empty and a source gives one.
void find_dct(text::Document& doc);

// A YYYY-MM-DD from a header line's value ("Tue, 21 Nov 2024 09:00", "2024-11-21", "21/11/2024").
std::optional<std::string> parse_header_date(std::string_view value);
// A YYYY-MM-DD from a file name ("foi/2024-05-02-home-office.txt", "report_20240502.txt").
std::optional<std::string> parse_filename_date(std::string_view path);

}  // namespace dossier::extract::dates
