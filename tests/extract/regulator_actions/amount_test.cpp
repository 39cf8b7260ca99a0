// Sums of money: every form a regulator's decision is written in -> minor units and an ISO 4217
// code; maxima and ranges flagged; numbers that are not sums left alone.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "lib/extract/regulator_actions/amount.hpp"

using dossier::extract::regulator_actions::find_money;
using dossier::extract::regulator_actions::Money;

namespace {

// The sums in `text` as "text|minor|currency", plus "|max" / "|range" when flagged.
std::vector<std::string> sums(const std::string& text) {
  std::vector<std::string> out;
  for (const Money& m : find_money(text)) {
    std::string s = text.substr(m.span.start, m.span.size()) + "|" + std::to_string(m.minor) + "|" +
                    m.currency;
    if (m.upper_bound) s += "|max";
    if (m.range) s += "|range";
    out.push_back(s);
  }
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("amount: symbols before the number, with magnitude suffixes", "[regulator_actions][amount]") {
  CHECK(sums("fined £12.7m") == V{"£12.7m|1270000000|GBP"});
  CHECK(sums("a fine of £183.39M") == V{"£183.39M|18339000000|GBP"});
  CHECK(sums("€1.2 million") == V{"€1.2 million|120000000|EUR"});
  CHECK(sums("€1.2bn") == V{"€1.2bn|120000000000|EUR"});
  CHECK(sums("$575 million") == V{"$575 million|57500000000|USD"});
  CHECK(sums("US$1.3 billion") == V{"US$1.3 billion|130000000000|USD"});
  CHECK(sums("a £7.5m fine") == V{"£7.5m|750000000|GBP"});
  CHECK(sums("£500k") == V{"£500k|50000000|GBP"});
  CHECK(sums("$5bn") == V{"$5bn|500000000000|USD"});
}

TEST_CASE("amount: ISO 4217 codes before or after the number", "[regulator_actions][amount]") {
  CHECK(sums("EUR 3,000") == V{"EUR 3,000|300000|EUR"});
  CHECK(sums("EUR 3.94 million") == V{"EUR 3.94 million|394000000|EUR"});
  CHECK(sums("EUR 225,000,000") == V{"EUR 225,000,000|22500000000|EUR"});
  CHECK(sums("EUR 35,258,707.95") == V{"EUR 35,258,707.95|3525870795|EUR"});
  CHECK(sums("SEK 7 million") == V{"SEK 7 million|700000000|SEK"});
  CHECK(sums("NOK 65 million") == V{"NOK 65 million|6500000000|NOK"});
  CHECK(sums("PLN 1.1 million") == V{"PLN 1.1 million|110000000|PLN"});
  CHECK(sums("HUF 10,000,000") == V{"HUF 10,000,000|1000000000|HUF"});
  CHECK(sums("DKK 1,500,000") == V{"DKK 1,500,000|150000000|DKK"});
  CHECK(sums("3,000 EUR") == V{"3,000 EUR|300000|EUR"});
  CHECK(sums("12 million GBP") == V{"12 million GBP|1200000000|GBP"});
  CHECK(sums("EUR 2.385 million") == V{"EUR 2.385 million|238500000|EUR"});
}

TEST_CASE("amount: a sum with its conversion in brackets gives both, in order",
          "[regulator_actions][amount]") {
  CHECK(sums("RON 4,900 (approx. EUR 1,000)") ==
        V{"RON 4,900|490000|RON", "EUR 1,000|100000|EUR"});
  CHECK(sums("PLN 1,440,000 (approx. EUR 330,000)") ==
        V{"PLN 1,440,000|144000000|PLN", "EUR 330,000|33000000|EUR"});
}

TEST_CASE("amount: currency words after the number", "[regulator_actions][amount]") {
  CHECK(sums("1,240 euros") == V{"1,240 euros|124000|EUR"});
  CHECK(sums("30.5 million euros") == V{"30.5 million euros|3050000000|EUR"});
  CHECK(sums("50 million euros") == V{"50 million euros|5000000000|EUR"});
  CHECK(sums("20 million pounds") == V{"20 million pounds|2000000000|GBP"});
  CHECK(sums("7 million kronor") == V{"7 million kronor|700000000|SEK"});
  CHECK(sums("69.2 billion won") == V{"69.2 billion won|69200000000|KRW"});
}

TEST_CASE("amount: minor units follow the currency's decimals", "[regulator_actions][amount]") {
  CHECK(sums("ISK 12 million") == V{"ISK 12 million|12000000|ISK"});  // no minor unit
  CHECK(sums("¥100 million") == V{"¥100 million|100000000|JPY"});
  CHECK(sums("KWD 1,000") == V{"KWD 1,000|1000000|KWD"});  // fils: three decimals
  CHECK(sums("€0.5") == V{"€0.5|50|EUR"});
}

TEST_CASE("amount: dots and spaces that group thousands", "[regulator_actions][amount]") {
  CHECK(sums("EUR 1.000.000") == V{"EUR 1.000.000|100000000|EUR"});
  CHECK(sums("€35.258.707,95") == V{"€35.258.707,95|3525870795|EUR"});
  CHECK(sums("EUR 10.000") == V{"EUR 10.000|1000000|EUR"});
  CHECK(sums("EUR 20 000") == V{"EUR 20 000|2000000|EUR"});
  CHECK(sums("20\u00A0000 euros") == V{"20\u00A0000 euros|2000000|EUR"});
}

TEST_CASE("amount: maxima and ranges are flagged, not passed off as imposed",
          "[regulator_actions][amount]") {
  CHECK(sums("fines of up to €20 million") == V{"€20 million|2000000000|EUR|max"});
  CHECK(sums("a maximum of £17.5m") == V{"£17.5m|1750000000|GBP|max"});
  CHECK(sums("as much as $5bn") == V{"$5bn|500000000000|USD|max"});
  CHECK(sums("between £10m and £20m") ==
        V{"£10m|1000000000|GBP|range", "£20m|2000000000|GBP"});
  CHECK(sums("£10m-£20m") == V{"£10m|1000000000|GBP|range", "£20m|2000000000|GBP"});
}

TEST_CASE("amount: numbers that are not sums of money", "[regulator_actions][amount]") {
  CHECK(sums("In 2023 the ICO fined 5 companies.").empty());
  CHECK(sums("Article 83 GDPR and NHS 2 rules").empty());
  CHECK(sums("the data of 12.7m customers").empty());
  CHECK(sums("ISO 27001 and COVID 19").empty());
  CHECK(sums("EUR and GBP").empty());
  CHECK(sums("Meta in 2019 won the appeal").empty());
  CHECK(sums("fined 100m records").empty());
  CHECK(sums("the 2023 500 euros fine") == V{"500 euros|50000|EUR"});
}

TEST_CASE("amount: spans are shifted by the base offset", "[regulator_actions][amount]") {
  auto m = find_money("fined £3m", 100);
  REQUIRE(m.size() == 1);
  CHECK(m[0].span.start == 106);
  CHECK(m[0].span.end == 110);
}
