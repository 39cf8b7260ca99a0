#include "lib/extract/regulator_actions/amount.hpp"

#include <fmt/format.h>
#include <re2/re2.h>

#include <array>
#include <optional>

#include "lib/text/ascii.hpp"

namespace dossier::extract::regulator_actions {
namespace {

struct Named {
  std::string_view text;
  std::string_view code;
};

// Symbols and prefixed dollars, longest first.
constexpr std::array<Named, 17> kSymbols = {{
    {"US$", "USD"}, {"AU$", "AUD"}, {"CA$", "CAD"}, {"NZ$", "NZD"}, {"HK$", "HKD"},
    {"A$", "AUD"},  {"C$", "CAD"},  {"S$", "SGD"},  {"R$", "BRL"},  {"$", "USD"},
    {"£", "GBP"},   {"€", "EUR"},   {"¥", "JPY"},   {"₩", "KRW"},   {"₹", "INR"},
    {"₺", "TRY"},   {"zł", "PLN"},
}};

// Currency words after a number (lower case; plural and singular).
constexpr std::array<Named, 30> kWords = {{
    {"euros", "EUR"},   {"euro", "EUR"},     {"pounds", "GBP"},  {"pound", "GBP"},
    {"sterling", "GBP"}, {"dollars", "USD"}, {"dollar", "USD"},  {"won", "KRW"},
    {"yen", "JPY"},     {"zlotys", "PLN"},   {"zloty", "PLN"},   {"lei", "RON"},
    {"forints", "HUF"}, {"forint", "HUF"},   {"korunas", "CZK"}, {"koruna", "CZK"},
    {"francs", "CHF"},  {"rupees", "INR"},   {"yuan", "CNY"},    {"renminbi", "CNY"},
    {"leva", "BGN"},    {"lev", "BGN"},      {"lira", "TRY"},    {"rand", "ZAR"},
    {"reais", "BRL"},   {"kronor", "SEK"},   {"kroner", "NOK"},  {"krone", "NOK"},
    {"krona", "SEK"},   {"rubles", "RUB"},
}};

// ISO 4217 active codes (a few that are also English words left out: ALL, TOP, CUP, SOS, MOP).
constexpr std::string_view kIsoCodes =
    "AED AFN AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN "
    "BZD CAD CDF CHF CLP CNY COP CRC CUC CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL "
    "GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR "
    "KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MRU MUR MVR MWK MXN "
    "MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD "
    "SCR SDG SEK SGD SHP SLE SLL SRD SSP STN SVC SYP SZL THB TJS TMT TND TRY TTD TWD TZS UAH UGX "
    "USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL";

bool is_iso(std::string_view code) {
  if (code.size() != 3) return false;
  for (std::size_t i = 0; i + 3 <= kIsoCodes.size(); i += 4)
    if (kIsoCodes.substr(i, 3) == code) return true;
  return false;
}

// Decimal places of the currency's minor unit (ISO 4217), 2 unless listed.
int minor_digits(std::string_view code) {
  for (std::string_view c : {"JPY", "KRW", "ISK", "CLP", "VND", "PYG", "UGX", "XAF", "XOF",
                             "XPF", "RWF", "KMF", "GNF", "DJF", "BIF", "VUV"})
    if (c == code) return 0;
  for (std::string_view c : {"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"})
    if (c == code) return 3;
  return 2;
}

int magnitude(std::string_view m) {
  if (m.empty()) return 0;
  char c = m[0] | 0x20;
  if (c == 'k' || (c == 't' && m.size() > 1 && (m[1] | 0x20) == 'h')) return 3;
  if (c == 'm') return 6;
  if (c == 'b') return 9;
  if (c == 't') return 12;
  return 0;
}

// A number: "1.000.000" / "35.258.707,95" (dots group thousands), "20 000" (spaces do),
// "20,000,000.50" (commas do), "12.7".
constexpr std::string_view kNumber =
    "[0-9]{1,3}(?:\\.[0-9]{3})+(?:,[0-9]{1,2})?\\b|[0-9]{1,3}(?:[ \u00A0\u202F][0-9]{3})+\\b|"
    "[0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?|[0-9]+(?:\\.[0-9]+)?";
// A magnitude word or suffix after a number.
constexpr std::string_view kMagnitude =
    "(?i:thousand|million|billion|trillion)\\b|(?:mn|mln|bn|bln|tn|[mMbBkK])\\b";

const RE2& money_re() {
  static const RE2 re(fmt::format(
      "(?P<pre>US\\$|AU\\$|CA\\$|NZ\\$|HK\\$|A\\$|C\\$|S\\$|R\\$|\\$|£|€|¥|₩|₹|₺|\\b[A-Z]{{3}})\\s?"
      "(?P<num>{0})(?:\\s?(?P<mag>{1}))?(?:\\s(?P<code2>[A-Z]{{3}})\\b)?"
      "|\\b(?P<num2>{0})(?:\\s?(?P<mag2>{1}))?"
      "\\s?(?:(?P<post>[A-Z]{{3}})\\b|(?P<word>(?i:euros?|pounds?|sterling|dollars?|won|yen|zlotys?|"
      "lei|forints?|korunas?|francs|rupees|yuan|renminbi|leva|lev|lira|rand|reais|kronor|kroner|"
      "krone|krona|rubles|zł))\\b)",
      kNumber, kMagnitude));
  return re;
}

std::string_view code_of(std::string_view pre) {
  for (const Named& s : kSymbols)
    if (s.text == pre) return s.code;
  return is_iso(pre) ? pre : std::string_view();
}

std::string_view word_code(std::string_view w) {
  std::string lower(w);
  for (char& c : lower) c = text::to_lower(c);
  for (const Named& n : kWords)
    if (n.text == lower) return n.code;
  return lower == "zł" ? "PLN" : std::string_view();
}

// Do dots group thousands in `num` ("1.000.000", "35.258.707,95", "EUR 10.000")? Only when no
// magnitude follows ("EUR 2.385 million" is a decimal) and every group after a dot has three
// digits; a single such dot counts as grouping unless the currency has three decimals.
bool dots_group(std::string_view num, bool has_magnitude, int digits) {
  if (has_magnitude || num.find('.') == std::string_view::npos) return false;
  std::size_t comma = num.find(',');
  if (comma != std::string_view::npos && num.find('.', comma) != std::string_view::npos)
    return false;  // "20,000.50"
  std::string_view whole = num.substr(0, comma);
  int dots = 0;
  for (std::size_t p = whole.find('.'); p != std::string_view::npos; p = whole.find('.', p + 1)) {
    std::size_t q = whole.find('.', p + 1);
    if ((q == std::string_view::npos ? whole.size() : q) - p - 1 != 3) return false;
    ++dots;
  }
  return dots >= 2 || comma != std::string_view::npos || digits != 3;
}

// digits (with , and . or spaces) x 10^(mag + minor digits), exactly; nullopt on overflow.
// `dot_groups`: '.' groups thousands and ',' is the decimal mark.
std::optional<std::int64_t> to_minor(std::string_view num, int mag, int digits, bool dot_groups) {
  __int128 v = 0;
  int frac = -1;
  const char group = dot_groups ? '.' : ',';
  const char decimal = dot_groups ? ',' : '.';
  for (char c : num) {
    if (c == group || !(c == decimal || text::is_digit(c))) continue;  // also spaces
    if (c == decimal) {
      frac = 0;
      continue;
    }
    v = v * 10 + (c - '0');
    if (frac >= 0) ++frac;
    if (v > (__int128(1) << 100)) return std::nullopt;
  }
  int exp = mag + digits - (frac < 0 ? 0 : frac);
  for (; exp > 0; --exp) v *= 10;
  for (; exp < 0; ++exp) v /= 10;  // more decimals than the currency has: truncate
  if (v > INT64_MAX) return std::nullopt;
  return static_cast<std::int64_t>(v);
}

bool ends_with_word(std::string_view before, std::string_view w) {
  return before.size() >= w.size() && before.substr(before.size() - w.size()) == w;
}

}  // namespace

std::vector<Money> find_money(std::string_view text, std::size_t base) {
  std::vector<Money> out;
  const RE2& re = money_re();
  re2::StringPiece in(text.data(), text.size());
  re2::StringPiece g[10];
  std::size_t pos = 0;
  while (pos < text.size() &&
         re.Match(in, pos, text.size(), RE2::UNANCHORED, g, 10)) {
    std::size_t s = g[0].data() - text.data(), e = s + g[0].size();
    pos = e > s ? e : s + 1;
    // Groups: 1 pre, 2 num, 3 mag, 4 code2, 5 num2, 6 mag2, 7 post, 8 word.
    std::string_view code, num, mag;
    if (g[2].data()) {
      code = code_of(std::string_view(g[1].data(), g[1].size()));
      if (code.empty() && g[4].data() && is_iso(std::string_view(g[4].data(), g[4].size())))
        code = std::string_view(g[4].data(), g[4].size());
      num = std::string_view(g[2].data(), g[2].size());
      mag = g[3].data() ? std::string_view(g[3].data(), g[3].size()) : std::string_view();
      if (code.empty()) {
        // "NHS 2": not a currency; let the number be tried again on its own.
        pos = g[2].data() - text.data();
        continue;
      }
    } else {
      if (g[7].data()) code = is_iso(std::string_view(g[7].data(), g[7].size()))
                                  ? std::string_view(g[7].data(), g[7].size())
                                  : std::string_view();
      else if (g[8].data()) code = word_code(std::string_view(g[8].data(), g[8].size()));
      num = std::string_view(g[5].data(), g[5].size());
      mag = g[6].data() ? std::string_view(g[6].data(), g[6].size()) : std::string_view();
      if (code.empty()) continue;
    }
    // "in 2019 won the case": a bare small number before "won" is not a sum.
    if (code == "KRW" && g[8].data() && mag.empty() && num.find_first_of(",. ") == std::string_view::npos)
      continue;
    int digits = minor_digits(code);
    auto minor = to_minor(num, magnitude(mag), digits, dots_group(num, !mag.empty(), digits));
    if (!minor) continue;
    Money m;
    m.span = {base + s, base + e};
    m.minor = *minor;
    m.currency = std::string(code);
    std::string_view before = text.substr(s >= 40 ? s - 40 : 0, s >= 40 ? 40 : s);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    for (std::string_view w : {"up to", "as much as", "maximum of", "maximum", "as high as"})
      m.upper_bound = m.upper_bound || ends_with_word(before, w);
    std::string_view after = text.substr(e, 12);
    m.range = ends_with_word(before, "between") || after.rfind("-", 0) == 0 ||
              after.rfind("–", 0) == 0 || after.rfind(" to ", 0) == 0 ||
              (after.rfind(" and ", 0) == 0 && ends_with_word(before, "between"));
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace dossier::extract::regulator_actions
