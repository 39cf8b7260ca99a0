#include "lib/extract/organisations/document_aliases.hpp"

#include <algorithm>
#include <cctype>

#include <re2/re2.h>

#include "lib/extract/mention.hpp"

namespace dossier::extract::organisations {
namespace {

bool is_word_byte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80);
}

}  // namespace

bool spells_initials(std::string_view acronym, std::string_view long_form) {
  std::string caps;
  for (char c : acronym)
    if (std::isupper(static_cast<unsigned char>(c))) caps += c;
  std::string initials;
  bool start = true;
  for (char c : long_form) {
    if (c == ' ' || c == '-' || c == '/') {
      start = true;
    } else if (start) {
      if (std::isupper(static_cast<unsigned char>(c))) initials += c;
      start = false;
    }
  }
  // Allow the acronym to skip at most one capitalised word ("US Cybersecurity ... (CISA)").
  if (caps.size() < 2) return false;
  if (caps == initials) return true;
  return caps.size() + 1 == initials.size() &&
         (initials.substr(1) == caps || initials.substr(0, caps.size()) == caps);
}

void DocumentAliases::learn_acronym(const text::Document& doc, const OrganisationMention& m,
                                    bool trusted) {
  static const RE2 paren(R"(^\s?\(([A-Z][A-Za-z&]{1,9})\))");
  re2::StringPiece captured;  // a view of doc.text
  std::string_view rest = std::string_view(doc.text).substr(m.span.end);
  if (!RE2::PartialMatch(rest.substr(0, 16), paren, &captured)) return;
  std::string_view acronym(captured.data(), captured.size());
  int upper = 0, lower = 0;
  for (char c : acronym) (std::isupper(static_cast<unsigned char>(c)) ? upper : lower) += 1;
  if (upper < 2 || lower > 2) return;  // "(Russia)" is not an acronym
  if (acronym.find_first_not_of("IVXLCDM") == std::string::npos) return;  // "(XIV)"
  if (!trusted && !spells_initials(acronym, m.text)) return;
  learn(acronym, m);
}

void DocumentAliases::learn(std::string_view surface, const OrganisationMention& m) {
  if (surface.size() < 2) return;
  by_surface_.try_emplace(surface, &m);
}

std::vector<OrganisationMention> DocumentAliases::find(const text::Document& doc,
                                                      SpanSet used) const {
  std::vector<OrganisationMention> out;
  // Longest surfaces first, so "Acme Widgets Ltd" wins over "Acme Widgets".
  std::vector<const std::pair<const std::string_view, const OrganisationMention*>*> order;
  order.reserve(by_surface_.size());
  for (const auto& kv : by_surface_) order.push_back(&kv);
  std::sort(order.begin(), order.end(),
            [](auto* a, auto* b) { return a->first.size() > b->first.size(); });
  const std::string& t = doc.text;
  for (const auto* kv : order) {
    const std::string_view s = kv->first;
    for (std::size_t pos = t.find(s); pos != std::string::npos; pos = t.find(s, pos + 1)) {
      text::Span span{pos, pos + s.size()};
      if (pos > 0 && is_word_byte(t[pos - 1])) continue;
      if (span.end < t.size() && is_word_byte(t[span.end])) continue;
      if (used.overlaps(span)) continue;
      OrganisationMention m;
      m.name = kv->second->name;
      m.category = kv->second->category;
      m.country = kv->second->country;
      fill_mention(m, doc, span, "organisations/document-alias");
      used.insert(span);
      out.push_back(std::move(m));
    }
  }
  return out;
}

}  // namespace dossier::extract::organisations
