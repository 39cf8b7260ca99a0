#include "lib/extract/regulator_actions/roles.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>

#include "lib/extract/regulator_actions/regulator_actions.hpp"
#include "lib/text/ascii.hpp"

namespace dossier::extract::regulator_actions {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_upper_start(char c) {
  return text::is_upper(c) || text::is_digit(c) || static_cast<unsigned char>(c) >= 0xC0;
}
bool is_lower_word(std::string_view w) { return !w.empty() && text::is_lower(w[0]); }

std::size_t distance(text::Span a, text::Span b) {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}

// Bytes between a regulator and the action's match beyond which it is not the actor ("the
// regulator …, the U.K. and allies issued a statement … blamed").
constexpr std::size_t kMaxRegulatorGap = 100;

// Words that may come between the trigger and its object and are not part of it.
constexpr std::array<std::string_view, 24> kSkip = {
    "a", "an", "the", "fine", "fines", "penalty", "of", "on", "against", "upon", "to",
    "administrative", "monetary", "total", "record", "notice", "with", "its", "their", "financial",
    "civil", "combined", "into", "at"};
// Words between a passive's subject and its verb ("has reportedly been fined").
constexpr std::array<std::string_view, 24> kAuxiliary = {
    "has", "have", "had", "been", "was", "were", "is", "are", "be", "being", "will", "would",
    "could", "may", "also", "reportedly", "previously", "now", "already", "subsequently", "then",
    "recently", "since", "itself"};
// Articles that open a lower-case subject ("a hospital", "the controller").
constexpr std::array<std::string_view, 6> kArticle = {"a", "an", "the", "A", "An", "The"};
// Words that end a lower-case object phrase.
constexpr std::array<std::string_view, 20> kStop = {
    "for", "over", "after", "with", "in", "by", "which", "who", "that", "because", "following",
    "as", "at", "and", "due", "from", "under", "of", "totalling", "amounting"};
// Words that may join capitalised words inside a name, and lower-case parts of legal forms
// ("Morele.net sp. z o.o.", "Amazon Europe Core S.à r.l.").
constexpr std::array<std::string_view, 13> kJoin = {"of", "and", "&", "de", "la", "del", "für",
                                                    "y", "for", "sp.", "z", "spółka", "r.l."};
// Words that are never a target by themselves: pronouns refer to one named elsewhere.
constexpr std::array<std::string_view, 8> kPronouns = {"it", "them", "him", "her", "us",
                                                       "itself", "themselves", "you"};
// The same as subjects opening a sentence ("It was fined £12.7m": the one investigated before).
constexpr std::array<std::string_view, 6> kSubjectPronouns = {"It", "They", "He", "She", "We",
                                                              "This"};

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

struct Word {
  std::string_view text;
  std::size_t start;
};

std::vector<Word> words(std::string_view doc, text::Span s) {
  std::vector<Word> out;
  for (std::size_t i = s.start; i < s.end;) {
    while (i < s.end && is_space(doc[i])) ++i;
    std::size_t b = i;
    while (i < s.end && !is_space(doc[i])) ++i;
    if (i > b) out.push_back({doc.substr(b, i - b), b});
  }
  return out;
}

// A word without trailing , ; : ) and without a final '.' unless it ends a dotted abbreviation
// ('S.p.A.', 's.r.o.': one or two letters after the dot before) or a company form ("Ltd.");
// "Locatefamily.com." loses it.
std::string_view clean(std::string_view w) {
  while (!w.empty() && (w.back() == ',' || w.back() == ';' || w.back() == ':' || w.back() == ')'))
    w.remove_suffix(1);
  if (!w.empty() && w.back() == '.' && w != "Ltd." && w != "Inc." && w != "Corp." && w != "Co.") {
    std::size_t dot = w.substr(0, w.size() - 1).rfind('.');
    if (dot == std::string_view::npos || w.size() - dot - 2 > 2) w.remove_suffix(1);
  }
  return w;
}

bool ends_phrase(std::string_view raw) {
  char c = raw.back();
  return c == ',' || c == ';' || c == ':' || c == ')' || (c == '.' && clean(raw).back() != '.');
}

bool in_money(const std::vector<Money>& money, std::size_t pos) {
  return std::any_of(money.begin(), money.end(), [&](const Money& m) { return m.span.contains(pos); });
}

text::Span join(const Word& first, const Word& last) {
  return {first.start, last.start + clean(last.text).size()};
}

// Index of the first word at or after `i` that is not inside a bracketed aside ("(approx.",
// "EUR 330,000)"); asides longer than a few words are not skipped.
std::size_t skip_aside(const std::vector<Word>& ws, std::size_t i) {
  if (i >= ws.size() || ws[i].text[0] != '(') return i;
  for (std::size_t j = i; j < ws.size() && j < i + 6; ++j)
    if (ws[j].text.find(')') != std::string_view::npos) return j + 1;
  return i;
}

}  // namespace

const OrganisationMention* pick_regulator(const std::vector<const OrganisationMention*>& orgs,
                                          std::string_view doc, text::Span trigger, Side prefer) {
  const OrganisationMention* before = nullptr;
  const OrganisationMention* after = nullptr;
  for (const OrganisationMention* o : orgs) {
    if (!can_regulate(o->category) || distance(o->span, trigger) > kMaxRegulatorGap) continue;
    if (o->span.end <= trigger.start) before = o;
    else if (o->span.start >= trigger.end && !after) after = o;
  }
  for (const OrganisationMention* o : orgs) {
    if (!can_regulate(o->category) || o->span.start < trigger.end) continue;
    if (o->span.start - trigger.end > kMaxRegulatorGap) break;
    std::string_view gap = doc.substr(trigger.end, o->span.start - trigger.end);
    std::size_t by = gap.rfind("by ");
    if (by != std::string_view::npos && (by == 0 || is_space(gap[by - 1])) &&
        gap.size() - by <= 12)
      return o;  // "was fined £20m by the ICO"
  }
  if (prefer == Side::kAfter) return after ? after : before;
  return before ? before : after;
}

const OrganisationMention* pick_target(const std::vector<const OrganisationMention*>& orgs,
                                       const OrganisationMention* regulator, text::Span trigger,
                                       Side prefer, bool* fallback) {
  const OrganisationMention* before = nullptr;
  const OrganisationMention* after = nullptr;
  for (const OrganisationMention* o : orgs) {
    if (can_regulate(o->category) || (regulator && o->name == regulator->name)) continue;
    if (o->span.end <= trigger.start) before = o;
    else if (!after) after = o;  // inside the match too: "singled Microsoft out"
  }
  const OrganisationMention* first = prefer == Side::kAfter ? after : before;
  const OrganisationMention* second = prefer == Side::kAfter ? before : after;
  if (first) return first;
  if (fallback) *fallback = second != nullptr;
  return second;
}

text::Span noun_phrase_target(std::string_view doc, text::Span sentence, text::Span trigger,
                              Side side, const std::vector<Money>& money) {
  if (side == Side::kBefore) {
    std::vector<Word> ws = words(doc, {sentence.start, trigger.start});
    std::size_t i = ws.size();
    while (i > 0 && in(kAuxiliary, ws[i - 1].text)) --i;  // "has been", "was reportedly"
    std::size_t last = i;
    if (i > 0 && is_lower_word(ws[i - 1].text) && !ends_phrase(ws[i - 1].text)) {
      // "a hospital was fined", "the controller was fined": back to the article.
      while (i > 0 && last - i < 4 && is_lower_word(ws[i - 1].text) &&
             !in(kArticle, ws[i - 1].text) && !ends_phrase(ws[i - 1].text))
        --i;
      if (i == 0 || !in(kArticle, ws[i - 1].text) || i == last) return {};
      return join(ws[i], ws[last - 1]);
    }
    while (i > 0 && (is_upper_start(ws[i - 1].text[0]) || in(kJoin, ws[i - 1].text))) --i;
    while (i < last && in(kJoin, ws[i].text)) ++i;
    if (i < last && (ws[i].text == "The" || ws[i].text == "A")) ++i;
    if (i >= last || (last - i == 1 && in(kSubjectPronouns, clean(ws[i].text)))) return {};
    return join(ws[i], ws[last - 1]);
  }
  std::vector<Word> ws = words(doc, {trigger.end, sentence.end});
  std::size_t i = 0;
  for (std::size_t k = ~std::size_t{0}; k != i;) {
    k = i;
    while (i < ws.size() && (in(kSkip, ws[i].text) || in_money(money, ws[i].start))) ++i;
    i = skip_aside(ws, i);
  }
  if (i >= ws.size()) return {};
  std::size_t first = i;
  if (is_upper_start(ws[i].text[0]) && !text::is_digit(ws[i].text[0])) {
    while (i < ws.size() && !in_money(money, ws[i].start) &&
           (is_upper_start(ws[i].text[0]) || (i > first && in(kJoin, ws[i].text)) ||
            clean(ws[i].text).find('.') != std::string_view::npos)) {
      if (ends_phrase(ws[i].text)) {
        ++i;
        break;
      }
      ++i;
    }
    // One capitalised modifier before lower-case nouns: "a London-based estate agency", "an
    // Italian municipality".
    bool modifier = i == first + 1 && !ends_phrase(ws[first].text) &&
                    (ws[first].text.find('-') != std::string_view::npos ||
                     (first > 0 && (ws[first - 1].text == "a" || ws[first - 1].text == "an")));
    if (modifier) {
      while (i < ws.size() && i - first < 4 && !in_money(money, ws[i].start) &&
             !in(kStop, ws[i].text) && is_lower_word(ws[i].text)) {
        if (ends_phrase(ws[i].text)) {
          ++i;
          break;
        }
        ++i;
      }
    }
  } else {
    // "a private individual", "four Iranian individuals", "1&1 Telecom GmbH".
    while (i < ws.size() && i - first < 4 && !in_money(money, ws[i].start) &&
           !in(kStop, ws[i].text) && ws[i].text[0] != '(') {
      if (ends_phrase(ws[i].text)) {
        ++i;
        break;
      }
      ++i;
    }
  }
  while (i > first && in(kJoin, ws[i - 1].text)) --i;
  if (i == first || (i == first + 1 && in(kPronouns, clean(ws[first].text)))) return {};
  return join(ws[first], ws[i - 1]);
}

const DateMention* pick_date(const std::vector<const DateMention*>& dates, std::string_view doc,
                             text::Span trigger) {
  const DateMention* best = nullptr;
  for (const DateMention* d : dates) {
    std::string_view after = doc.substr(d->span.end, 16);
    if (after.rfind(" data breach", 0) == 0 || after.rfind(" breach", 0) == 0 ||
        after.rfind(" attack", 0) == 0 || after.rfind(" hack", 0) == 0 ||
        after.rfind(" incident", 0) == 0)
      continue;
    if (d->value.find_first_of("0123456789") == std::string::npos) continue;
    if (!best || distance(d->span, trigger) < distance(best->span, trigger)) best = d;
  }
  return best;
}

const Money* pick_money(const std::vector<Money>& money, text::Span trigger) {
  for (const Money& m : money) {
    if (m.span.start >= trigger.start && m.span.end <= trigger.end) return &m;  // "a fine of X was imposed on"
  }
  const Money* before = nullptr;
  for (const Money& m : money) {
    if (m.span.end <= trigger.start) before = &m;
  }
  if (before && trigger.start - before->span.end <= 12) return before;  // "a £20m fine"
  for (const Money& m : money) {
    if (m.span.start >= trigger.end) return &m;
  }
  return before;
}

}  // namespace dossier::extract::regulator_actions
