#pragma once
// A per-document alias table: names a document establishes for itself. "the Cybersecurity and
// Infrastructure Security Agency (CISA)" makes CISA name that agency in this document only;
// "Acme Widgets Ltd" makes a later bare "Acme Widgets" name it too. Later mentions of those
// names are found by rescanning the document.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "lib/extract/extraction.hpp"
#include "lib/extract/organisations/span_set.hpp"
#include "lib/text/document.hpp"

namespace dossier::extract::organisations {

class DocumentAliases {
 public:
  // The table keeps pointers to `m` and views of `surface` and of `doc.text`: they must
  // outlive it. Nothing is copied per mention; a name learnt twice costs one lookup.

  // Adds an acronym when `m` is followed by "(ACR)" whose capitals spell the initials of
  // `m.text`'s capitalised words ("Foreign Intelligence Service (SVR)" does not; gazetteer
  // entities do not need to: the text itself says the two are one).
  void learn_acronym(const text::Document& doc, const OrganisationMention& m, bool trusted);
  // Makes `surface` name `m`'s organisation in this document.
  void learn(std::string_view surface, const OrganisationMention& m);

  // Mentions of learnt names that overlap none of `taken`, with rule `rule`.
  std::vector<OrganisationMention> find(const text::Document& doc, SpanSet taken) const;

 private:
  // Surface -> the mention that defined it; first definition wins.
  std::map<std::string_view, const OrganisationMention*> by_surface_;
};

// True when the capitals of `acronym` are the initials of `long_form`'s capitalised words in
// order ("CISA" / "Cybersecurity and Infrastructure Security Agency"), all of them used.
bool spells_initials(std::string_view acronym, std::string_view long_form);

}  // namespace dossier::extract::organisations
