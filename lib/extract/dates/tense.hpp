#pragma once
// Which way the clause around a date mention points: news reports the past, but "will meet on
// 2 May", "is due to report in June", "to be held on October 12" speak of what is to come.
// A simple heuristic: the nearest tense cue before the mention in its sentence (modal and
// planning words are future; said/was/had and past participles are past), else, when the
// mention follows "until"/"till"/"through", the future; else the first cue after.

#include <string_view>

#include "lib/extract/dates/normalise.hpp"
#include "lib/text/document.hpp"

namespace dossier::extract::dates {

Tense clause_tense(std::string_view text, text::Span mention);

}  // namespace dossier::extract::dates
