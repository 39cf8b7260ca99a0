#include "lib/extract/regulator_actions/regulator_actions.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "lib/extract/mention.hpp"
#include "lib/extract/regulator_actions/amount.hpp"
#include "lib/extract/regulator_actions/roles.hpp"
#include "lib/text/ascii.hpp"
#include "lib/text/sentences.hpp"

namespace dossier::extract::regulator_actions {
namespace {

// A sentence that refers back to a regulator named shortly before.
bool refers_back(std::string_view s) {
  for (std::string_view w : {"the regulator", "The regulator", "the watchdog", "The watchdog",
                             "the authority", "The authority", "the DPA", "The DPA",
                             "the commissioner", "The commissioner", "the agency", "The agency"}) {
    if (s.find(w) != std::string_view::npos) return true;
  }
  return false;
}

// A sentence whose subject is "it": it opens the sentence ("It fined ...") or follows a short
// opening phrase ("Later, it fined ...", "In May 2024, it issued ...").
bool opens_with_it(std::string_view s) {
  if (s.substr(0, 3) == "It ") return true;
  std::size_t comma = s.substr(0, 40).find(", it ");
  return comma != std::string_view::npos;
}

// Action matches looked at per sentence: real sentences hold a few; pathological text many.
constexpr int kMaxHitsPerSentence = 16;

// Sentences back that "the watchdog" may reach.
constexpr int kReferBack = 3;

Side side_of(const rules::Rule& r, std::string_view key, Side fallback) {
  std::string_view v = r.attr(key);
  if (v == "after") return Side::kAfter;
  if (v == "before") return Side::kBefore;
  return fallback;
}

// Actions whose target may be a plain noun phrase ("a private individual") when no organisation
// is named where the target sits.
bool takes_noun_phrase(std::string_view action) {
  return action == "fine" || action == "settlement" || action == "charge" || action == "sanction" ||
         action == "reprimand" || action == "order";
}

bool carries_money(std::string_view action) {
  return action == "fine" || action == "settlement" || action == "order" || action == "sanction";
}

}  // namespace

bool can_regulate(std::string_view c) {
  return c == "regulator" || c == "legislature" || c == "court" || c == "law_enforcement";
}

std::vector<RegulatorAction> extract(const rules::RuleSet& rules, const text::Document& doc,
                                     const Extractions& found, text::Sentences& split,
                                     std::vector<std::string>& warnings) {
  std::vector<RegulatorAction> out;
  const rules::KindRules& kr = rules.rules(rules::Kind::kRegulatorActions);
  if (kr.rules.empty()) return out;
  const std::string_view text = doc.text;
  const auto& orgs = found.organisations;
  // Without an organisation that can regulate no sentence yields an action.
  if (std::none_of(orgs.begin(), orgs.end(), [](const auto& o) { return can_regulate(o.category); }))
    return out;
  const std::vector<text::Span>& sentences = split.spans();
  const auto& dates = found.dates;
  std::size_t oi = 0, di = 0;
  const OrganisationMention* last_regulator = nullptr;
  int last_regulator_sentence = -1000;
  // The previous sentence: its dates, whether it named a regulator, and its actions
  // (out[prev_begin, prev_end)). A sentence that names a regulator but records no action of its
  // own sets the scene: its date governs an undated action that follows ("On 12 March the
  // Garante published its decision on Enel. The Garante fined the company ..."); a date that
  // belongs to an action of its own does not. An action naming no target, or only "the
  // controller", continues the latest action by the same regulator in this sentence ("sanctioned
  // NS Cards with a fine of ...") or a few sentences back ("...
  // reported the breach to the ICO. The ICO ... decided no further action was required": the
  // Home Office's breach).
  // The regulator the previous sentence opened with, its likely subject: "it" in the next
  // sentence is that regulator ("The ICO investigated Acme. It fined the firm £5m."), not a
  // regulator named later in it ("Acme told the ICO. It fined its staff." names none).
  const OrganisationMention* subject = nullptr;
  const OrganisationMention* prev_subject = nullptr;
  std::vector<const DateMention*> when, prev_when;
  bool has_regulator = false, prev_has_regulator = false;
  text::Span prev_sentence{};
  std::size_t prev_begin = 0, prev_end = 0, cur_begin = 0;
  std::vector<int> out_sentence;  // the sentence of each action in `out`
  for (int si = 0; si < static_cast<int>(sentences.size()); ++si) {
    const text::Span s = sentences[si];
    prev_when = std::move(when);
    when.clear();
    prev_has_regulator = has_regulator && si > 0;
    prev_subject = si > 0 ? subject : nullptr;
    subject = nullptr;
    if (si > 0) prev_sentence = sentences[si - 1];
    prev_begin = cur_begin;
    prev_end = out.size();
    cur_begin = out.size();
    std::vector<const OrganisationMention*> here;
    while (oi < orgs.size() && orgs[oi].span.start < s.start) ++oi;
    for (std::size_t k = oi; k < orgs.size() && orgs[k].span.start < s.end; ++k)
      if (orgs[k].span.end <= s.end) here.push_back(&orgs[k]);
    while (di < dates.size() && dates[di].span.start < s.start) ++di;
    for (std::size_t k = di; k < dates.size() && dates[k].span.start < s.end; ++k)
      if (dates[k].span.end <= s.end) when.push_back(&dates[k]);

    const std::string_view sentence = text.substr(s.start, s.size());
    if (!here.empty() && can_regulate(here.front()->category)) subject = here.front();
    has_regulator =
        std::any_of(here.begin(), here.end(), [](auto* o) { return can_regulate(o->category); });
    const OrganisationMention* referred = nullptr;
    bool implied_only = false;  // only rules whose agent goes unsaid ("the controller was fined")
    if (!has_regulator && prev_subject && opens_with_it(sentence)) {
      referred = prev_subject;
    } else if (!has_regulator) {
      if (!last_regulator || si - last_regulator_sentence > kReferBack) continue;
      referred = last_regulator;
      implied_only = !refers_back(sentence);
    }
    std::vector<Money> money;
    bool money_done = false;
    std::vector<std::pair<std::string, std::string>> made;  // (action, regulator) in this sentence
    int hits_seen = 0;
    for (rules::Hit hit : kr.scanner.scan(sentence, true)) {
      if (++hits_seen > kMaxHitsPerSentence) break;
      const rules::Rule& rule = kr.rules[hit.pattern];
      if (rule.block || (implied_only && rule.attr("implied_regulator") != "true")) continue;
      hit.span = {hit.span.start + s.start, hit.span.end + s.start};
      for (auto& g : hit.groups) g.span = {g.span.start + s.start, g.span.end + s.start};
      text::Span trigger = hit.span;
      const std::string action(rule.attr("action"));
      const OrganisationMention* regulator =
          referred ? referred : pick_regulator(here, text, trigger, side_of(rule, "regulator", Side::kBefore));
      if (!regulator) continue;
      if (std::find(made.begin(), made.end(), std::pair(action, regulator->name)) != made.end())
        continue;
      made.emplace_back(action, regulator->name);
      bool by_regulator = regulator->span.start >= trigger.end;
      Side target_side = side_of(rule, "target",
                                 by_regulator && rule.attr("regulator") != "after" ? Side::kBefore : Side::kAfter);
      if (!money_done && carries_money(action)) {
        money = find_money(sentence, s.start);
        money_done = true;
      }
      RegulatorAction a;
      fill_mention(a, doc, s, rule.id);
      a.regulator = regulator->name;
      a.action = action;
      bool fallback = false;
      const OrganisationMention* t = pick_target(here, regulator, trigger, target_side, &fallback);
      if (t && fallback && rule.attr("fallback") == "none") t = nullptr;
      text::Span np{};
      if (takes_noun_phrase(action)) {
        np = noun_phrase_target(text, s, trigger, target_side, money);
      } else if (action == "investigation") {  // a name only: "investigated Acme SA", not "the complaint"
        np = noun_phrase_target(text, s, trigger, target_side, money);
        if (np.size() == 0 || !text::is_upper(text[np.start])) np = {};
      }
      // The words right after the trigger name the target when the organisation found lies
      // beyond them ("on Kaspr for … LinkedIn users") or misses their first words
      // ("Österreichische Post AG" when only "Post AG" is a mention).
      bool np_first = np.size() > 0 && target_side == Side::kAfter &&
                      (!t || fallback || t->span.start >= np.end || t->span.start > np.start);
      bool definite = false;  // "the controller": one named before, if any
      if (np_first || (!t && np.size() > 0)) {
        a.target = std::string(text.substr(np.start, np.size()));
        definite = np.start >= 4 && text.substr(np.start - 4, 4) == "the " &&
                   a.target.find(' ') == std::string::npos && text::is_lower(a.target[0]);
      } else if (t) {
        a.target = t->name;
        if (fallback)
          warnings.push_back(fmt::format("line {}: {} target '{}' is only the nearest organisation",
                                         a.line, action, t->name));
      }
      if ((a.target.empty() || definite) && rule.attr("fallback") != "none") {
        for (std::size_t k = out.size(); k > 0 && out_sentence[k - 1] >= si - kReferBack; --k) {
          if (out[k - 1].regulator == a.regulator &&
              !out[k - 1].target.empty()) {
            a.target = out[k - 1].target;
            break;
          }
        }
      }
      if (const DateMention* d = pick_date(when, text, trigger)) {
        a.date = d->value;
      } else if (prev_has_regulator && prev_begin == prev_end) {
        if (const DateMention* d = pick_date(prev_when, text, {prev_sentence.end, prev_sentence.end}))
          a.date = d->value;
      }
      if (carries_money(action)) {
        if (const Money* m = pick_money(money, trigger)) {
          a.amount = m->minor;
          a.currency = m->currency;
          if (m->upper_bound || m->range)
            warnings.push_back(fmt::format("line {}: {} amount '{}' is {}", a.line, action,
                                           text.substr(m->span.start, m->span.size()),
                                           m->range ? "the low end of a range" : "a maximum, not a sum imposed"));
        }
      }
      a.negated = !group_text(hit, text, "negation").empty() ||
                  !group_text(hit, text, "negation_after").empty();
      if (rule.attr("proposed") == "true")
        warnings.push_back(fmt::format("line {}: proposed {}, not imposed: '{}'", a.line, action,
                                       text.substr(trigger.start, trigger.size())));
      out.push_back(std::move(a));
      out_sentence.push_back(si);
    }
    for (const OrganisationMention* o : here) {
      if (can_regulate(o->category)) {
        last_regulator = o;
        last_regulator_sentence = si;
      }
    }
  }
  return out;
}

}  // namespace dossier::extract::regulator_actions
