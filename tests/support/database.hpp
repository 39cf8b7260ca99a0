#pragma once
// Reads a test's database: one number or one text from a query, read-only.

#include <filesystem>
#include <string>

namespace dossier::testing {

long long count(const std::filesystem::path& db, const std::string& sql);
std::string text_of(const std::filesystem::path& db, const std::string& sql);

}  // namespace dossier::testing
