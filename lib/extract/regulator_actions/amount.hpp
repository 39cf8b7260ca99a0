#pragma once
// Sums of money in text: "£12.7m", "EUR 3.94 million", "1.2bn", "20,000,000 euros",
// "USD 5 billion", "NOK 65 million", "69.2 billion won" -> an integer amount in the currency's
// minor units (pence, cents; won and yen have none) and its ISO 4217 code.
// Currency before the number: a symbol (£ $ € ¥ ₩ ₹, US$ A$ C$ …) or an ISO 4217 code; after it:
// a code or a currency word (euros, pounds, dollars, kronor …). Magnitudes: k, m, mn, bn, b, tn and
// thousand, million, billion, trillion. A bare "$" is US dollars.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lib/text/document.hpp"

namespace dossier::extract::regulator_actions {

struct Money {
  text::Span span;         // into the text given to find_money, shifted by `base`
  std::int64_t minor = 0;  // amount in minor units
  std::string currency;    // ISO 4217
  bool upper_bound = false;  // "up to", "as much as", "a maximum of"
  bool range = false;        // "£10m-£20m", "between £10m and £20m": this is the low end
};

// Every sum of money in `text`, left to right; spans are offsets into `text` plus `base`.
// Sums too big for 64 bits are left out.
std::vector<Money> find_money(std::string_view text, std::size_t base = 0);

}  // namespace dossier::extract::regulator_actions
