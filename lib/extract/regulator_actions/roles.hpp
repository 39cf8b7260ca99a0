#pragma once
// Who did what to whom inside one sentence: given where an action rule's trigger sits, picks the
// acting regulator, the organisation acted on, the date and the sum of money. Pure functions
// over the sentence's mentions (each list sorted by start, all inside the sentence).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lib/extract/extraction.hpp"
#include "lib/extract/regulator_actions/amount.hpp"

namespace dossier::extract::regulator_actions {

// Where the rule says a role sits relative to its trigger.
enum class Side { kBefore, kAfter };

// The acting body: the one named in "by X" after the trigger; else the nearest one on `prefer`'s
// side, else on the other side. Null when the sentence names none.
const OrganisationMention* pick_regulator(const std::vector<const OrganisationMention*>& orgs,
                                          std::string_view doc, text::Span trigger, Side prefer);

// The organisation acted on: not a regulator, nearest on `prefer`'s side of the trigger, else
// the other side (`fallback` set then). Null when none.
const OrganisationMention* pick_target(const std::vector<const OrganisationMention*>& orgs,
                                       const OrganisationMention* regulator, text::Span trigger,
                                       Side prefer, bool* fallback);

// A noun phrase naming the target: the capitalised words after the trigger (or up to four
// words opening in lower case or a digit: "a private individual", "1&1 Telecom GmbH"), skipping
// articles, "a fine of", sums, bracketed asides ("(approx. EUR 330,000)") and "on"/"against"/
// "to"; or, for `Side::kBefore`, the subject ending just before it ("British Airways", "a
// hospital", "the controller"). Its span in `doc`; empty when there is none.
text::Span noun_phrase_target(std::string_view doc, text::Span sentence, text::Span trigger,
                              Side side, const std::vector<Money>& money);

// The date mention nearest the trigger, skipping dates that describe an incident ("a 2018 data
// breach") and values with no known digit ("XXXX-XX-XX": a date relative to nothing). Null when
// none.
const DateMention* pick_date(const std::vector<const DateMention*>& dates, std::string_view doc,
                             text::Span trigger);

// The sum that belongs to the trigger: one inside it, else one right before it ("a £20m fine"), else the first
// after it, else the nearest before. Null when none.
const Money* pick_money(const std::vector<Money>& money, text::Span trigger);

}  // namespace dossier::extract::regulator_actions
